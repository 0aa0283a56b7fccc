// Decoding bytes to UTF-8: byte-order marks, declared and detected charsets, repair, binary.
#include "common/text_decode.h"

#include <gtest/gtest.h>

#include <random>

namespace newsindex {
namespace {

using namespace std::string_literals;

const std::string kCafe = "caf\xC3\xA9 \xE2\x80\x94 na\xC3\xAFve";  // "café — naïve"

std::string utf16le(std::u16string_view s) {
  std::string out;
  for (char16_t c : s) {
    out += static_cast<char>(c & 0xFF);
    out += static_cast<char>(c >> 8);
  }
  return out;
}

std::string utf16be(std::u16string_view s) {
  std::string out;
  for (char16_t c : s) {
    out += static_cast<char>(c >> 8);
    out += static_cast<char>(c & 0xFF);
  }
  return out;
}

std::string utf32(std::u32string_view s, bool little) {
  std::string out;
  for (char32_t c : s)
    for (int i = 0; i < 4; ++i) out += static_cast<char>((c >> (little ? 8 * i : 8 * (3 - i))) & 0xFF);
  return out;
}

TEST(DecodeText, Utf8Bom) {
  Decoded d = decode_text("\xEF\xBB\xBF" + kCafe);
  EXPECT_EQ(d.text, kCafe);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.invalid_sequences, 0u);
}

TEST(DecodeText, Utf16LeBom) {
  Decoded d = decode_text("\xFF\xFE"s + utf16le(u"caf\u00e9 \u2014 na\u00efve"));
  EXPECT_EQ(d.text, kCafe);
  EXPECT_EQ(d.charset, "UTF-16LE");
}

TEST(DecodeText, Utf16BeBomWithSurrogatePair) {
  Decoded d = decode_text("\xFE\xFF"s + utf16be(u"x\U0001F600y"));
  EXPECT_EQ(d.text, "x\xF0\x9F\x98\x80y");
  EXPECT_EQ(d.charset, "UTF-16BE");
}

TEST(DecodeText, Utf32Boms) {
  Decoded le = decode_text("\xFF\xFE\x00\x00"s + utf32(U"caf\u00e9 \u2014 na\u00efve", true));
  EXPECT_EQ(le.text, kCafe);
  EXPECT_EQ(le.charset, "UTF-32LE");
  Decoded be = decode_text("\x00\x00\xFE\xFF"s + utf32(U"caf\u00e9 \u2014 na\u00efve", false));
  EXPECT_EQ(be.text, kCafe);
  EXPECT_EQ(be.charset, "UTF-32BE");
}

TEST(DecodeText, BomWinsOverDeclaration) {
  EXPECT_EQ(decode_text("\xEF\xBB\xBF" + kCafe, "windows-1252").text, kCafe);
}

TEST(DecodeText, Utf16WithoutBomByNulPattern) {
  Decoded le = decode_text(utf16le(u"<html><body>Hello, caf\u00e9</body></html>"));
  EXPECT_EQ(le.text, "<html><body>Hello, caf\xC3\xA9</body></html>");
  EXPECT_EQ(le.charset, "UTF-16LE");
  Decoded be = decode_text(utf16be(u"Plain text news story."));
  EXPECT_EQ(be.text, "Plain text news story.");
  EXPECT_EQ(be.charset, "UTF-16BE");
}

TEST(DecodeText, Utf16UnpairedSurrogateRepaired) {
  Decoded d = decode_text("\xFF\xFE"s + utf16le(u"ab") + "\x00\xD8"s + utf16le(u"cd"));
  EXPECT_EQ(d.text, "ab\xEF\xBF\xBD" "cd");
  EXPECT_EQ(d.invalid_sequences, 1u);
}

TEST(DecodeText, ValidUtf8TakenAsIs) {
  Decoded d = decode_text(kCafe);
  EXPECT_EQ(d.text, kCafe);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.first_invalid_line, 0u);
}

TEST(DecodeText, UndeclaredLatin1) {
  std::string latin1 =
      "Le caf\xE9 de la gare est ferm\xE9 depuis l'\xE9t\xE9 dernier. Les habitants du quartier "
      "regrettent cet \xE9tablissement tr\xE8s appr\xE9" "ci\xE9 o\xF9 l'on se retrouvait le matin.";
  Decoded d = decode_text(latin1);
  EXPECT_EQ(d.invalid_sequences, 0u);
  EXPECT_NE(d.text.find("caf\xC3\xA9"), std::string::npos);
  EXPECT_NE(d.text.find("tr\xC3\xA8s"), std::string::npos);
  EXPECT_TRUE(d.charset == "windows-1252" || d.charset == "ISO-8859-1") << d.charset;
}

