#include "common/analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <array>
#include <limits>
#include <stdexcept>

namespace newsindex {

namespace {

// Characters that read as an apostrophe in news text: all become U+0027 before word breaking,
// so "Japan’s", "Japan's", "Japanʼs", "Japan′s" and "Japan＇s" are one word.
bool is_apostrophe(UChar32 c) {
  return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x2032 || c == 0xFF07 || c == 0x0060 ||
         c == 0x00B4;
}

// Hyphens that glue compounds; em and en dashes are not among them (they separate words).
bool is_hyphen(UChar32 c) { return c == 0x2010 || c == 0x2011 || c == 0x00AD; }

// A character that only separates words, wherever it stands: in ICU's root word rules, as in
// UAX #29, it is "Other" (no rule joins it to anything), and it is punctuation or a symbol (so not
// a CJK or Thai letter, nor a mark of a script that ICU segments with its dictionaries) but no
// emoji (which have rules of their own). Text of ASCII and such characters takes the ASCII word scanner below.
bool plain_separator(UChar32 c) {
  switch (c) {  // the usual ones in news text, without property lookups
    case 0x201C: case 0x201D: case 0x2013: case 0x2014: case 0x2026: case 0x00AB: case 0x00BB:
      return true;
    default:
      break;
  }
  if (u_getIntPropertyValue(c, UCHAR_WORD_BREAK) != U_WB_OTHER) return false;
  UErrorCode st = U_ZERO_ERROR;  // Han radicals, Tai Tham punctuation...: ICU's dictionaries take them
  if (uscript_getScript(c, &st) != USCRIPT_COMMON || U_FAILURE(st)) return false;
  constexpr uint32_t kPunctuationOrSymbol =
      U_GC_PD_MASK | U_GC_PS_MASK | U_GC_PE_MASK | U_GC_PI_MASK | U_GC_PF_MASK | U_GC_PO_MASK |
      U_GC_PC_MASK | U_GC_SM_MASK | U_GC_SC_MASK | U_GC_SK_MASK | U_GC_SO_MASK;
  return (U_GET_GC_MASK(c) & kPunctuationOrSymbol) != 0 && !u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC);
}

// The UTF-16 text ICU breaks, with a map back to byte offsets of the original UTF-8.
struct Utf16Text {
  std::u16string units;
  std::vector<uint32_t> start;  // byte where the code point of each unit starts
  std::vector<uint32_t> next;   // byte just after it
  size_t invalid = 0;
  bool simple = true;           // only ASCII and plain separators: the ASCII word scanner applies

  // A reused buffer keeps what the largest text needed; past a few MB that is not worth keeping.
  void release_if_large() {
    if (units.capacity() > (size_t{1} << 20)) *this = Utf16Text{};
  }
};

// Fills `out`, whose buffers are reused from call to call (an Analyzer analyzes many texts).
void to_utf16(std::string_view text, Utf16Text& out) {
  if (text.size() >= static_cast<size_t>(std::numeric_limits<int32_t>::max()))
    throw std::length_error("analyzer: text larger than 2 GB");
  // Sized for the worst case (a unit per byte) and trimmed after: plain stores, no push_back.
  out.units.resize(text.size());
  out.start.resize(text.size() + 1);
  out.next.resize(text.size() + 1);
  out.invalid = 0;
  out.simple = true;
  char16_t* units = out.units.data();
  uint32_t* starts = out.start.data();
  uint32_t* nexts = out.next.data();
  size_t n = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto len = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < len) {
    const int32_t at = i;
    UChar32 c;
    if (s[i] < 0x80) {  // ASCII fast path
      c = s[i++];
      if (c == '`') c = '\'';
      else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') c = ' ';
    } else {
      U8_NEXT(s, i, len, c);
      if (c < 0) {
        c = 0xFFFD;
        ++out.invalid;
      } else if (c == 0x00AD) {
        continue;  // soft hyphen: invisible inside a word
      } else if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
        continue;  // zero-width spaces and joiners, variation selectors: gone inside words
      } else if (is_apostrophe(c)) {
        c = '\'';
      } else if (is_hyphen(c)) {
        c = '-';
      } else if (u_isUWhiteSpace(c)) {
        c = ' ';
      }
    }
    if (c >= 0x80 && out.simple && !plain_separator(c)) out.simple = false;
    if (U_IS_BMP(c)) {
      units[n] = static_cast<char16_t>(c);
      starts[n] = static_cast<uint32_t>(at);
      nexts[n++] = static_cast<uint32_t>(i);
    } else {  // four bytes make two units: still no more units than bytes
      units[n] = U16_LEAD(c);
      units[n + 1] = U16_TRAIL(c);
      starts[n] = starts[n + 1] = static_cast<uint32_t>(at);
      nexts[n] = nexts[n + 1] = static_cast<uint32_t>(i);
      n += 2;
    }
  }
  starts[n] = nexts[n] = static_cast<uint32_t>(len);
  out.units.resize(n);
  out.start.resize(n + 1);
  out.next.resize(n + 1);
}

