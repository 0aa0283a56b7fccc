#include "indexer/readers/news_text_reader.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <regex>

#include "common/dates.h"
#include "common/errors.h"
#include "indexer/segment.h"

namespace newsindex {

namespace {

struct Line {
  std::string text;  // whitespace-normalized
  uint32_t number;   // 1-based
};

std::vector<Line> nonempty_lines(std::string_view text) {
  std::vector<Line> out;
  uint32_t no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    ++no;
    std::string t = normalize_space(text.substr(pos, nl - pos));
    if (!t.empty()) out.push_back({std::move(t), no});
    pos = nl + 1;
  }
  return out;
}

size_t word_count(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

// The last code point of the line once closing quotes and brackets are set aside.
UChar32 final_char(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = static_cast<int32_t>(s.size());
  while (i > 0) {
    UChar32 c;
    U8_PREV(p, 0, i, c);
    if (c == ' ' || c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 ||
        c == 0x00BB || c == 0x300D || c == 0x300F || c == 0xFF09 || c == 0x2033 || c == 0x2032)
      continue;
    return c;
  }
  return 0;
}

UChar32 first_char(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  UChar32 c = 0;
  if (!s.empty()) U8_NEXT(p, i, static_cast<int32_t>(s.size()), c);
  return c;
}

// A line ends like a sentence in any script.
bool ends_sentence(UChar32 c) {
  switch (c) {
    case '.': case '!': case ':': case ';': case ',':
    case 0x3002: case 0xFF01: case 0xFF0E: case 0xFF61: case 0x2026: case 0x0964: case 0x0965:
    case 0x1362: case 0x104B: case 0x17D4: case 0x203C: case 0x06D4: case 0xFF1A: case 0xFF1B:
      return true;
    default:
      return false;
  }
}

bool is_question(UChar32 c) { return c == '?' || c == 0xFF1F || c == 0x061F || c == 0x2049; }

bool is_quote_start(UChar32 c) {
  return c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == 0x00AB || c == 0x300C ||
         c == 0x201E;
}

// A short line between paragraphs that is not running text: a section heading.
bool looks_like_heading(std::string_view line) {
  size_t words = word_count(line);
  if (words == 0 || words > 12 || line.size() > 120) return false;
  UChar32 first = first_char(line);
  if (u_islower(first)) return false;
  UChar32 last = final_char(line);
  if (is_question(last)) return words <= 10 && !is_quote_start(first);
  return !ends_sentence(last);
}

bool is_breadcrumb(std::string_view line) {
  if (line.size() > 400) return false;
  return line.find(" > ") != std::string_view::npos || line.find(" \xE2\x80\xBA ") != std::string_view::npos ||
         line.find(" \xC2\xBB ") != std::string_view::npos || line.find(" / ") != std::string_view::npos;
}

std::vector<std::string> split_crumbs(const std::string& line) {
  static const std::regex sep(R"( (?:>|\xE2\x80\xBA|\xC2\xBB|/) )");
  std::vector<std::string> out;
  for (std::sregex_token_iterator it(line.begin(), line.end(), sep, -1), end; it != end; ++it)
    if (!it->str().empty()) out.push_back(it->str());
  return out;
}

int64_t parse_count(std::string s) {
  double mult = 1;
  if (!s.empty() && (s.back() == 'k' || s.back() == 'K')) mult = 1e3, s.pop_back();
  else if (!s.empty() && (s.back() == 'm' || s.back() == 'M')) mult = 1e6, s.pop_back();
  std::string digits;
  for (char c : s)
    if (c != ',') digits += c;
  try {
    return static_cast<int64_t>(std::stod(digits) * mult);
  } catch (const std::exception&) {
    return 0;
  }
}

// "210 views 8 min 0 Comment", "1.2K views · 5 min read · 2 Comments"
bool parse_meta_line(const std::string& line, Article& a) {
  static const std::regex meta(
      R"(^(?:([\d.,]+[KkMm]?)\s+views?)?[\s|·•-]*(?:(\d+)\s+min(?:ute)?s?(?:\s+read)?)?[\s|·•-]*(?:(\d+)\s+comments?)?\s*$)",
      std::regex::icase);
  if (line.size() > 120) return false;
  std::smatch m;
  if (!std::regex_match(line, m, meta) || (!m[1].matched && !m[2].matched && !m[3].matched)) return false;
  if (m[1].matched) a.views = parse_count(m[1].str());
  if (m[2].matched) a.reading_minutes = std::stoll(m[2].str());
  if (m[3].matched) a.comments = std::stoll(m[3].str());
  return true;
}

// "(AP)", "(Reuters)", "(Photo by Jane Doe/Getty Images)", "Photo: ...": a photo caption.
bool looks_like_caption(const std::string& line) {
  if (line.size() > 1000) return false;  // captions are short; std::regex recurses per character
  static const std::regex credit(R"(\((?:[A-Z][^()]{0,80})\)\s*$)");
  static const std::regex photo(R"(^(?:Photo|Image|Picture|Credit)s?\s*:|\b(?:Getty Images|Photo by|Photograph:|/AP|/Reuters|AFP/)\b)",
                                std::regex::icase);
  return std::regex_search(line, credit) || std::regex_search(line, photo);
}

// "Zack Cooper is a research fellow ..." -> "Zack Cooper"
std::string author_from_bio(const std::string& bio) {
  if (bio.size() > 2000) return {};  // a bio is a short paragraph; std::regex recurses per character
  static const std::regex who(
      R"(^((?:[A-Z][\w.'\-]*\s){1,3}[A-Z][\w'\-]+)\s(?:is|was|writes|teaches|covers|reports|served|has been)\b)");
  std::smatch m;
  if (std::regex_search(bio, m, who)) return m[1].str();
  return {};
}

bool looks_like_bio(const std::string& text) { return !author_from_bio(text).empty(); }

std::string strip_dateline_marks(std::string_view s) {
  // "- June 6, 2018", "— June 6, 2018", "| June 6, 2018"
  while (!s.empty()) {
    if (s[0] == '-' || s[0] == '|' || s[0] == ' ' || s[0] == '*') s.remove_prefix(1);
    else if (s.substr(0, 3) == "\xE2\x80\x94" || s.substr(0, 3) == "\xE2\x80\x93" || s.substr(0, 3) == "\xE2\x80\xA2") s.remove_prefix(3);
    else break;
  }
  return std::string(s);
}

bool is_url_end(std::string_view s, size_t i) {
  unsigned char c = s[i];
  if (c == '"' || c == '\'' || c == ']' || c == ' ' || c == '\t') return true;
  // “ ” ″ ’ ‘ close or open the URL in copy-pasted shortcodes
  return c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
         (static_cast<unsigned char>(s[i + 2]) == 0x9C || static_cast<unsigned char>(s[i + 2]) == 0x9D ||
          static_cast<unsigned char>(s[i + 2]) == 0xB3 || static_cast<unsigned char>(s[i + 2]) == 0x99 ||
          static_cast<unsigned char>(s[i + 2]) == 0x98);
}

size_t quote_len(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == '"' || s[i] == '\'') return 1;
  if (i + 2 < s.size() && is_url_end(s, i) && static_cast<unsigned char>(s[i]) == 0xE2) return 3;
  return 0;
}

}  // namespace

