#include "common/version.h"

#include <unicode/uversion.h>
#include <xapian.h>

#include "common/schema.h"

namespace newsindex {

std::string version_text(std::string_view program, std::string_view detail) {
  // The versions of the libraries actually linked (ICU may be linked statically), not the headers.
  UVersionInfo icu{};
  u_getVersion(icu);
  char icu_text[U_MAX_VERSION_STRING_LENGTH] = {};
  u_versionToString(icu, icu_text);
  std::string out(program);
  out += " " NEWSINDEX_VERSION " (schema " + std::to_string(schema::kSchemaVersion);
  if (!detail.empty()) out += ", " + std::string(detail);
  out += ")\nXapian " + std::string(Xapian::version_string()) + ", ICU " + icu_text;
  return out;
}

}  // namespace newsindex