// Word segments as ICU's word break iterator gives them: [start, end) in UTF-16 units and the
// rule status (UBRK_WORD_NUMBER, UBRK_WORD_LETTER, ...); spaces and punctuation are left out.
struct Segment {
  int32_t start, end;
  int status;
};

// ICU 72's root word rules (UAX #29 with ICU's tailoring: '@' is a letter, ':' joins nothing)
// restricted to ASCII, where they come down to: letters, digits and '_' stick together; '.' and
// '\'' join letter to letter and digit to digit; ',' and ';' join digit to digit; anything else
// separates. The status is the one of ICU's last matching rule. tests/unit/analyzer_property_test
// holds it to ICU's iterator, character by character and on random and real text.
enum WordClass : uint8_t { kSep, kLetter, kDigit, kUnderscore, kMidNumLet, kMidNum };

constexpr std::array<WordClass, 128> kAsciiClass = [] {
  std::array<WordClass, 128> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 32] = kLetter;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  t['@'] = kLetter;
  t['_'] = kUnderscore;
  t['.'] = t['\''] = kMidNumLet;
  t[','] = t[';'] = kMidNum;
  return t;
}();

inline WordClass word_class(char16_t c) { return c < 0x80 ? kAsciiClass[c] : kSep; }

void ascii_segments(const char16_t* u, int32_t n, std::vector<Segment>& out) {
  int32_t i = 0;
  while (i < n) {
    WordClass last = word_class(u[i]);
    if (last != kLetter && last != kDigit && last != kUnderscore) {
      ++i;
      continue;
    }
    const int32_t start = i++;
    WordClass before_last = kSep;
    while (i < n) {
      const WordClass k = word_class(u[i]);
      if (k == kLetter || k == kDigit || k == kUnderscore) {
        before_last = last;
        last = k;
        ++i;
        continue;
      }
      if ((k == kMidNumLet || k == kMidNum) && i + 1 < n) {
        const WordClass after = word_class(u[i + 1]);
        const bool letters = k == kMidNumLet && last == kLetter && after == kLetter;
        const bool digits = last == kDigit && after == kDigit;
        if (letters || digits) {
          before_last = k;
          last = after;
          i += 2;
          continue;
        }
      }
      break;
    }
    int status;
    if (last == kLetter) status = UBRK_WORD_LETTER;
    else if (last == kDigit) status = before_last == kLetter ? UBRK_WORD_LETTER : UBRK_WORD_NUMBER;
    else if (before_last == kDigit) status = UBRK_WORD_NUMBER;  // "1_"
    else if (before_last == kSep) status = UBRK_WORD_NONE;      // a lone "_"
    else status = UBRK_WORD_LETTER;                              // "a_", "__"
    if (status >= UBRK_WORD_NONE_LIMIT) out.push_back({start, i, status});
  }
}

bool is_accent_script(UChar32 c) {
  UErrorCode st = U_ZERO_ERROR;
  UScriptCode sc = uscript_getScript(c, &st);
  return sc == USCRIPT_LATIN || sc == USCRIPT_GREEK || sc == USCRIPT_CYRILLIC;
}

