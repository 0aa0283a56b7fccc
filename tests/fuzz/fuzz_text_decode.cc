// Fuzz target: byte-order marks, declared charsets, detection and UTF-8 repair. The first byte
// picks the declared charset; whatever the bytes, the result is valid UTF-8.
#include <array>

#include "fuzz_support.h"
#include "fuzz_target.h"
#include "common/text_decode.h"

using namespace newsindex;

NEWSINDEX_FUZZ_TARGET(text_decode) {
  static constexpr std::array<std::string_view, 16> kDeclared = {
      "", "utf-8", "iso-8859-1", "windows-1252", "shift_jis", "utf-16", "gb18030", "euc-kr",
      "koi8-r", "x-no-such-charset", "utf-32le", "iso-2022-jp", "big5", "us-ascii", "\"UTF-8\"", "hz-gb-2312"};
  if (size == 0) return 0;
  std::string_view declared = kDeclared[data[0] % kDeclared.size()];
  std::string_view bytes = fuzz::as_text(data + 1, size - 1);

  Decoded d = decode_text(bytes, declared);
  fuzz::require(fuzz::valid_utf8(d.text), "decode_text returned invalid UTF-8", d.text);
  fuzz::require(!d.charset.empty(), "decode_text names no charset");
  fuzz::require((d.invalid_sequences == 0) == (d.first_invalid_line == 0), "invalid count and first line disagree");
  (void)looks_binary(bytes);

  std::string repaired(bytes);
  size_t fixed = repair_utf8(repaired);
  fuzz::require(fuzz::valid_utf8(repaired), "repair_utf8 left invalid UTF-8", repaired);
  fuzz::require((fixed == 0) == fuzz::valid_utf8(bytes), "repair_utf8 count wrong");
  if (fixed == 0) fuzz::require(repaired == bytes, "repair_utf8 changed valid text");
  std::string again = repaired;
  fuzz::require(repair_utf8(again) == 0 && again == repaired, "repair_utf8 not idempotent");
  return 0;
}
