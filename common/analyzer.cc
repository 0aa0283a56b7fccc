#include "analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

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

// The UTF-16 text ICU breaks, with a map back to byte offsets of the original UTF-8.
struct Utf16Text {
  std::u16string units;
  std::vector<uint32_t> start;  // byte where the code point of each unit starts
  std::vector<uint32_t> next;   // byte just after it
  size_t invalid = 0;

  // A reused buffer keeps what the largest text needed; past a few MB that is not worth keeping.
  void release_if_large() {
    if (units.capacity() > (size_t{1} << 20)) *this = Utf16Text{};
  }
};

// Fills `out`, whose buffers are reused from call to call (an Analyzer analyzes many texts).
void to_utf16(std::string_view text, Utf16Text& out) {
  if (text.size() >= static_cast<size_t>(std::numeric_limits<int32_t>::max()))
    throw std::length_error("analyzer: text larger than 2 GB");
  out.units.clear();
  out.start.clear();
  out.next.clear();
  out.invalid = 0;
  out.units.reserve(text.size());
  out.start.reserve(text.size() + 1);
  out.next.reserve(text.size() + 1);
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
    if (U_IS_BMP(c)) {
      out.units.push_back(static_cast<char16_t>(c));
      out.start.push_back(at);
      out.next.push_back(i);
    } else {
      out.units.push_back(U16_LEAD(c));
      out.units.push_back(U16_TRAIL(c));
      out.start.insert(out.start.end(), 2, at);
      out.next.insert(out.next.end(), 2, i);
    }
  }
  out.start.push_back(len);
  out.next.push_back(len);
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
  std::vector<size_t> caps_words;  // indexes of tokens written in capitals
};

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {
  UErrorCode st = U_ZERO_ERROR;
  impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), st));
  // The sentence iterator is made on first use: a query process never needs it.
  if (U_FAILURE(st) || !impl_->words)
    throw std::runtime_error(std::string("analyzer: ICU break iterator: ") + u_errorName(st));
}

Analyzer::~Analyzer() = default;

Analysis Analyzer::analyze(std::string_view utf8, const AnalyzeOptions& opts) {
  Analysis result;
  Utf16Text& t = impl_->text;
  to_utf16(utf8, t);
  result.invalid_utf8 = t.invalid;
  if (t.units.empty()) return result;

  UErrorCode st = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, t.units.data(), static_cast<int64_t>(t.units.size()), &st);
  impl_->words->setText(&ut, st);
  if (U_FAILURE(st)) throw std::runtime_error("analyzer: cannot set text");

  std::vector<size_t>& caps_words = impl_->caps_words;
  caps_words.clear();
  result.tokens.reserve(t.units.size() / 6 + 1);  // about one word in six characters of prose
  size_t words_with_letters = 0, words_all_caps = 0;
  const char16_t* u = t.units.data();
  int32_t prev_end = -1;
  uint32_t pos = 0;
  for (int32_t s = impl_->words->first(), e = impl_->words->next(); e != icu::BreakIterator::DONE;
       s = e, e = impl_->words->next()) {
    const int status = impl_->words->getRuleStatus();
    if (status < UBRK_WORD_NONE_LIMIT) continue;
    int32_t ws = s, we = e;
    while (ws < we && (u[ws] == '\'' || u[ws] == '@' || u[ws] == '#')) ++ws;  // @mentions, #tags: the word
    while (we > ws && u[we - 1] == '\'') --we;
    if (ws == we) continue;
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
  utext_close(&ut);
  t.release_if_large();

  const bool shouting = words_with_letters >= 2 && words_all_caps * 2 > words_with_letters;
  result.shouting = shouting;
  if (opts.caps_acronyms && !shouting)
    for (size_t i : caps_words) result.tokens[i].acronym = true;
  return result;
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
