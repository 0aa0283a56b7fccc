// URL handling: canonical form for ids and link targets, relative resolution, slug words, dates.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsindex {

// Canonical URL: scheme and host lower-cased; tracking parameters (utm_*, fbclid, gclid, ...)
// and the fragment removed; stray quote characters (" “ ” ″ ' ’) around it trimmed. Nothing
// else changes (www., path, trailing slash kept). Returns "" when `url` is not an absolute URL.
std::string canonical_url(std::string_view url);

// Resolves `ref` (absolute, scheme-relative, root-relative or relative) against `base`
// (RFC 3986 section 5). Returns `ref` unchanged when `base` is empty or not absolute.
std::string resolve_url(std::string_view base, std::string_view ref);

// Lower-cased host of an absolute URL ("" if none).
std::string url_host(std::string_view url);

// The words of the URL's last meaningful path segment ("why-nuclear-war-is-less-likely" ->
// "why nuclear war is less likely"); file extensions such as .html dropped.
std::string url_slug_words(std::string_view url);

// A date written in the URL path (/2018/01/03/, /2018-01-03/, /20180103/) as YYYY-MM-DD.
std::optional<std::string> url_path_date(std::string_view url);

}  // namespace newsindex