TEST(DecodeText, UndeclaredShortLatin1FallsBackToWindows1252) {
  Decoded d = decode_text("na\xEFve");
  EXPECT_EQ(d.text, "na\xC3\xAFve");
  EXPECT_EQ(d.charset, "windows-1252");
}

TEST(DecodeText, DeclaredWindows1252) {
  // 0x93/0x94 are curly quotes and 0x97 an em dash in windows-1252 (C1 controls in Latin-1).
  Decoded d = decode_text("\x93Quoted\x94 \x97 caf\xE9", "windows-1252");
  EXPECT_EQ(d.text, "\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x80\x94 caf\xC3\xA9");
  EXPECT_EQ(d.charset, "windows-1252");
}

TEST(DecodeText, DeclaredLatin1MeansWindows1252) {
  Decoded d = decode_text("\x93x\x94", "ISO-8859-1");
  EXPECT_EQ(d.text, "\xE2\x80\x9Cx\xE2\x80\x9D");
  EXPECT_EQ(d.charset, "windows-1252");
}

TEST(DecodeText, DeclaredOtherCharsets) {
  EXPECT_EQ(decode_text("\xC2\xC5\xCC", "koi8-r").text, "\xD0\xB1\xD0\xB5\xD0\xBB");  // "бел"
  EXPECT_EQ(decode_text("\x93\xfa\x96\x7b", "Shift_JIS").text, "\xE6\x97\xA5\xE6\x9C\xAC");  // "日本"
}

TEST(DecodeText, UnknownDeclarationIgnored) {
  EXPECT_EQ(decode_text(kCafe, "no-such-charset").text, kCafe);
  EXPECT_EQ(decode_text(kCafe, "").text, kCafe);
}

TEST(DecodeText, DeclaredUtf16ButAsciiBytes) {
  EXPECT_EQ(decode_text("<p>hello</p>", "utf-16").text, "<p>hello</p>");
}

TEST(DecodeText, DeclaredUtf8WithInvalidBytesIsRepaired) {
  Decoded d = decode_text("line one\nline two \xFF\n", "utf-8");
  EXPECT_EQ(d.text, "line one\nline two \xEF\xBF\xBD\n");
  EXPECT_EQ(d.invalid_sequences, 1u);
  EXPECT_EQ(d.first_invalid_line, 2u);
}

// ---- repair_utf8 ----

struct RepairCase {
  std::string input;
  std::string expected;
  size_t count;
};

std::ostream& operator<<(std::ostream& os, const RepairCase& c) {
  for (unsigned char ch : c.input) os << std::hex << static_cast<int>(ch) << ' ';
  return os;
}

class RepairUtf8 : public testing::TestWithParam<RepairCase> {};

TEST_P(RepairUtf8, ReplacesMaximalSubparts) {
  std::string s = GetParam().input;
  EXPECT_EQ(repair_utf8(s), GetParam().count);
  EXPECT_EQ(s, GetParam().expected);
}

const std::string R = "\xEF\xBF\xBD";

INSTANTIATE_TEST_SUITE_P(
    Positions, RepairUtf8,
    testing::Values(RepairCase{"", "", 0}, RepairCase{kCafe, kCafe, 0},
                    RepairCase{"\xFF" "abc", R + "abc", 1},          // start
                    RepairCase{"ab\xFF" "c", "ab" + R + "c", 1},     // middle
                    RepairCase{"abc\xFF", "abc" + R, 1},             // end
                    RepairCase{"abc\xE2\x80", "abc" + R, 1},         // truncated at the end
                    RepairCase{"\xE2\x80" "abc", R + "abc", 1},      // truncated at the start
                    RepairCase{"a\xC3" "b", "a" + R + "b", 1},       // lead without continuation
                    RepairCase{"a\x80\x80" "b", "a" + R + R + "b", 2},  // lone continuations
                    RepairCase{"\xC0\xAF", R + R, 2},                // overlong
                    RepairCase{"\xE0\x80\xAF", R + R + R, 3},        // overlong 3-byte
                    RepairCase{"\xED\xA0\x80", R + R + R, 3},        // surrogate
                    RepairCase{"\xF4\x90\x80\x80", R + R + R + R, 4},  // above U+10FFFF
                    RepairCase{"\xF0\x9F\x98", R, 1},                // truncated 4-byte
                    RepairCase{"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", 0},
                    RepairCase{"\xE2\x80\xE2\x80\x94", R + "\xE2\x80\x94", 1},
                    RepairCase{"\xF5\xF8\xFE", R + R + R, 3},
                    RepairCase{"x\xE9y", "x" + R + "y", 1}));

