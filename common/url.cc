// URL handling: canonical form for ids and link targets, RFC 3986 resolution, slug words, dates.
// Everything works on bytes; only ASCII is ever case-mapped, so UTF-8 in URLs passes through.
#include "common/url.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "common/dates.h"
#include "common/ascii.h"

namespace newsindex {
namespace {

// RFC 3986 components. `has_*` distinguishes "absent" from "present but empty" (e.g. "?").
struct UrlParts {
  std::string scheme;
  bool has_authority = false;
  std::string authority;
  std::string path;
  bool has_query = false;
  std::string query;
  bool has_fragment = false;
  std::string fragment;
};

std::string lower(std::string_view s) { return ascii_lower(s); }
constexpr bool is_digit(char c) { return is_ascii_digit(c); }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Quote marks that surround URLs copied out of shortcodes and prose; the multi-byte ones are
// UTF-8 encodings of “ ” ″ ‘ ’.
constexpr std::array<std::string_view, 9> kStrayQuotes = {
    "\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\xB3", "\xE2\x80\x98", "\xE2\x80\x99",
    "<", ">"};

constexpr bool is_space(char c) { return is_ascii_space(c); }

std::string_view trim_stray(std::string_view s) {
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    while (!s.empty() && is_space(s.front())) { s.remove_prefix(1); changed = true; }
    while (!s.empty() && is_space(s.back())) { s.remove_suffix(1); changed = true; }
    for (std::string_view q : kStrayQuotes) {
      if (s.starts_with(q)) { s.remove_prefix(q.size()); changed = true; }
      if (s.ends_with(q)) { s.remove_suffix(q.size()); changed = true; }
    }
  }
  return s;
}

// The scheme, when `s` starts with one ("http:"), else empty.
std::string_view scheme_of(std::string_view s) {
  if (s.empty() || !is_alpha(s[0])) return {};
  for (size_t i = 1; i < s.size(); ++i) {
    char c = s[i];
    if (c == ':') return s.substr(0, i);
    if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') return {};
  }
  return {};
}

UrlParts parse(std::string_view s) {
  UrlParts p;
  std::string_view scheme = scheme_of(s);
  if (!scheme.empty()) {
    p.scheme = std::string(scheme);
    s.remove_prefix(scheme.size() + 1);
  }
  if (size_t hash = s.find('#'); hash != std::string_view::npos) {
    p.has_fragment = true;
    p.fragment = std::string(s.substr(hash + 1));
    s = s.substr(0, hash);
  }
  if (size_t q = s.find('?'); q != std::string_view::npos) {
    p.has_query = true;
    p.query = std::string(s.substr(q + 1));
    s = s.substr(0, q);
  }
  if (s.starts_with("//")) {
    s.remove_prefix(2);
    size_t end = s.find('/');
    if (end == std::string_view::npos) end = s.size();
    p.has_authority = true;
    p.authority = std::string(s.substr(0, end));
    s.remove_prefix(end);
  }
  p.path = std::string(s);
  return p;
}

std::string compose(const UrlParts& p) {
  std::string out;
  if (!p.scheme.empty()) out += p.scheme + ":";
  if (p.has_authority) out += "//" + p.authority;
  out += p.path;
  if (p.has_query) out += "?" + p.query;
  if (p.has_fragment) out += "#" + p.fragment;
  return out;
}

// Splits "user@host:port" and lower-cases the host; drops the port the scheme implies anyway.
std::string canonical_authority(std::string_view authority, std::string_view scheme) {
  std::string userinfo;
  if (size_t at = authority.rfind('@'); at != std::string_view::npos) {
    userinfo = std::string(authority.substr(0, at + 1));
    authority.remove_prefix(at + 1);
  }
  std::string_view host = authority;
  std::string_view port;
  size_t bracket = authority.rfind(']');  // IPv6 literal: colons inside brackets are not ports
  // The port starts at the first colon after the host ("host::" is host plus port ":", so the
  // canonical form stays the same when canonicalized again).
  size_t colon = authority.find(':', bracket == std::string_view::npos ? 0 : bracket);
  if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  std::string out = userinfo + lower(host);
  bool default_port = port.empty() || (scheme == "http" && port == "80") ||
                      (scheme == "https" && port == "443");
  if (!default_port) out.append(":").append(port);
  return out;
}

bool is_tracking_param(std::string_view name) {
  static constexpr std::array<std::string_view, 32> kExact = {
      "fbclid",   "gclid",       "gclsrc",       "dclid",       "msclkid",   "mc_cid",
      "mc_eid",   "yclid",       "_ga",          "_gl",         "igshid",    "ref_src",
      "ref_url",  "twclid",      "ttclid",       "li_fat_id",   "wickedid",  "_hsenc",
      "_hsmi",    "__hstc",      "__hssc",       "__hsfp",      "hsctatracking", "mkt_tok",
      "oly_anon_id", "oly_enc_id", "vero_id",    "vero_conv",   "rb_clickid", "_openstat",
      "s_kwcid",  "ncid"};
  std::string key = lower(name);
  if (key.starts_with("utm_")) return true;
  return std::find(kExact.begin(), kExact.end(), key) != kExact.end();
}

std::string strip_tracking(std::string_view query) {
  std::string out;
  size_t start = 0;
  while (start <= query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    std::string_view param = query.substr(start, end - start);
    std::string_view name = param.substr(0, param.find('='));
    if (!param.empty() && !is_tracking_param(name)) {
      if (!out.empty()) out += '&';
      out += param;
    }
    start = end + 1;
  }
  return out;
}

// RFC 3986 section 5.2.4.
std::string remove_dot_segments(std::string_view in) {
  std::string out;
  while (!in.empty()) {
    if (in.starts_with("../")) {
      in.remove_prefix(3);
    } else if (in.starts_with("./")) {
      in.remove_prefix(2);
    } else if (in.starts_with("/./")) {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.starts_with("/../") || in == "/..") {
      in = in.size() == 3 ? std::string_view("/") : in.substr(3);
      size_t slash = out.rfind('/');
      out.erase(slash == std::string::npos ? 0 : slash);
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      size_t next = in.find('/', 1);
      if (next == std::string_view::npos) next = in.size();
      out += in.substr(0, next);
      in.remove_prefix(next);
    }
  }
  return out;
}

// RFC 3986 section 5.2.3.
std::string merge_paths(const UrlParts& base, std::string_view ref_path) {
  if (base.has_authority && base.path.empty()) return std::string("/").append(ref_path);
  size_t slash = base.path.rfind('/');
  if (slash == std::string::npos) return std::string(ref_path);
  std::string merged = base.path.substr(0, slash + 1);
  merged.append(ref_path);
  return merged;
}

std::string path_of(std::string_view url) {
  UrlParts p = parse(trim_stray(url));
  return p.path;
}

std::vector<std::string_view> path_segments(std::string_view path) {
  std::vector<std::string_view> segs;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    segs.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segs;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::optional<std::string> make_date(int y, int m, int d) {
  if (!valid_ymd(y, m, d)) return std::nullopt;
  char buf[11];
  buf[0] = static_cast<char>('0' + y / 1000);
  buf[1] = static_cast<char>('0' + y / 100 % 10);
  buf[2] = static_cast<char>('0' + y / 10 % 10);
  buf[3] = static_cast<char>('0' + y % 10);
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + m / 10);
  buf[6] = static_cast<char>('0' + m % 10);
  buf[7] = '-';
  buf[8] = static_cast<char>('0' + d / 10);
  buf[9] = static_cast<char>('0' + d % 10);
  buf[10] = '\0';
  return std::string(buf, 10);
}

// "2018-01-03" or "2018-01-03-some-title" (a date prefixing the slug) or "20180103".
std::optional<std::string> date_in_segment(std::string_view seg) {
  if (seg.size() >= 10 && all_digits(seg.substr(0, 4)) && seg[4] == '-' &&
      all_digits(seg.substr(5, 2)) && seg[7] == '-' && all_digits(seg.substr(8, 2)) &&
      (seg.size() == 10 || !is_digit(seg[10]))) {
    return make_date(to_int(seg.substr(0, 4)), to_int(seg.substr(5, 2)), to_int(seg.substr(8, 2)));
  }
  if (seg.size() == 8 && all_digits(seg)) {
    return make_date(to_int(seg.substr(0, 4)), to_int(seg.substr(4, 2)), to_int(seg.substr(6, 2)));
  }
  return std::nullopt;
}

bool is_month_or_day(std::string_view s) { return (s.size() == 1 || s.size() == 2) && all_digits(s); }

// A segment that names no words: numbers, dates, ids such as "2018-01-03" or "12345".
bool is_numeric_segment(std::string_view seg) {
  auto numeric = [](char c) { return is_digit(c) || c == '-' || c == '_' || c == '.'; };
  return std::all_of(seg.begin(), seg.end(), numeric);
}

std::string_view drop_extension(std::string_view seg) {
  static constexpr std::array<std::string_view, 14> kExt = {
      "html", "htm", "shtml", "xhtml", "php", "asp", "aspx", "jsp", "cms", "cfm", "cgi", "amp", "pdf", "txt"};
  size_t dot = seg.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return seg;
  std::string ext = lower(seg.substr(dot + 1));
  if (std::find(kExt.begin(), kExt.end(), ext) == kExt.end()) return seg;
  return seg.substr(0, dot);
}

int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  c = ascii_lower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Turns the slug separators (- _ + %20, other escapes decoded) into single spaces.
std::string slug_to_words(std::string_view slug) {
  std::string out;
  auto sep = [&out] { if (!out.empty() && out.back() != ' ') out += ' '; };
  for (size_t i = 0; i < slug.size(); ++i) {
    char c = slug[i];
    if (c == '%' && i + 2 < slug.size() && hex_value(slug[i + 1]) >= 0 && hex_value(slug[i + 2]) >= 0) {
      char decoded = static_cast<char>(hex_value(slug[i + 1]) * 16 + hex_value(slug[i + 2]));
      i += 2;
      if (decoded == ' ' || decoded == '-' || decoded == '_' || decoded == '+') sep();
      else out += decoded;
    } else if (c == '-' || c == '_' || c == '+' || is_space(c)) {
      sep();
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Strict: overlong forms (%E0%80%94), UTF-16 surrogates and code points past U+10FFFF are not
// UTF-8, whatever their bit patterns look like.
bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(std::min<size_t>(s.size(), INT32_MAX));
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return static_cast<size_t>(n) == s.size();
}

}  // namespace

std::string canonical_url(std::string_view url) {
  std::string_view trimmed = trim_stray(url);
  UrlParts p = parse(trimmed);
  if (p.scheme.empty()) return "";
  p.scheme = lower(p.scheme);
  if (p.has_authority) {
    p.authority = canonical_authority(p.authority, p.scheme);
  }
  if ((p.scheme == "http" || p.scheme == "https") && (!p.has_authority || p.authority.empty()))
    return "";
  if (p.has_query) {
    p.query = strip_tracking(p.query);
    p.has_query = !p.query.empty();
  }
  p.has_fragment = false;
  std::string out = compose(p);
  // "https://x.com/a”?utm_source=y": with the query gone a stray quote ends the URL; trimming
  // again keeps canonical_url idempotent (the text only shrinks, so this ends).
  if (trim_stray(out).size() != out.size()) return canonical_url(out);
  return out;
}

std::string resolve_url(std::string_view base_text, std::string_view ref_text) {
  ref_text = trim_stray(ref_text);
  UrlParts base = parse(trim_stray(base_text));
  if (base.scheme.empty()) return std::string(ref_text);
  UrlParts ref = parse(ref_text);
  UrlParts t;
  if (!ref.scheme.empty()) {
    t = ref;
    t.path = remove_dot_segments(ref.path);
  } else {
    if (ref.has_authority) {
      t.has_authority = true;
      t.authority = ref.authority;
      t.path = remove_dot_segments(ref.path);
      t.has_query = ref.has_query;
      t.query = ref.query;
    } else {
      if (ref.path.empty()) {
        t.path = base.path;
        t.has_query = ref.has_query || base.has_query;
        t.query = ref.has_query ? ref.query : base.query;
      } else {
        t.path = remove_dot_segments(ref.path.front() == '/' ? ref.path : merge_paths(base, ref.path));
        t.has_query = ref.has_query;
        t.query = ref.query;
      }
      t.has_authority = base.has_authority;
      t.authority = base.authority;
    }
    t.scheme = base.scheme;
  }
  t.has_fragment = ref.has_fragment;
  t.fragment = ref.fragment;
  return compose(t);
}

std::string url_host(std::string_view url) {
  UrlParts p = parse(trim_stray(url));
  if (p.scheme.empty() || !p.has_authority) return "";
  std::string_view auth = p.authority;
  if (size_t at = auth.rfind('@'); at != std::string_view::npos) auth.remove_prefix(at + 1);
  size_t bracket = auth.rfind(']');
  size_t colon = auth.find(':', bracket == std::string_view::npos ? 0 : bracket);
  if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket))
    auth = auth.substr(0, colon);
  return lower(auth);
}

