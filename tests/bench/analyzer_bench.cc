// Analyzer throughput in MB/s on Brown corpus text, next to Xapian::TermGenerator on the same
// paragraphs in the same binary. Like is compared with like: text to terms in a fresh
// Xapian::Document per paragraph (english stemmer, STEM_SOME, positions) on both sides. Also
// measured: the same with the Analysis reused, and the analyzer alone (with and without its ASCII
// fast path), to show where the time goes.
//
// Input: the "text" fields of data/brown.jsonl (scripts/fetch-corpus.sh brown), or the file named
// by NEWSINDEX_BROWN. Without it the binary says so and exits 0: nothing to measure.
// scripts/bench-analyzer.sh fetches, builds, runs and prints both figures.
#include <benchmark/benchmark.h>
#include <xapian.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "common/analyzer.h"
#include "indexer/readers/jsonl_reader.h"
#include "common/terms.h"

using namespace newsindex;

namespace {

struct Text {
  std::vector<std::string> paragraphs;
  size_t bytes = 0;
};

std::string brown_path() {
  if (const char* env = std::getenv("NEWSINDEX_BROWN"); env && *env) return env;
  std::string p = NEWSINDEX_SOURCE_DIR;
  p.append("/data/brown.jsonl");
  return p;
}

// Paragraphs as the indexer sees them: the JSON text split at blank lines.
Text load(const std::string& path) {
  Text t;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) continue;
    for (std::string& p : split_paragraphs(j["text"].get<std::string>())) {
      t.bytes += p.size();
      t.paragraphs.push_back(std::move(p));
    }
  }
  return t;
}

const Text* g_text = nullptr;

void report(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(g_text->bytes));
  state.counters["paragraphs"] = static_cast<double>(g_text->paragraphs.size());
}

// Our analyzer and terms.h: raw terms with positions, stemmed Z terms, acronym terms.
void BM_AnalyzerTerms(benchmark::State& state) {
  Analyzer an;
  const Xapian::Stem stem = stemmer_for("en");
  for (auto _ : state) {
    for (const std::string& p : g_text->paragraphs) {
      Xapian::Document doc;
      add_text_terms(doc, an.analyze(p), schema::FieldId::Body, stem, 0, true);
      benchmark::DoNotOptimize(doc);
    }
  }
  report(state);
}

// The same with the Analysis reused from paragraph to paragraph (Analyzer::analyze_into), as a
// per-thread indexer can: no token vector allocated per paragraph.
void BM_AnalyzerTermsReuse(benchmark::State& state) {
  Analyzer an;
  Analysis words;
  const Xapian::Stem stem = stemmer_for("en");
  for (auto _ : state) {
    for (const std::string& p : g_text->paragraphs) {
      Xapian::Document doc;
      an.analyze_into(p, words);
      add_text_terms(doc, words, schema::FieldId::Body, stem, 0, true);
      benchmark::DoNotOptimize(doc);
    }
  }
  report(state);
}

// Xapian's own: the same work as far as it goes (it has no acronyms, CJK words or accents).
void BM_TermGenerator(benchmark::State& state) {
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("english"));
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  for (auto _ : state) {
    for (const std::string& p : g_text->paragraphs) {
      Xapian::Document doc;
      tg.set_document(doc);
      tg.index_text(p);
      benchmark::DoNotOptimize(doc);
    }
  }
  report(state);
}

// The analyzer alone: tokens with offsets, no Xapian terms.
void BM_AnalyzerOnly(benchmark::State& state) {
  Analyzer an;
  for (auto _ : state) {
    for (const std::string& p : g_text->paragraphs) {
      Analysis a = an.analyze(p);
      benchmark::DoNotOptimize(a);
    }
  }
  report(state);
}

// The analyzer alone without its ASCII fast path: every paragraph through ICU's iterator.
void BM_AnalyzerOnlyIcu(benchmark::State& state) {
  Analyzer an;
  AnalyzeOptions icu;
  icu.ascii_fast_path = false;
  for (auto _ : state) {
    for (const std::string& p : g_text->paragraphs) {
      Analysis a = an.analyze(p, icu);
      benchmark::DoNotOptimize(a);
    }
  }
  report(state);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  const std::string path = brown_path();
  static const Text text = load(path);
  if (text.paragraphs.empty()) {
    std::cerr << "analyzer_bench: no Brown text in " << path
              << " (run scripts/fetch-corpus.sh brown, or set NEWSINDEX_BROWN); nothing to measure\n";
    return 0;
  }
  g_text = &text;
  std::cerr << "analyzer_bench: " << text.paragraphs.size() << " paragraphs, " << text.bytes << " bytes from "
            << path << "\n";
  benchmark::RegisterBenchmark("AnalyzerTerms", BM_AnalyzerTerms)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("AnalyzerTermsReuse", BM_AnalyzerTermsReuse)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("TermGenerator", BM_TermGenerator)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("AnalyzerOnly", BM_AnalyzerOnly)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("AnalyzerOnlyIcu", BM_AnalyzerOnlyIcu)->Unit(benchmark::kMillisecond);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