TEST(RepairUtf8, RandomBytesAlwaysBecomeValid) {
  std::mt19937 rng(42);
  for (int round = 0; round < 2000; ++round) {
    std::string s(rng() % 64, '\0');
    for (char& c : s) c = static_cast<char>(rng());
    repair_utf8(s);
    std::string again = s;
    EXPECT_EQ(repair_utf8(again), 0u);
    EXPECT_EQ(again, s);
  }
}

TEST(DecodeText, RandomBytesNeverCrash) {
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::string s(rng() % 200, '\0');
    for (char& c : s) c = static_cast<char>(rng() % 4 == 0 ? 0 : rng());
    if (round % 3 == 0 && s.size() >= 2) s[0] = '\xFF', s[1] = '\xFE';
    Decoded d = decode_text(s, round % 5 == 0 ? "shift_jis" : "");
    std::string check = d.text;
    EXPECT_EQ(repair_utf8(check), 0u);
  }
}

// ---- looks_binary ----

TEST(LooksBinary, Detects) {
  EXPECT_FALSE(looks_binary(""));
  EXPECT_FALSE(looks_binary("plain text\nwith lines\r\n\ttabs\f"));
  EXPECT_FALSE(looks_binary(kCafe));
  EXPECT_FALSE(looks_binary("\xFF\xFE"s + utf16le(u"hello")));
  EXPECT_FALSE(looks_binary(utf16le(u"hello world, no BOM here")));
  EXPECT_FALSE(looks_binary("\x00\x00\xFE\xFF\x00\x00\x00h"s));
  EXPECT_TRUE(looks_binary("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"s));
  EXPECT_TRUE(looks_binary("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"s));
  EXPECT_TRUE(looks_binary("text\x01\x02\x03\x04\x05\x06"s));
}

TEST(LooksBinary, StrayNulsInTextAreNotBinary) {
  const std::string text = "Japan\xE2\x80\x99s prime minister met the president on Thursday, and the talks on trade "
                           "went on for hours \xE2\x80\x94 longer than planned. ";
  EXPECT_FALSE(looks_binary(text + "\0\0\0"s + text + text));
  EXPECT_TRUE(looks_binary(text + std::string(40, '\0')));  // more than one byte in 20
  std::mt19937 rng(8);
  std::string random(8192, ' ');
  for (char& c : random) c = static_cast<char>(rng() & 0xFF);
  EXPECT_TRUE(looks_binary(random));
  size_t line = 0;
  std::string nul = "a\nb\0c"s;
  EXPECT_EQ(replace_nuls(nul, line), 1u);
  EXPECT_EQ(nul, "a\nb c");
  EXPECT_EQ(line, 2u);
}

TEST(DecodeText, DamagedUtf8StaysUtf8) {
  // A stray byte or a cut character in UTF-8 text: repaired, not read as windows-1252.
  const std::string para = "Japan\xE2\x80\x99s talks \xE2\x80\x94 longer than planned. ";
  Decoded d = decode_text("\xFF"s + para + para + para);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.invalid_sequences, 1u);
  EXPECT_EQ(d.text, "\xEF\xBF\xBD" + para + para + para);
  Decoded cut = decode_text(para + "cut \xE2\x80 here\n" + para + "\xF0\x9F\x98");
  EXPECT_EQ(cut.charset, "UTF-8");
  EXPECT_EQ(cut.invalid_sequences, 2u);
  EXPECT_EQ(cut.first_invalid_line, 1u);
  // Latin-1 stays Latin-1.
  Decoded latin = decode_text("Caf\xE9 culture: the caf\xE9 served a na\xEFve r\xE9sum\xE9.");
  EXPECT_NE(latin.charset, "UTF-8");
  EXPECT_NE(latin.text.find("caf\xC3\xA9"), std::string::npos);
  // Owned bytes: valid UTF-8 is moved, other text decoded as before.
  std::string owned = para;
  EXPECT_EQ(decode_owned_text(std::move(owned)).text, para);
  EXPECT_EQ(decode_owned_text("\xFF\xFE"s + utf16le(u"hi")).text, "hi");
}

}  // namespace
}  // namespace newsindex