std::string extract_shortcode_links(std::string_view line, std::vector<LinkRef>& links, int block_index) {
  static constexpr std::string_view kOpen = "[interstitial_link";
  static constexpr std::string_view kClose = "[/interstitial_link]";
  std::string out, around;  // the line with the anchors in it; the line without them
  size_t pos = 0;
  while (true) {
    size_t open = line.find(kOpen, pos);
    if (open == std::string_view::npos) break;
    out.append(line.substr(pos, open - pos));
    around.append(line.substr(pos, open - pos));
    size_t tag_end = line.find(']', open);
    if (tag_end == std::string_view::npos) tag_end = line.size();
    std::string_view attrs = line.substr(open + kOpen.size(), tag_end - open - kOpen.size());
    LinkRef link;
    link.block_index = block_index;
    if (size_t u = attrs.find("url="); u != std::string_view::npos) {
      size_t s = u + 4;
      s += quote_len(attrs, s);
      size_t e = s;
      while (e < attrs.size() && !is_url_end(attrs, e)) ++e;
      link.url = std::string(attrs.substr(s, e - s));
    }
    size_t close = tag_end >= line.size() ? std::string_view::npos : line.find(kClose, tag_end);
    size_t anchor_end = close == std::string_view::npos ? line.size() : close;
    if (tag_end < line.size()) {
      const std::string_view anchor = line.substr(tag_end + 1, anchor_end - tag_end - 1);
      link.anchor = normalize_space(anchor);
      out.append(anchor);
    }
    if (!link.url.empty()) links.push_back(link);
    pos = close == std::string_view::npos ? line.size() : close + kClose.size();
  }
  if (pos < line.size()) {
    out.append(line.substr(pos));
    around.append(line.substr(pos));
  }
  // A line of nothing but links is a related-links line: no text of its own. A link inside a
  // sentence keeps its anchor words there ("... [link]Chip stocks had rallied[/link] for most of
  // the year"), as a browser would show them.
  if (normalize_space(around).empty()) return {};
  return normalize_space(out);
}

