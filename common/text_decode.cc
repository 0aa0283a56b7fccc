// Turning the bytes of a file into valid UTF-8 with ICU converters and charset detection.
// Every path ends in valid UTF-8: bad input becomes U+FFFD and is counted, never an exception.
#include "common/text_decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>

namespace newsindex {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
constexpr size_t kSniffBytes = 4096;

struct Bom {
  std::string_view bytes;
  const char* charset;
};

// UTF-32LE must be tested before UTF-16LE: its BOM starts with the UTF-16LE one.
constexpr std::array<Bom, 5> kBoms = {{
    {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
    {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
    {std::string_view("\xEF\xBB\xBF", 3), "UTF-8"},
    {std::string_view("\xFF\xFE", 2), "UTF-16LE"},
    {std::string_view("\xFE\xFF", 2), "UTF-16BE"},
}};

const Bom* find_bom(std::string_view bytes) {
  for (const Bom& bom : kBoms)
    if (bytes.starts_with(bom.bytes)) return &bom;
  return nullptr;
}

// Length of the well-formed UTF-8 sequence at `i`, or 0 with `bad` = the length of the maximal
// subpart to replace by one U+FFFD (Unicode's recommended practice, as in WHATWG decoders).
size_t utf8_sequence(std::string_view s, size_t i, size_t& bad) {
  auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b = at(i);
  if (b < 0x80) return 1;
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) need = 1;
  else if (b >= 0xE0 && b <= 0xEF) {
    need = 2;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;  // no UTF-16 surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 3;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    bad = 1;
    return 0;
  }
  for (size_t k = 1; k <= need; ++k) {
    if (i + k >= s.size()) { bad = k; return 0; }
    unsigned char c = at(i + k);
    unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (c < l || c > h) { bad = k; return 0; }
  }
  return need + 1;
}

// Repairs `s` in place; `first_bad` receives the byte offset of the first invalid sequence.
size_t repair(std::string& s, size_t& first_bad) {
  size_t count = 0;
  size_t i = 0;
  // Fast path: most text is valid, so copy only once the first bad byte shows up.
  size_t bad = 0;
  while (i < s.size()) {
    size_t len = utf8_sequence(s, i, bad);
    if (len == 0) break;
    i += len;
  }
  if (i >= s.size()) return 0;
  first_bad = i;
  std::string out(s, 0, i);
  out.reserve(s.size() + 16);
  while (i < s.size()) {
    size_t len = utf8_sequence(s, i, bad);
    if (len) {
      out.append(s, i, len);
      i += len;
    } else {
      out += kReplacement;
      ++count;
      i += bad;
    }
  }
  s = std::move(out);
  return count;
}

bool valid_utf8(std::string_view s) {
  size_t bad = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = utf8_sequence(s, i, bad);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

size_t line_of(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  auto end = text.begin() + static_cast<std::ptrdiff_t>(offset);
  return 1 + static_cast<size_t>(std::count(text.begin(), end, '\n'));
}

// UTF-16 text without a BOM: ASCII-range characters put a NUL in every other byte.
std::optional<const char*> utf16_by_pattern(std::string_view bytes) {
  size_t n = std::min(bytes.size(), kSniffBytes) & ~size_t{1};
  if (n < 4) return std::nullopt;
  size_t even = 0, odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    if (bytes[i] == '\0') ++even;
    if (bytes[i + 1] == '\0') ++odd;
  }
  size_t pairs = n / 2;
  if (odd * 10 >= pairs * 4 && even * 20 < pairs) return "UTF-16LE";
  if (even * 10 >= pairs * 4 && odd * 20 < pairs) return "UTF-16BE";
  return std::nullopt;
}

struct ConverterDeleter {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterDeleter>;

// Replaces what a converter cannot map with U+FFFD and counts it; ICU's own substitute for
// single-byte charsets is U+001A, which would pass silently as a control character.
void count_and_substitute(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                          UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;
  *err = U_ZERO_ERROR;
  static const UChar kFffd = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &kFffd, 1, 0, err);
  ++*static_cast<size_t*>(const_cast<void*>(context));
}

void append_utf8(std::string& out, UChar32 c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Appends UTF-16 units as UTF-8. A lead surrogate at the end of a chunk waits in `pending`
// (0: none) for its trail in the next chunk; unpaired surrogates become U+FFFD.
void append_utf16(std::string& out, const UChar* units, size_t n, UChar& pending, size_t& bad) {
  for (size_t i = 0; i < n; ++i) {
    UChar u = units[i];
    if (pending) {
      UChar lead = pending;
      pending = 0;
      if (U16_IS_TRAIL(u)) {
        append_utf8(out, U16_GET_SUPPLEMENTARY(lead, u));
        continue;
      }
      append_utf8(out, 0xFFFD);
      ++bad;
    }
    if (U16_IS_LEAD(u)) {
      pending = u;
    } else if (U16_IS_TRAIL(u)) {
      append_utf8(out, 0xFFFD);
      ++bad;
    } else {
      append_utf8(out, u);
    }
  }
}

// Converts with ICU; nullopt when ICU does not know the charset.
std::optional<std::string> convert(std::string_view bytes, const char* charset, size_t& bad) {
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr conv(ucnv_open(charset, &err));
  if (U_FAILURE(err) || !conv) return std::nullopt;
  ucnv_setToUCallBack(conv.get(), count_and_substitute, &bad, nullptr, nullptr, &err);
  if (U_FAILURE(err)) return std::nullopt;
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  std::array<UChar, 8192> buf;
  const char* src = bytes.data();
  const char* end = bytes.data() + bytes.size();
  UChar pending = 0;
  for (;;) {
    UChar* target = buf.data();
    err = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &target, buf.data() + buf.size(), &src, end, nullptr, true, &err);
    append_utf16(out, buf.data(), static_cast<size_t>(target - buf.data()), pending, bad);
    if (err != U_BUFFER_OVERFLOW_ERROR) break;
  }
  if (pending) {
    out += kReplacement;
    ++bad;
  }
  return out;
}

// ICU's internal name for a label ("" when ICU does not know it).
std::string icu_name(const char* label) {
  UErrorCode err = U_ZERO_ERROR;
  const char* name = ucnv_getAlias(label, 0, &err);
  return U_SUCCESS(err) && name ? name : "";
}

// The IANA name to report ("windows-1252" rather than ICU's "ibm-5348_P100-1997").
std::string display_name(const std::string& label) {
  UErrorCode err = U_ZERO_ERROR;
  const char* name = ucnv_getStandardName(label.c_str(), "IANA", &err);
  return U_SUCCESS(err) && name ? name : label;
}

bool is_unicode_family(const std::string& label) {
  std::string name = icu_name(label.c_str());
  return name.starts_with("UTF-16") || name.starts_with("UTF-32") || name == "UTF-8";
}

// The charset a label stands for, following browsers: Latin-1 and ASCII labels mean
// windows-1252 (which only adds printable characters in 0x80-0x9F).
std::optional<std::string> charset_for_label(std::string_view declared) {
  std::string_view label = declared;
  auto junk = [](char c) { return c == ' ' || c == '"' || c == '\'' || c == '\t'; };
  while (!label.empty() && junk(label.back())) label.remove_suffix(1);
  while (!label.empty() && junk(label.front())) label.remove_prefix(1);
  if (label.empty() || label.size() > 64) return std::nullopt;
  std::string text(label);
  std::string name = icu_name(text.c_str());
  if (name.empty()) return std::nullopt;
  if (name == icu_name("ISO-8859-1") || name == icu_name("US-ASCII")) return "windows-1252";
  return text;
}

// UTF-8 with damage (a truncated character, a stray byte) rather than another charset: more
// well-formed multi-byte sequences than a quarter of the invalid ones. Text in a legacy charset
// almost never has a well-formed UTF-8 sequence (é would need two continuation bytes after it).
bool mostly_utf8(std::string_view s) {
  size_t valid = 0, invalid = 0, bad = 0;
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len = utf8_sequence(s, i, bad);
    len ? ++valid : ++invalid;
    i += len ? len : bad;
  }
  return valid > 0 && valid * 4 >= invalid;
}

// ICU's guess for bytes that are not UTF-8. Low-confidence guesses, and guesses of Unicode
// forms (which the BOM and NUL-pattern checks already ruled out), yield windows-1252.
std::string detect_charset(std::string_view bytes) {
  const std::string fallback = "windows-1252";
  // A handful of non-ASCII bytes is too little evidence for a statistical guess.
  std::string_view sample = bytes.substr(0, 64 * 1024);
  auto high = std::count_if(sample.begin(), sample.end(), [](char c) { return (c & 0x80) != 0; });
  if (high < 16) return fallback;
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&err);
  if (U_FAILURE(err)) return fallback;
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> guard(det, ucsdet_close);
  size_t n = std::min<size_t>(bytes.size(), 64 * 1024);
  ucsdet_enableInputFilter(det, true);  // markup would otherwise dominate the statistics
  ucsdet_setText(det, bytes.data(), static_cast<int32_t>(n), &err);
  const UCharsetMatch* match = ucsdet_detect(det, &err);
  if (U_FAILURE(err) || !match) return fallback;
  const char* name = ucsdet_getName(match, &err);
  int32_t confidence = ucsdet_getConfidence(match, &err);
  if (U_FAILURE(err) || !name || confidence < 50) return fallback;
  std::string chosen = name;
  if (chosen.starts_with("UTF") || chosen == "ISO-8859-1") return fallback;
  return chosen;
}

