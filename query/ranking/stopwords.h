// A small English stoplist for natural-language (--plain) queries: function words that carry
// no topic ("what are the effects of ...") only add noise to a bag-of-words ranking.
#pragma once
#include <span>
#include <string_view>

namespace newsindex {

// `word` is normalized as the analyzer leaves it (lower case, apostrophes unified).
bool is_query_stopword(std::string_view word);

// The list is English: true for "english", "en", "en-GB" and friends.
bool stoplist_applies(std::string_view language);

// The whole list (sorted), e.g. to stem it.
std::span<const std::string_view> query_stopwords();

}  // namespace newsindex