Block* add_paragraph(Article& a, std::string text, uint32_t line) {
  if (text.find("[interstitial_link") != std::string::npos) {
    const int previous = static_cast<int>(a.blocks.size()) - 1;
    const size_t links_before = a.links.size();
    text = extract_shortcode_links(text, a.links, previous);
    if (text.empty()) return nullptr;  // a related-link line: the link stands after the previous block
    // An inline shortcode: the link sits in this paragraph, not after the previous one.
    for (size_t l = links_before; l < a.links.size(); ++l) a.links[l].block_index = previous + 1;
  }
  Block b;
  b.text = std::move(text);
  b.line = line;
  a.blocks.push_back(std::move(b));
  return &a.blocks.back();
}

bool looks_like_news_text(std::string_view text) {
  std::vector<Line> lines = nonempty_lines(text.substr(0, 4096));
  if (lines.size() < 2) return false;
  Article scratch;
  if (is_breadcrumb(lines[0].text) && lines[0].text.find(" > ") != std::string::npos) return true;
  if (parse_meta_line(lines[1].text, scratch)) return true;
  for (size_t i = 1; i < std::min<size_t>(lines.size(), 5); ++i)
    if (parse_date(strip_dateline_marks(lines[i].text), true)) return true;
  return text.find("[interstitial_link") != std::string_view::npos;
}

Article read_news_text(std::string_view text, const std::string& source) {
  Article a;
  a.source = source;
  std::vector<Line> lines = nonempty_lines(text);
  if (lines.empty()) throw InputError(source, "empty file: no text to index");
  size_t i = 0;
  if (is_breadcrumb(lines[i].text) && lines.size() > 1) {
    a.category = lines[i].text;
    ++i;
  }
  if (i < lines.size() && parse_meta_line(lines[i].text, a)) ++i;
  if (i < lines.size()) a.title = lines[i++].text;
  // The breadcrumb's last crumb usually repeats the title: the category is the path above it.
  if (!a.category.empty()) {
    std::vector<std::string> crumbs = split_crumbs(a.category);
    if (crumbs.size() > 1 && (crumbs.back() == a.title || a.title.rfind(crumbs.back(), 0) == 0 ||
                              crumbs.back().find("\xE2\x80\xA6") != std::string::npos)) {
      crumbs.pop_back();
      std::string path;
      for (const auto& c : crumbs) path += (path.empty() ? "" : " > ") + c;
      a.category = path;
    }
  }
  // A dateline and a byline may follow the title, in either order; each is taken once, and only
  // while they come one after the other.
  for (int taken = 0; taken < 2 && i < lines.size() && lines.size() - i > 1; ++taken) {
    const std::string& t = lines[i].text;
    if (!a.date) {
      if (auto d = parse_date(strip_dateline_marks(t), true)) {
        a.date = d;
        ++i;
        continue;
      }
    }
    if (a.author.empty() && t.rfind("By ", 0) == 0 && word_count(t) <= 8) {
      a.author = t.substr(3);
      ++i;
      continue;
    }
    break;
  }
  std::vector<Line> body(lines.begin() + static_cast<std::ptrdiff_t>(i), lines.end());
  bool first = true;
  for (size_t k = 0; k < body.size(); ++k) {
    Block* b = add_paragraph(a, body[k].text, body[k].number);
    if (!b) continue;
    const bool last = k + 1 == body.size();
    if (first && a.date && looks_like_caption(b->text)) b->kind = Block::Kind::Caption;
    else if (!last && !first && looks_like_heading(b->text)) b->kind = Block::Kind::Heading;
    first = false;
  }
  // The last paragraph introducing a person is the author's bio.
  if (!a.blocks.empty() && a.blocks.back().kind == Block::Kind::Paragraph && a.blocks.size() > 1 &&
      looks_like_bio(a.blocks.back().text)) {
    a.bio = a.blocks.back().text;
    if (a.author.empty()) a.author = author_from_bio(a.bio);
  }
  if (a.blocks.empty() && a.title.empty()) throw InputError(source, "no article text found");
  return a;
}

}  // namespace newsindex
