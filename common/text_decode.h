// Turning the bytes of a file into valid UTF-8: BOMs, declared charsets, detection, repair.
#pragma once
#include <string>
#include <string_view>

namespace newsindex {

struct Decoded {
  std::string text;            // valid UTF-8, BOM removed
  std::string charset;         // what the bytes were read as ("UTF-8", "UTF-16LE", "windows-1252", ...)
  size_t invalid_sequences = 0;// invalid UTF-8 sequences replaced by U+FFFD
  size_t first_invalid_line = 0;  // 1-based line of the first one (0 if none)
};

// Decodes `bytes`: a UTF-8/16/32 byte-order mark wins; else `declared` (e.g. from
// <meta charset>) when ICU knows it; else valid UTF-8 is taken as is; else ICU charset
// detection picks one (Latin-1 family for typical Western pages). Invalid UTF-8 in a text
// taken as UTF-8 is replaced with U+FFFD and counted.
Decoded decode_text(std::string_view bytes, std::string_view declared = {});

// The same for bytes the caller gives up: valid UTF-8 is moved, not copied.
Decoded decode_owned_text(std::string&& bytes);

// Replaces invalid UTF-8 sequences with U+FFFD; returns how many were replaced.
size_t repair_utf8(std::string& s);

// True when the bytes look like binary data (many control characters, or NUL bytes that are
// not a few strays in plain text, in the first few KB; and no UTF-16/32 BOM or UTF-16 pattern).
bool looks_binary(std::string_view bytes);

// Replaces NUL bytes with spaces; returns how many, with the 1-based line of the first.
size_t replace_nuls(std::string& s, size_t& first_line);

}  // namespace newsindex