std::string url_slug_words(std::string_view url) {
  std::string path = path_of(url);
  std::vector<std::string_view> segs = path_segments(path);
  for (auto it = segs.rbegin(); it != segs.rend(); ++it) {
    std::string_view seg = drop_extension(*it);
    if (seg.empty() || is_numeric_segment(seg)) continue;
    std::string low = lower(seg);
    if (low == "index" || low == "default" || low == "amp") continue;
    std::string words = slug_to_words(seg);
    if (words.empty()) continue;
    // A percent-escape that decodes to broken UTF-8 is shown as written instead.
    if (!is_valid_utf8(words)) return std::string(seg);
    return words;
  }
  return "";
}

std::optional<std::string> url_path_date(std::string_view url) {
  std::string path = path_of(url);
  std::vector<std::string_view> segs = path_segments(path);
  for (size_t i = 0; i < segs.size(); ++i) {
    if (segs[i].size() == 4 && all_digits(segs[i]) && i + 2 < segs.size() &&
        is_month_or_day(segs[i + 1]) && is_month_or_day(segs[i + 2])) {
      if (auto d = make_date(to_int(segs[i]), to_int(segs[i + 1]), to_int(segs[i + 2]))) return d;
    }
    if (auto d = date_in_segment(segs[i])) return d;
  }
  return std::nullopt;
}

}  // namespace newsindex
