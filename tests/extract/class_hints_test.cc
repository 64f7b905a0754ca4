// Class/id hints: a token matches a hint word when equal to it, or, for words of five letters or more,
// when it starts or ends with it; matching is per token (split at non-alphanumerics), case-insensitive.
#include <gtest/gtest.h>

#include "extract/text_util.h"
#include "pith/html.h"

using namespace pith;
using namespace pith::detail;

namespace {

uint8_t hints(std::string_view cls, std::string_view id = {}) {
  static HtmlParser parser;
  std::string html = "<div class=\"" + std::string(cls) + "\" id=\"" + std::string(id) + "\"></div>";
  Document& doc = parser.parse(html);
  for (const Node* n = doc.root(); n; n = next_in_preorder(n, doc.root())) {
    if (n->is(Tag::kDiv)) return class_hints(n);
  }
  return 0xFF;
}

}  // namespace

TEST(ClassHints, ExactPrefixAndSuffixMatches) {
  EXPECT_EQ(hints("nav"), kHintBoilerplate);
  EXPECT_EQ(hints("flex-nav-expanded"), kHintBoilerplate);  // "nav" as a token of its own
  EXPECT_EQ(hints("canvas"), 0);                            // "nav" inside a word: short words match whole
  EXPECT_EQ(hints("sharebar"), kHintBoilerplate | kHintStrongBoilerplate);  // starts with "share"
  EXPECT_EQ(hints("postcomments"), kHintComments);          // ends with "comments"
  EXPECT_EQ(hints("Article-Body"), kHintPositive);          // case-insensitive, per token
  EXPECT_EQ(hints("", "articlebody") & kHintStrongContent, kHintStrongContent);
  EXPECT_EQ(hints("sidebar content"), kHintBoilerplate | kHintPositive);
  EXPECT_EQ(hints("shares"), kHintBoilerplate | kHintStrongBoilerplate);  // a longer token starting with one
  EXPECT_EQ(hints("shar"), 0);
}

// A forum post's author card (avatar, user details and extras, title, flair, profile column) and its
// signature are furniture.
TEST(ClassHints, ForumAuthorCardAndSignature) {
  EXPECT_EQ(hints("message-avatar-wrapper"), kHintBoilerplate | kHintStrongBoilerplate);
  EXPECT_EQ(hints("message-userDetails"), kHintNegative);
  EXPECT_EQ(hints("message-userExtras"), kHintNegative);
  EXPECT_EQ(hints("userTitle"), kHintNegative);
  EXPECT_EQ(hints("", "userinfo-12"), kHintNegative);
  EXPECT_EQ(hints("user-signature"), kHintBoilerplate | kHintStrongBoilerplate);
  EXPECT_EQ(hints("-flair"), kHintNegative);        // Q&A sites' reputation and badges
  EXPECT_EQ(hints("postprofile"), kHintNegative);   // phpBB's author column
  EXPECT_EQ(hints("message-userContent"), kHintPositive);  // the post itself ("content" suffix) stays content
}

// A product's customer reviews are weak evidence against; a review (the article itself) is not.
TEST(ClassHints, CustomerReviewsButNotAReview) {
  EXPECT_EQ(hints("product-reviews"), kHintNegative);
  EXPECT_EQ(hints("reviewsList"), kHintNegative);
  EXPECT_EQ(hints("review-body"), kHintPositive);
}

// Overlay widgets (popovers, tooltips, fly-out panels) are furniture like popups and modals.
TEST(ClassHints, OverlayWidgets) {
  EXPECT_EQ(hints("product-popover"), kHintBoilerplate | kHintStrongBoilerplate);
  EXPECT_EQ(hints("tooltipContainer"), kHintBoilerplate | kHintStrongBoilerplate);
  EXPECT_EQ(hints("cart-flyout"), kHintBoilerplate);
}

// Share bars, signatures, avatars, banners, captions, menus and overlays are furniture even when the name
// also says "post" or "article".
TEST(ClassHints, StrongFurnitureOutweighsContentWords) {
  EXPECT_EQ(hints("post-share"), kHintBoilerplate | kHintStrongBoilerplate | kHintPositive);
  EXPECT_EQ(hints("post-signature"), kHintBoilerplate | kHintStrongBoilerplate | kHintPositive);
  EXPECT_EQ(hints("article-banner") & kHintStrongBoilerplate, kHintStrongBoilerplate);
  EXPECT_EQ(hints("post-caption") & kHintStrongBoilerplate, kHintStrongBoilerplate);
  EXPECT_EQ(hints("entry-related") & kHintStrongBoilerplate, 0);  // related links: the content word wins
}

// A listing's sort control ("sort", a word of its own) is furniture; "print" links are furniture even in a
// name that says "article"; a word that merely contains them is not.
TEST(ClassHints, SortAndPrintControls) {
  EXPECT_EQ(hints("sort-dropdown"), kHintBoilerplate);
  EXPECT_EQ(hints("article-print") & kHintStrongBoilerplate, kHintStrongBoilerplate);
  EXPECT_EQ(hints("sorted-list"), 0);
  EXPECT_EQ(hints("blueprint"), 0);
}