Decoded as_utf8(std::string_view bytes, const std::string& charset) {
  Decoded d;
  d.text = std::string(bytes);
  d.charset = charset;
  size_t first_bad = 0;
  d.invalid_sequences = repair(d.text, first_bad);
  if (d.invalid_sequences) d.first_invalid_line = line_of(bytes, first_bad);
  return d;
}

Decoded converted(std::string_view bytes, const std::string& charset) {
  Decoded d;
  size_t bad = 0;
  std::optional<std::string> text = convert(bytes, charset.c_str(), bad);
  if (!text) return as_utf8(bytes, "UTF-8");
  d.text = std::move(*text);
  d.charset = display_name(charset);
  d.invalid_sequences = bad;
  if (bad) {
    size_t pos = d.text.find(kReplacement);
    d.first_invalid_line = line_of(d.text, pos == std::string::npos ? 0 : pos);
  }
  return d;
}

}  // namespace

size_t repair_utf8(std::string& s) {
  size_t first_bad = 0;
  return repair(s, first_bad);
}

Decoded decode_text(std::string_view bytes, std::string_view declared) {
  if (const Bom* bom = find_bom(bytes)) {
    std::string_view rest = bytes.substr(bom->bytes.size());
    if (std::string_view(bom->charset) == "UTF-8") return as_utf8(rest, "UTF-8");
    return converted(rest, bom->charset);
  }
  if (auto utf16 = utf16_by_pattern(bytes)) return converted(bytes, *utf16);
  if (std::optional<std::string> label = charset_for_label(declared)) {
    // A page that declares UTF-16 but is not, is in practice ASCII-compatible (as browsers assume).
    if (is_unicode_family(*label)) return as_utf8(bytes, "UTF-8");
    return converted(bytes, *label);
  }
  if (valid_utf8(bytes) || mostly_utf8(bytes)) return as_utf8(bytes, "UTF-8");
  return converted(bytes, detect_charset(bytes));
}

