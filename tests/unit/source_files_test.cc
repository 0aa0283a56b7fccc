// Directory walks pass over files whose type holds no article (a saved page's styles, scripts
// and images, media, archives) and say so; a file named on the command line, or asked for by an
// include glob, is read whatever its type.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "indexer/source_files.h"

using namespace newsindex;
namespace fs = std::filesystem;

TEST(SourceFiles, TypesThatHoldNoArticle) {
  struct Case {
    const char* path;
    bool not_article;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"page_files/style.css", true}, {"page_files/app.min.js", true}, {"x/LOGO.PNG", true},
           {"clip.mp4", true}, {"dump.tar.gz", true}, {"report.pdf", true}, {"app.js.gz", true},
           {"a.html", false}, {"feed.jsonl.gz", false}, {"notes.txt", false}, {"news.csv", false},
           {"story", false}, {".css", false}, {"dir.js/story.txt", false}, {"a.json", false}}) {
    EXPECT_EQ(not_an_article_file(c.path), c.not_article) << c.path;
  }
}

class SavedPageFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("newsindex-walk-" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "Story_files");
    for (const char* f : {"Story.html", "Story_files/style.css", "Story_files/app.js", "Story_files/logo.png"})
      std::ofstream(dir_ / f) << "x";
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> names(const std::vector<FoundFile>& files) const {
    std::vector<std::string> out;
    for (const FoundFile& f : files) out.push_back(fs::path(f.path).lexically_relative(fs::canonical(dir_)).string());
    return out;
  }

  fs::path dir_;
};

TEST_F(SavedPageFolder, AWalkPassesOverAssetsAndSaysSo) {
  std::vector<std::string> not_read;
  auto files = walk_sources({dir_.string()}, WalkOptions{}, [](const std::string&, const std::string&) {},
                            [&](const std::string& p) { not_read.push_back(fs::path(p).filename().string()); });
  EXPECT_EQ(names(files), std::vector<std::string>{"Story.html"});
  EXPECT_EQ(not_read, (std::vector<std::string>{"app.js", "logo.png", "style.css"}));
}

TEST_F(SavedPageFolder, NamedFilesAndIncludedOnesAreRead) {
  auto named = walk_sources({(dir_ / "Story_files/app.js").string()}, WalkOptions{},
                            [](const std::string&, const std::string&) {});
  EXPECT_EQ(names(named), std::vector<std::string>{"Story_files/app.js"});
  WalkOptions js;
  js.include = {"*.js"};
  auto included = walk_sources({dir_.string()}, js, [](const std::string&, const std::string&) {});
  EXPECT_EQ(names(included), std::vector<std::string>{"Story_files/app.js"});
}
