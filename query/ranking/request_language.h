// Request language in natural-language (--plain) queries: "I am interested in", "papers on",
// "I would also be grateful for" say how a topic is asked for, not what it is. Left in, their
// words ("interested", "papers", "grateful") rank documents that happen to hold them, and feed
// RM3 feedback a first pass about the wrong thing. The phrase list is in request_language.cc.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace newsindex {

// For each word of `words` (normalized as the analyzer leaves them: lower case, apostrophes
// unified), whether it belongs to a request phrase. Phrases are matched longest first, left
// to right, on whole words; a word can belong to one phrase only.
std::vector<bool> request_language_mask(const std::vector<std::string>& words);

// The phrases, one a line ("i am interested in"), e.g. for tests and documentation.
std::vector<std::string_view> request_phrases();

}  // namespace newsindex
