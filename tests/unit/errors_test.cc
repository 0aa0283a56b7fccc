// File names in messages: one line, valid UTF-8, whatever the name.
#include "common/errors.h"

#include <gtest/gtest.h>

namespace newsindex {
namespace {

TEST(PrintableName, EscapesWhatWouldBreakALine) {
  EXPECT_EQ(printable_name("corpus/a.txt"), "corpus/a.txt");
  EXPECT_EQ(printable_name("caf\xC3\xA9/\xE2\x80\x94.txt"), "caf\xC3\xA9/\xE2\x80\x94.txt");
  EXPECT_EQ(printable_name("odd\nname\xFF.txt"), "odd\\nname\\xFF.txt");
  EXPECT_EQ(printable_name("a\tb\rc\x01\x7F"), "a\\tb\\rc\\x01\\x7F");
  EXPECT_EQ(printable_name("cut \xE2\x80"), "cut \\xE2\\x80");
  EXPECT_EQ(printable_name("\xED\xA0\x80"), "\\xED\\xA0\\x80");  // a surrogate is not UTF-8
  EXPECT_EQ(printable_name(""), "");
}

TEST(InputError, NamesTheFileEscaped) {
  InputError e("dir/odd\nname.txt", "binary data");
  EXPECT_STREQ(e.what(), "dir/odd\\nname.txt: binary data");
  EXPECT_EQ(e.location, "dir/odd\nname.txt");
}

}  // namespace
}  // namespace newsindex
