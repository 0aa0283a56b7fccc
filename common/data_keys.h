// The keys of the JSON stored as a passage's or link's document data: written by the document
// builder, read by the query side.
#pragma once

namespace newsindex::data_keys {
inline constexpr const char* kText = "text";
inline constexpr const char* kSection = "section";
inline constexpr const char* kCaption = "caption";
inline constexpr const char* kPassage = "passage";
inline constexpr const char* kLine = "line";
inline constexpr const char* kUrl = "url";
inline constexpr const char* kLinkDate = "link_date";
}  // namespace newsindex::data_keys
