// Fuzz target: URL canonicalization, resolution, host, slug words and path dates. Input: a base
// URL, a newline, a reference.
#include <algorithm>
#include <cctype>

#include "fuzz_support.h"
#include "fuzz_target.h"
#include "common/url.h"

using namespace newsindex;

namespace {

bool has_upper_ascii(std::string_view s) {
  for (char c : s)
    if (c >= 'A' && c <= 'Z') return true;
  return false;
}

// A query parameter named utm_* (the query starts at the first '?').
bool has_utm_param(std::string_view url) {
  size_t q = url.find('?');
  if (q == std::string_view::npos) return false;
  std::string_view query = url.substr(q + 1);
  for (size_t start = 0; start <= query.size();) {
    size_t end = std::min(query.find('&', start), query.size());
    std::string name(query.substr(start, std::min(query.find('=', start), end) - start));
    for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (name.rfind("utm_", 0) == 0) return true;
    start = end + 1;
  }
  return false;
}

void check_canonical(std::string_view url) {
  std::string c = canonical_url(url);
  if (c.empty()) return;
  fuzz::require(canonical_url(c) == c, "canonical_url is not idempotent", c);
  fuzz::require(c.find('#') == std::string::npos, "canonical URL keeps a fragment", c);
  fuzz::require(!has_utm_param(c), "canonical URL keeps a utm_ parameter", c);
  fuzz::require(!has_upper_ascii(url_host(c)), "canonical host not lower-cased", c);
  fuzz::require(!has_upper_ascii(c.substr(0, c.find(':'))), "canonical scheme not lower-cased", c);
  if (fuzz::valid_utf8(url)) fuzz::require(fuzz::valid_utf8(c), "canonical URL of valid UTF-8 is not valid UTF-8", c);
}

void check_parts(std::string_view url) {
  std::string words = url_slug_words(url);
  if (fuzz::valid_utf8(url)) fuzz::require(fuzz::valid_utf8(words), "slug words are not valid UTF-8", words);
  if (auto d = url_path_date(url)) {
    fuzz::require(d->size() == 10 && (*d)[4] == '-' && (*d)[7] == '-', "path date is not YYYY-MM-DD", *d);
  }
}

}  // namespace

NEWSINDEX_FUZZ_TARGET(url) {
  std::string_view in = fuzz::as_text(data, size);
  size_t nl = in.find('\n');
  std::string_view base = nl == std::string_view::npos ? std::string_view{} : in.substr(0, nl);
  std::string_view ref = nl == std::string_view::npos ? in : in.substr(nl + 1);
  check_canonical(ref);
  check_parts(ref);
  std::string resolved = resolve_url(base, ref);
  check_canonical(resolved);
  check_parts(resolved);
  (void)url_host(resolved);
  return 0;
}
