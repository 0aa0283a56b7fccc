// What an element is to the HTML reader: never-content tags, inline tags, page furniture, and
// the class/id words that weigh for or against an element holding the article.
#pragma once
#include <gumbo.h>

#include <string_view>

namespace newsindex::html {

// Elements a reader never sees as text: scripts, styles, media, form controls, hidden elements.
bool is_never_content(const GumboNode* n);

// Phrasing elements: their text belongs to the block around them.
bool is_inline_tag(GumboTag t);

// Tags that are page furniture when small: navigation, headers, footers, asides, forms.
bool is_furniture_tag(GumboTag t);

// A class or id word that names furniture (share bars, ads, related lists, comments, bylines),
// or an ARIA role of furniture. Evidence, not a verdict: callers weigh it against the text.
bool has_furniture_name(const GumboNode* n);

// How sure a class, tag or role is that an element is furniture: Strong (comments, share bars,
// related lists, bylines, <nav>, <footer>, <aside>) is dropped wherever it stands outside the
// story's own container; Weak (paywall, sidebar, ad, modal, <form>, <header>) only when it holds
// little of the content.
enum class Furniture { None, Weak, Strong };
Furniture furniture_of(const GumboNode* n);
bool has_furniture_role(const GumboNode* n);

// Readability-style weight of the class and id words: +25 for words of content ("article",
// "story", "entry", "post-body"), -25 for words of furniture; <article>, <main> and
// itemprop=articleBody add their own.
int content_weight(const GumboNode* n);

// <main> or role=main.
bool is_main(const GumboNode* n);

// True for itemprop="articleBody" (schema.org's own mark of the body).
bool is_marked_body(const GumboNode* n);

// An in-body promotion or call to action when the block is short: "READ MORE: …", "Also on
// …", "Related: …", "Sign up for …", "Subscribe …", and their German, French, Russian forms.
bool is_promo_text(std::string_view text);

// A photo credit or source line ("Foto: dpa", "Credit: Getty Images", "© Rike/pixelio.de").
bool is_credit_text(std::string_view text);

}  // namespace newsindex::html