// NFKC case folding, then accents removed from Latin, Greek and Cyrillic letters (marks of
// other scripts, e.g. Devanagari vowel signs, are letters of the word and stay).
std::string normalize_units(const char16_t* p, size_t n) {
  bool ascii = true;
  for (size_t k = 0; k < n; ++k)
    if (p[k] >= 0x80) { ascii = false; break; }
  std::string out;
  if (ascii) {
    out.resize(n);
    for (size_t k = 0; k < n; ++k) {
      char c = static_cast<char>(p[k]);
      out[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    return out;
  }
  UErrorCode st = U_ZERO_ERROR;
  static const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(st);
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(st);
  static const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(st);
  if (U_FAILURE(st)) throw std::runtime_error("analyzer: ICU normalizer unavailable");
  icu::UnicodeString src(false, p, static_cast<int32_t>(n));
  icu::UnicodeString folded = nfkc_cf->normalize(src, st);
  icu::UnicodeString decomposed = nfd->normalize(folded, st);
  icu::UnicodeString stripped;
  bool after_accent_script = false;
  for (int32_t k = 0; k < decomposed.length();) {
    UChar32 c = decomposed.char32At(k);
    k += U16_LENGTH(c);
    // Compatibility forms can bring a space into a word (U+037A YPOGEGRAMMENI is " \u0345",
    // U+00B4 ACUTE ACCENT " \u0301"): a term never holds one.
    if (u_isUWhiteSpace(c)) continue;
    if (u_charType(c) == U_NON_SPACING_MARK) {
      if (after_accent_script) continue;
    } else {
      after_accent_script = is_accent_script(c);
    }
    if (c == 0x2019 || c == 0xFF07) c = '\'';  // NFKC keeps some apostrophe forms
    stripped.append(c);
  }
  icu::UnicodeString composed = nfc->normalize(stripped, st);
  if (U_FAILURE(st)) return {};
  composed.toUTF8String(out);
  return out;
}

// What ICU may leave at the start of a word once it glued it to an '@' or '#': those, quotes,
// mid-word punctuation and combining marks ("@.name", "@\u0941"). None starts a word on its
// own, so the word must not start with it either, or the term could never be typed as a query.
// Whether a word has a letter or digit (ideographs and kana are letters).
bool has_alnum(const char16_t* p, int32_t n) {
  for (int32_t k = 0; k < n;) {
    UChar32 c;
    U16_NEXT(p, k, n, c);
    if (u_isalnum(c)) return true;
  }
  return false;
}

bool cannot_start_word(char16_t c) {
  if (c < 0x80)  // the ASCII MidLetter, MidNumLet, MidNum and Single_Quote, without lookups
    return c == '@' || c == '#' || c == ':' || c == '.' || c == ',' || c == ';' || c == '\'';
  if (c == '@' || c == '#') return true;
  if (U16_IS_SURROGATE(c)) return false;
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_MIDLETTER: case U_WB_MIDNUMLET: case U_WB_MIDNUM: case U_WB_SINGLE_QUOTE:
    case U_WB_EXTEND: case U_WB_FORMAT:
      return true;
    default:
      return false;
  }
}

bool is_upper_letter(char16_t c) { return u_isupper(c); }

// "U.S", "U.N", "E.U" (ICU leaves the final dot outside the word): single capitals and dots.
bool is_dotted_acronym(const char16_t* p, size_t n) {
  if (n < 3) return false;
  for (size_t k = 0; k < n; ++k) {
    bool letter_slot = (k % 2 == 0);
    if (letter_slot ? !is_upper_letter(p[k]) : p[k] != '.') return false;
  }
  return true;
}

struct WordShape {
  size_t letters = 0;
  size_t upper = 0;
  bool digit = false;
};

WordShape shape_of(const char16_t* p, size_t n) {
  WordShape s;
  for (size_t k = 0; k < n; ++k) {
    const char16_t c = p[k];
    if (c < 0x80) {  // ASCII: no property lookups
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
        ++s.letters;
        if (c <= 'Z') ++s.upper;
      } else if (c >= '0' && c <= '9') {
        s.digit = true;
      }
    } else if (u_isalpha(p[k])) {
      ++s.letters;
      if (u_isupper(p[k])) ++s.upper;
    } else if (u_isdigit(p[k])) {
      s.digit = true;
    }
  }
  return s;
}

}  // namespace

struct Analyzer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;
  Utf16Text text;                  // reused: no allocation per call once it has grown
  std::vector<Segment> segments;
  std::vector<size_t> caps_words;  // indexes of tokens written in capitals

  // The word segments of `text`, by the ASCII scanner when it applies, else by ICU.
  void word_segments(bool fast_path) {
    segments.clear();
    const auto n = static_cast<int32_t>(text.units.size());
    if (fast_path && text.simple) {
      ascii_segments(text.units.data(), n, segments);
      return;
    }
    UErrorCode st = U_ZERO_ERROR;
    if (!words) {  // made on first use: ASCII text (most queries and snippets) never needs it
      words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), st));
      if (U_FAILURE(st) || !words) {
        words.reset();
        throw std::runtime_error(std::string("analyzer: ICU break iterator: ") + u_errorName(st));
      }
    }
    UText ut = UTEXT_INITIALIZER;
    utext_openUChars(&ut, text.units.data(), n, &st);
    words->setText(&ut, st);
    if (U_FAILURE(st)) throw std::runtime_error("analyzer: cannot set text");
    for (int32_t s = words->first(), e = words->next(); e != icu::BreakIterator::DONE; s = e, e = words->next()) {
      const int status = words->getRuleStatus();
      if (status >= UBRK_WORD_NONE_LIMIT) segments.push_back({s, e, status});
    }
    utext_close(&ut);
  }
};