Decoded decode_owned_text(std::string&& bytes) {
  // The common case, valid UTF-8 without a BOM, keeps the caller's buffer: a huge file is not
  // held twice.
  if (!find_bom(bytes) && !utf16_by_pattern(bytes) && valid_utf8(bytes)) {
    Decoded d;
    d.text = std::move(bytes);
    d.charset = "UTF-8";
    return d;
  }
  Decoded d = decode_text(std::string_view(bytes));
  bytes = std::string();
  return d;
}

bool looks_binary(std::string_view bytes) {
  if (bytes.empty()) return false;
  if (const Bom* bom = find_bom(bytes); bom && std::string_view(bom->charset) != "UTF-8") return false;
  if (utf16_by_pattern(bytes)) return false;
  std::string_view head = bytes.substr(0, std::min(bytes.size(), 2 * kSniffBytes));
  size_t controls = 0, nuls = 0, text = 0, bad = 0;
  for (size_t i = 0; i < head.size();) {
    auto c = static_cast<unsigned char>(head[i]);
    if (c >= 0x80) {  // a UTF-8 sequence is text; other high bytes (Latin-1 letters) count as neither
      size_t len = utf8_sequence(head, i, bad);
      text += len;
      i += len ? len : 1;
      continue;
    }
    ++i;
    bool allowed = c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x1B;
    if (c == 0) ++nuls;
    else if (c < 0x20 && !allowed) ++controls;
    else ++text;
  }
  if (controls * 10 > head.size()) return true;
  // NUL bytes: binary, unless they are a few strays in what is otherwise plainly text (a bad
  // export); the text reader then replaces them.
  return nuls && (nuls * 20 > head.size() || text * 10 < head.size() * 9);
}

size_t replace_nuls(std::string& s, size_t& first_line) {
  size_t n = 0;
  for (size_t pos = s.find('\0'); pos != std::string::npos; pos = s.find('\0', pos + 1)) {
    if (n++ == 0) first_line = line_of(s, pos);
    s[pos] = ' ';
  }
  return n;
}

}  // namespace newsindex