// ICU's break iterators are made on first use: a query process never needs the sentence one,
// and the word one only for text that is not plain ASCII.
Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {}

Analyzer::~Analyzer() = default;

Analysis Analyzer::analyze(std::string_view utf8, const AnalyzeOptions& opts) {
  Analysis result;
  analyze_into(utf8, result, opts);
  return result;
}

void Analyzer::analyze_into(std::string_view utf8, Analysis& result, const AnalyzeOptions& opts) {
  result.tokens.clear();
  result.invalid_utf8 = 0;
  result.shouting = false;
  Utf16Text& t = impl_->text;
  to_utf16(utf8, t);
  result.invalid_utf8 = t.invalid;
  if (t.units.empty()) return;
  impl_->word_segments(opts.ascii_fast_path);

  std::vector<size_t>& caps_words = impl_->caps_words;
  caps_words.clear();
  result.tokens.reserve(impl_->segments.size());
  size_t words_with_letters = 0, words_all_caps = 0;
  const char16_t* u = t.units.data();
  int32_t prev_end = -1;
  uint32_t pos = 0;
  for (const Segment& seg : impl_->segments) {
    const int32_t s = seg.start, e = seg.end;
    const int status = seg.status;
    int32_t ws = s, we = e;
    while (ws < we && cannot_start_word(u[ws])) ++ws;  // @mentions, #tags: the word
    while (we > ws && u[we - 1] == '\'') --we;
    if (ws == we) continue;
    if (ws != s && !has_alnum(u + ws, we - ws)) continue;  // "@_": nothing of a word after the '@'
    const char16_t* w = u + ws;
    size_t n = static_cast<size_t>(we - ws);

    Token tok;
    tok.start = t.start[ws];
    tok.end = t.next[we - 1];
    tok.joined = prev_end >= 0 && s == prev_end + 1 && u[prev_end] == '-';
    prev_end = e;
    WordShape shape = shape_of(w, n);
    bool caps_candidate = false;
    if (is_dotted_acronym(w, n)) {
      std::u16string letters;
      for (size_t k = 0; k < n; k += 2) letters.push_back(w[k]);
      tok.term = normalize_units(letters.data(), letters.size());
      tok.acronym = true;
    } else {
      tok.term = normalize_units(w, n);
      // Possessive: "Japan's" is found by "Japan"; keep the word's offsets whole.
      if (tok.term.size() > 2 && tok.term.compare(tok.term.size() - 2, 2, "'s") == 0)
        tok.term.resize(tok.term.size() - 2);
      if (shape.letters >= 2) {
        ++words_with_letters;
        if (shape.upper == shape.letters) {
          ++words_all_caps;
          caps_candidate = !shape.digit && shape.letters <= 5;
        }
      }
    }
    if (tok.term.empty() || tok.term.size() > kMaxTermBytes) continue;
    tok.stemmable = status >= UBRK_WORD_LETTER && status < UBRK_WORD_LETTER_LIMIT && !shape.digit;
    tok.pos = pos++;
    if (caps_candidate) caps_words.push_back(result.tokens.size());
    result.tokens.push_back(std::move(tok));
  }
  t.release_if_large();

  const bool shouting = words_with_letters >= 2 && words_all_caps * 2 > words_with_letters;
  result.shouting = shouting;
  if (opts.caps_acronyms && !shouting)
    for (size_t i : caps_words) result.tokens[i].acronym = true;
}

std::vector<size_t> Analyzer::sentence_breaks(std::string_view utf8) {
  std::vector<size_t> out;
  Utf16Text& t = impl_->text;
  to_utf16(utf8, t);
  if (t.units.empty()) {
    out.push_back(utf8.size());
    return out;
  }
  UErrorCode st = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, t.units.data(), static_cast<int64_t>(t.units.size()), &st);
  if (!impl_->sentences) {
    impl_->sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), st));
    if (U_FAILURE(st) || !impl_->sentences)
      throw std::runtime_error(std::string("analyzer: ICU sentence iterator: ") + u_errorName(st));
  }
  impl_->sentences->setText(&ut, st);
  if (U_FAILURE(st)) throw std::runtime_error("analyzer: cannot set text");
  for (int32_t e = impl_->sentences->next(); e != icu::BreakIterator::DONE; e = impl_->sentences->next())
    out.push_back(t.start[e]);
  utext_close(&ut);
  t.release_if_large();
  if (out.empty() || out.back() != utf8.size()) out.push_back(utf8.size());
  return out;
}

std::string normalize_word(std::string_view utf8) {
  Utf16Text t;
  to_utf16(utf8, t);
  return normalize_units(t.units.data(), t.units.size());
}

}  // namespace newsindex
