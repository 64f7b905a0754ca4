// Page types beyond the article: listings whose items are links, small pages whose one container carries
// a furniture-like class name, and React's streamed segments. Each case fails the strict reading in a
// known way; the test checks what the extractor keeps and what it still leaves out.
#include <gtest/gtest.h>

#include <algorithm>

#include <string>

#include "pith/extract.h"

using namespace pith;

namespace {

bool contains(const std::string& text, std::string_view needle) { return text.find(needle) != std::string::npos; }

// A paragraph that reads like prose (commas, a full stop) for the page shapes below.
const std::string prose =
    "The committee met on Tuesday, discussed the budget at length, and agreed to publish its findings, "
    "which cover schools, roads, and the new library, before the end of the month.";

}  // namespace

// Every headline of a listing is a link and the grid is link-dense: the strict reading drops it all,
// the recall guard reads the page again and keeps the items; the site menu stays out.
TEST(PageTypes, ListingOfLinkedHeadlinesIsKept) {
  std::string html = "<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav><div class=grid>";
  for (int i = 0; i < 8; ++i) {
    std::string n = std::to_string(i);
    html += "<div class=card><h2><a href=/story" + n + ">Headline number " + n +
            " about the council vote</a></h2><a href=/story" + n + ">Short teaser " + n +
            " of the story</a></div>";
  }
  html += "</div><footer>Copyright 2024 Example</footer></body></html>";
  Extractor ex;
  Result r = ex.extract(html);
  std::string text = r.text();
  for (int i = 0; i < 8; ++i) {
    EXPECT_TRUE(contains(text, "Headline number " + std::to_string(i))) << text;
  }
  EXPECT_FALSE(contains(text, "Copyright")) << text;
  EXPECT_FALSE(contains(text, "Home")) << text;
}

// A short forum post inside <div class="grid-container flex-nav-expanded">: "nav" in a modifier class
// must not remove the only content of the page.
TEST(PageTypes, SmallPageInsideFurnitureNamedContainer) {
  std::string html =
      "<html><body><div class='grid-container flex-nav-expanded'><h1>Enamel pans and metal tools</h1>"
      "<p>Are metal utensils safe on enamelled cast iron, or do they scratch it? What do you use instead "
      "when you want to avoid plastic in the kitchen?</p></div></body></html>";
  Extractor ex;
  Result r = ex.extract(html);
  EXPECT_TRUE(contains(r.text(), "Are metal utensils safe")) << r.text();
}

// <div hidden id="S:1"> holds a streamed segment that a script moves into view; other hidden content
// stays hidden.
TEST(PageTypes, StreamedSegmentIsContentOtherHiddenIsNot) {
  std::string html = "<html><body><template id=B:1></template><div hidden>Secret draft text</div>"
                     "<div hidden id=S:1><article><p>" + prose + "</p><p>" + prose + "</p></article></div>"
                     "</body></html>";
  Extractor ex;
  Result r = ex.extract(html);
  EXPECT_TRUE(contains(r.text(), "The committee met")) << r.text();
  EXPECT_FALSE(contains(r.text(), "Secret draft")) << r.text();
}

// The recall guard must not turn an article page into its menus: a real article with a link-dense
// sidebar keeps only the article.
TEST(PageTypes, ArticleWithLinkSidebarStaysStrict) {
  std::string html = "<html><body><div class=sidebar>";
  for (int i = 0; i < 20; ++i) html += "<p><a href=/t" + std::to_string(i) + ">Topic " + std::to_string(i) + "</a></p>";
  html += "</div><article>";
  for (int i = 0; i < 6; ++i) html += "<p>" + prose + "</p>";
  html += "</article></body></html>";
  Extractor ex;
  Result r = ex.extract(html);
  EXPECT_TRUE(contains(r.text(), "The committee met")) << r.text();
  EXPECT_FALSE(contains(r.text(), "Topic 3")) << r.text();
}

// A page whose only text sits in a display:none panel (a tab shown by script) is read permissively;
// a page with visible content keeps its hidden panels out.
TEST(PageTypes, HiddenPanelIsReadOnlyWhenNothingElseIs) {
  std::string only_hidden = "<html><body><div style='display:none'><article><p>" + prose + "</p><p>" + prose +
                            "</p></article></div></body></html>";
  Extractor ex;
  EXPECT_TRUE(contains(ex.extract(only_hidden).text(), "The committee met"));
  std::string visible_and_hidden = "<html><body><article><p>" + prose + "</p><p>" + prose + "</p><p>" + prose +
                                   "</p></article><div style='display:none'><p>Hidden panel with draft notes "
                                   "that nobody should read, kept out of the text.</p></div></body></html>";
  std::string text = ex.extract(visible_and_hidden).text();
  EXPECT_TRUE(contains(text, "The committee met")) << text;
  EXPECT_FALSE(contains(text, "Hidden panel")) << text;
}

// Article text written straight into a <div> beside its title <p> (no paragraph elements of its own)
// is scored as paragraphs; the footer's address block does not win.
TEST(PageTypes, LooseTextBesideBlockChildrenIsScored) {
  std::string loose =
      "A equipe registrou nesta manhã o arrombamento de dois dos cinco automóveis da unidade. Os veículos "
      "estavam sem as baterias, com marcas de depredação, e a polícia foi até o local para investigar.";
  std::string html = "<html><body><div class=content><p class=titulo>Arrombamento em veículos</p>"
                     "<img src=a.jpg>" + loose + "<br><br>" + loose + "</div><div class=rodape><div>Rua Walter, "
                     "1111 - Caixa Postal 421 - Fone: (047) 2106-8000, CNPJ 83.102.459/0001-23</div></div>"
                     "</body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_TRUE(contains(text, "A equipe registrou")) << text;
  EXPECT_FALSE(contains(text, "Caixa Postal")) << text;
}

// Articles nested in the article chosen as the content are related posts or comments (HTML standard);
// articles side by side in a thread are the posts themselves and stay.
TEST(PageTypes, NestedArticlesAreNotTheArticle) {
  std::string nested = "<html><body><div><a href=/>Example Daily, the town's paper</a></div><article><p>" + prose + " " + prose + "</p><p>" + prose + "</p>";
  for (int i = 0; i < 3; ++i) nested += "<article><p>Related post " + std::to_string(i) + ": " + prose + "</p></article>";
  nested += "</article></body></html>";
  Extractor ex;
  std::string text = ex.extract(nested).text();
  EXPECT_TRUE(contains(text, "The committee met")) << text;
  EXPECT_FALSE(contains(text, "Related post")) << text;

  std::string thread = "<html><body><div class=thread>";
  for (int i = 0; i < 4; ++i) thread += "<article><p>Reply " + std::to_string(i) + ": " + prose + "</p></article>";
  thread += "</div></body></html>";
  text = ex.extract(thread).text();
  for (int i = 0; i < 4; ++i) EXPECT_TRUE(contains(text, "Reply " + std::to_string(i))) << text;
}

// A lead paragraph written between the headline and the body container belongs to the article; a
// byline-like line without a sentence does not come with it.
TEST(PageTypes, LeadBeforeTheBodyIsKept) {
  std::string html = "<html><body><div class=page><div class=head><h1>Budget agreed after long debate</h1>"
                     "<p class=lead>The council has agreed next year's budget. Schools get most of the new money."
                     "</p></div><div class=meta>PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05</div>"
                     "<div class=body><p>" + prose + "</p><p>" + prose + "</p><p>" + prose + "</p></div></div>"
                     "<div class=footer-links><a href=/a>About us and our history</a></div></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_TRUE(contains(text, "The committee met")) << text;
  EXPECT_TRUE(contains(text, "Schools get most of the new money")) << text;
  EXPECT_FALSE(contains(text, "PUBLISHED")) << text;
}

// A standfirst nested deeper in the headline block (header > div > div > p) is the lead too; a prose
// subheading (an h2 dek) is not taken.
TEST(PageTypes, NestedStandfirstInTheHeadlineBlockIsKept) {
  std::string html = "<html><body><article><header><div class=wrap><h1>Budget agreed after long debate</h1>"
                     "<h2>Councillors argued for six hours, and in the end the vote was close.</h2>"
                     "<div class=row><div class=col><p class=lead>The council has agreed next year's budget. "
                     "Schools get most of the new money.</p></div></div></div></header>"
                     "<div class=body><p>" + prose + "</p><p>" + prose + "</p><p>" + prose + "</p></div>"
                     "</article></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_TRUE(contains(text, "The committee met")) << text;
  EXPECT_TRUE(contains(text, "Schools get most of the new money")) << text;
  EXPECT_FALSE(contains(text, "Councillors argued")) << text;
}

// Section headings written as links (permalinks, as documentation sites make them) are part of the
// content: a heading is not dropped for being all link, a paragraph that is only a link still is.
TEST(PageTypes, LinkedSectionHeadingsAreKept) {
  std::string html = "<html><body><main><h1>WebSocket</h1><p>" + prose + "</p>"
                     "<h2><a href=\"#constructor\">Constructor</a></h2><p>" + prose + "</p>"
                     "<h2><a href=\"#events\">Instance events</a></h2><p>" + prose + "</p>"
                     "<p><a href=/subscribe>Subscribe to the newsletter</a></p></main></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_TRUE(contains(text, "Constructor")) << text;
  EXPECT_TRUE(contains(text, "Instance events")) << text;
  EXPECT_FALSE(contains(text, "Subscribe")) << text;
}

// A script's "Loading..." placeholder is UI text, not content; a sentence that mentions loading stays.
TEST(PageTypes, LoadingPlaceholderIsDropped) {
  std::string html = "<html><body><article><p>" + prose + "</p><p>Loading...</p><p>" + prose + "</p>"
                     "<p>Trucks were loading at the port all night.</p><div>Like Loading\xe2\x80\xa6</div>"
                     "</article></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_FALSE(contains(text, "Loading")) << text;
  EXPECT_TRUE(contains(text, "Trucks were loading")) << text;
}

// A section whose prose paragraphs sit beside a list of links is link-dense as a whole; the prose stays
// and the link list alone goes. (Few commas: a section with ten or more is kept as prose anyway.)
TEST(PageTypes, ProseBesideALinkListIsKept) {
  std::string links;
  for (int i = 0; i < 4; ++i) {
    links += "<li><a href=/t" + std::to_string(i) + ">Further reading on the bridge project, part " +
             std::to_string(i) + "</a></li>";
  }
  std::string body;
  for (int i = 0; i < 5; ++i) body += "<p>" + prose + "</p>";
  std::string html = "<html><body><article>" + body + "<div class=box><p>Residents asked for a second crossing "
                     "over the river and the council has now agreed to build it.</p><p>Work starts in spring. The "
                     "costs are shared with the region and the old ferry keeps running until the bridge opens.</p>"
                     "<p>A public meeting on the design is planned for the first week of March in the town hall.</p>"
                     "<ul>" + links + "</ul></div></article></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_TRUE(contains(text, "second crossing")) << text;
  EXPECT_TRUE(contains(text, "old ferry keeps running")) << text;
  EXPECT_FALSE(contains(text, "Further reading")) << text;
}

// A closing label whose section was dropped ("Related stories" above a link list) goes with it; a
// heading whose section stays, stays.
TEST(PageTypes, ClosingLabelOfADroppedSectionIsDropped) {
  std::string links;
  for (int i = 0; i < 5; ++i) links += "<li><a href=/s" + std::to_string(i) + ">Story " + std::to_string(i) + "</a></li>";
  std::string html = "<html><body><article><p>" + prose + "</p><h2>What happens next</h2><p>" + prose + "</p><p>" +
                     prose + "</p><h2>Related stories</h2><ul>" + links + "</ul></article></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_TRUE(contains(text, "What happens next")) << text;
  EXPECT_FALSE(contains(text, "Related stories")) << text;
  EXPECT_FALSE(contains(text, "Story 1")) << text;
}

// An address written out as a link (a URL, an e-mail) is information the text gives; a paragraph that is
// only a link elsewhere is not.
TEST(PageTypes, WrittenOutAddressIsText) {
  std::string html = "<html><body><article><p>" + prose + "</p><p>Sign the petition here:</p><p><a "
                     "href='http://www.openpetition.de'>http://www.openpetition.de</a></p><p>" + prose + "</p><p>"
                     "<a href='mailto:info@example.org'>info@example.org</a></p><p><a href=/more>Read the "
                     "whole series</a></p><p>" + prose + "</p></article></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_TRUE(contains(text, "http://www.openpetition.de")) << text;
  EXPECT_TRUE(contains(text, "info@example.org")) << text;
  EXPECT_FALSE(contains(text, "Read the whole series")) << text;
}

// An item that is all link in a list of written points is one of the points; a list of links is not.
TEST(PageTypes, LinkItemInAListOfPointsIsKept) {
  std::string html = "<html><body><article><p>" + prose + "</p><ul><li>Bring a valid passport and two photos.</li>"
                     "<li>Fill in the form before you arrive at the office.</li><li><a href=/fees>The fee table "
                     "for 2024</a></li></ul><p>" + prose + "</p><ul><li><a href=/a>Weather</a></li><li><a href=/b>"
                     "Sport results</a></li><li><a href=/c>Traffic news</a></li></ul></article></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_TRUE(contains(text, "The fee table for 2024")) << text;
  EXPECT_TRUE(contains(text, "Bring a valid passport")) << text;
  EXPECT_FALSE(contains(text, "Sport results")) << text;
}

// On a discussion thread the replies, in comment-named containers, are the content; the same markup on
// a page that is not a thread keeps them out of the text.
TEST(PageTypes, RepliesOfADiscussionThreadAreContent) {
  std::string posts = "<div class=post><p>What range do you get from your board on one charge, on hills?</p></div>"
                      "<div class=comments><div class=comment><p>About twenty kilometres on flat roads, and on "
                      "hills, maybe fifteen, depending on how heavy you are.</p></div><div class=comment><p>I get "
                      "twelve, but my battery is four years old, and it was never the best pack.</p></div></div>";
  std::string thread = "<html><head><script type='application/ld+json'>{\"@type\":\"DiscussionForumPosting\"}"
                       "</script></head><body><main>" + posts + "</main></body></html>";
  std::string article = "<html><body><main>" + posts + "</main></body></html>";
  Extractor ex;
  std::string text = ex.extract(thread).text();
  EXPECT_TRUE(contains(text, "What range")) << text;
  EXPECT_TRUE(contains(text, "About twenty kilometres")) << text;
  EXPECT_TRUE(contains(text, "I get twelve")) << text;
  EXPECT_FALSE(contains(ex.extract(article).text(), "I get twelve"));
}

// The lead walk climbs past a wrapper holding most of the page when an <article> still encloses it: the
// standfirst in the article's header is found two levels up.
TEST(PageTypes, StandfirstTwoLevelsUpInsideTheArticleIsKept) {
  std::string html = "<html><body><article><header><h1>Budget agreed after long debate</h1><p class=lead>The "
                     "council has agreed next year's budget. Schools get most of the new money.</p></header>"
                     "<div class=main><div class=body><p>" + prose + "</p><p>" + prose + "</p><p>" + prose +
                     "</p></div><div class=extra>Filed under: council</div></div></article></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_TRUE(contains(text, "The committee met")) << text;
  EXPECT_TRUE(contains(text, "Schools get most of the new money")) << text;
}

// Layout wrappers between the article and its body (grid row, column, inner box, each with a small
// line of its own, so the content root stays the body): the walk keeps climbing inside the <article> and
// finds the standfirst in its header four levels up.
TEST(PageTypes, StandfirstFourLevelsUpInsideTheArticleIsKept) {
  std::string html = "<html><body><div class=site><article><header><h1>Budget agreed after long debate</h1>"
                     "<p class=lead>The council has agreed next year's budget. Schools get most of the new "
                     "money.</p></header><div class=row><div class=column><div class=inner><div class=body><p>" +
                     prose + "</p><p>" + prose + "</p><p>" + prose + "</p></div><div>Filed under: council</div>"
                     "</div><div>12 comments</div></div><div>More from the council</div></div></article>"
                     "<footer>About us. Contact. Jobs.</footer></div></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_TRUE(contains(text, "The committee met")) << text;
  EXPECT_TRUE(contains(text, "Schools get most of the new money")) << text;
  EXPECT_FALSE(contains(text, "Contact")) << text;
}

// A discussion page with no thread signal whose only text is its comment-named replies (a link
// aggregator's story page): the strict readings leave the comments out and find nothing, the
// permissive reading keeps the comment section and its comments with it.
TEST(PageTypes, PermissiveReadingKeepsTheCommentsItChose) {
  std::string html = "<html><body><header>Active Recent Comments Search</header><div><ol class=stories>"
                     "<li class=story><a href=/s/1>Goals for the second half</a></li></ol><ol class=comments>";
  const char* replies[] = {"Very interested in the ergonomic reference counting, since I work with a lot of "
                           "async code, and clones are everywhere in it.",
                           "The list of goals is long, but most of them are small, and several are already "
                           "done, which is encouraging.",
                           "I would like to see the build times improve first, because that is where I lose "
                           "most of my day, by far."};
  for (const char* reply : replies) {
    html += std::string("<li class=comments_subtree><div class=comment><div class=comment_text><p>") + reply +
            "</p></div></div></li>";
  }
  html += "</ol></div></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  for (const char* reply : replies) EXPECT_TRUE(contains(text, std::string(reply).substr(0, 30))) << text;
  EXPECT_FALSE(contains(text, "Active Recent")) << text;
}

// A page written as sibling <article>s of one class (a recipe's intro, ingredients and steps; a thread's
// posts): none of them is the article that bounds the widening, so the content is all of them.
TEST(PageTypes, SiblingArticleSectionsAreOneContent) {
  std::string html =
      "<html><body><nav><a href=/>Home</a> <a href=/r>Recipes</a></nav><main><article class=box><h1>Mandarin "
      "cake</h1><p>A creamy cake with a crisp base, a pudding layer and mandarins, made in one afternoon, and "
      "loved by children and grown-ups alike.</p><p>The recipe comes from a family notebook, and it has been "
      "baked for birthdays, holidays and quiet Sundays.</p></article><article class=box><h2>Ingredients</h2>"
      "<table><tr><td>500 ml</td><td>Milk</td></tr><tr><td>2</td><td>Packets of pudding powder</td></tr><tr>"
      "<td>200 g</td><td>Butter</td></tr></table></article><article class=box><h2>Preparation</h2><p>First "
      "cook the pudding with milk, powder and sugar, then let it cool, covered with film, so that no skin "
      "forms on it.</p><p>Knead the base from flour, butter, sugar and egg, press it into the tin, and pull "
      "up a rim of three centimetres.</p></article></main><footer>Imprint. Privacy.</footer></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_TRUE(contains(text, "A creamy cake")) << text;
  EXPECT_TRUE(contains(text, "pudding powder")) << text;
  EXPECT_TRUE(contains(text, "First cook the pudding")) << text;
  EXPECT_FALSE(contains(text, "Imprint")) << text;
}

// A label heading over a link list that the cleaning drops ("More on this" above related stories) is
// dropped with it even when the text goes on after it; a heading whose section keeps its prose stays.
TEST(PageTypes, LabelOfADroppedLinkListIsDropped) {
  std::string html = "<html><body><article><h2>The vote</h2><p>" + prose + "</p><h2>More on this</h2><ul>"
                     "<li><a href=/a>Council budget: what changes</a></li><li><a href=/b>Schools get new "
                     "money</a></li><li><a href=/c>Roads plan delayed again</a></li></ul><p>" + prose +
                     "</p><p>" + prose + "</p></article></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_FALSE(contains(text, "More on this")) << text;
  EXPECT_FALSE(contains(text, "Roads plan delayed")) << text;
  EXPECT_TRUE(contains(text, "The vote")) << text;
  size_t paragraphs = 0;
  for (size_t at = text.find("The committee met"); at != std::string::npos; at = text.find("The committee met", at + 1)) {
    ++paragraphs;
  }
  EXPECT_EQ(paragraphs, 3u) << text;  // the text after the dropped list is kept
}

// In a thread, the author card beside each post (avatar, join date, post count) and the signature under
// it are furniture; the posts are the text.
TEST(PageTypes, ForumAuthorCardsAndSignaturesAreLeftOut) {
  std::string post;
  for (int i = 0; i < 3; ++i) {
    post += "<article class=message><section class=message-user><div class=message-avatar>T</div>"
            "<div class=message-userDetails><h4>tomas" + std::to_string(i) + "</h4><h5 class=userTitle>Member</h5>"
            "</div><div class=message-userExtras><dl><dt>Joined</dt><dd>Dec 23, 2009</dd><dt>Posts</dt><dd>412</dd>"
            "</dl></div></section><div class=message-body><p>" + prose + "</p></div><div class=signature>Sent "
            "from my phone, please excuse typos</div></article>";
  }
  std::string html = "<html><body><main>" + post + "</main></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_TRUE(contains(text, "The committee met")) << text;
  EXPECT_FALSE(contains(text, "Joined")) << text;
  EXPECT_FALSE(contains(text, "Member")) << text;
  EXPECT_FALSE(contains(text, "Sent from my phone")) << text;
}

// A share bar named after the post ("post-share") is furniture all the same.
TEST(PageTypes, ShareBarNamedAfterThePostIsDropped) {
  std::string html = "<html><body><article class=post><p>" + prose + "</p><p>" + prose + "</p>"
                     "<div class=post-share><span>Share this story with your friends and family</span></div>"
                     "</article></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_TRUE(contains(text, "The committee met")) << text;
  EXPECT_FALSE(contains(text, "Share this story")) << text;
}

// A page that renders its article twice (desktop and mobile copies) yields it once; repeated short
// paragraphs inside one copy stay, as the page has them.
TEST(PageTypes, SecondCopyOfTheContentIsDropped) {
  std::string copy = "<div class=copy><h2>Smart technology in plumbing</h2><p>Leak sensors, connected valves, and "
                     "water meters report to a phone, so a burst pipe is found in minutes rather than days.</p>"
                     "<p>Yes.</p><p>Yes.</p><h2>Green plumbing</h2><p>Low-flow fixtures, greywater reuse, and "
                     "heat-pump water heaters cut both bills and emissions, and codes now ask for them.</p></div>";
  std::string html = "<html><body><main>" + copy + copy + "</main></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  size_t first = text.find("Leak sensors");
  ASSERT_NE(first, std::string::npos) << text;
  EXPECT_EQ(text.find("Leak sensors", first + 1), std::string::npos) << text;
  EXPECT_NE(text.find("Yes.\nYes."), std::string::npos) << text;
}

// Soft hyphens (&shy;) are line-break hints inside words: a corpus wants the word whole.
TEST(PageTypes, SoftHyphensAndZeroWidthCharactersAreRemoved) {
  std::string html = "<html><body><article><p>Schon im Mit&shy;tel&shy;al&shy;ter war der St. Mag\xC2\xAD"
                     "da\xC2\xADle\xC2\xADner das Aus&shy;hän&shy;ge&shy;schild der Wein&#x200B;wirt&#x2060;schaft, "
                     "und die Winzer schlossen sich 1927 zu einer Schutzgemeinschaft zusammen.</p></article></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_TRUE(contains(text, "Mittelalter war der St. Magdalener das Aushängeschild der Weinwirtschaft")) << text;
}

// A paragraph of nothing but a zero-width joiner (&zwj; as a spacer) is not a blank line of the text; a
// joiner inside an emoji sequence stays.
TEST(PageTypes, ParagraphOfOnlyAZeroWidthJoinerIsDropped) {
  std::string html = "<html><body><article><p>" + prose + "</p><p>&zwj;</p><p>&#8205; &zwnj;</p><p>" + prose +
                     " Family: \xF0\x9F\x91\xA8&zwj;\xF0\x9F\x91\xA9</p></article></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_EQ(text.find("\n\xE2\x80\x8D"), std::string::npos) << text;
  EXPECT_EQ(text.find("\xE2\x80\x8C"), std::string::npos) << text;
  EXPECT_TRUE(contains(text, "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9")) << text;
  size_t lines = std::count(text.begin(), text.end(), '\n');
  EXPECT_EQ(lines, 2u) << text;  // the two paragraphs, a line each, nothing between them
}

// A byline (a short line naming the author above the text), a dateline and the comment section's label
// at the end are metadata, not text; a sentence of the body that names the author stays.
TEST(PageTypes, BylineIsMetadataNotText) {
  std::string html = "<html><head><meta name=author content='Dana Whitfield'></head><body><article>"
                     "<p>By Dana Whitfield | March 2, 2024</p><p>" + prose + "</p><p>" + prose +
                     " Dana Whitfield asked the mayor about the library, and he promised an answer by May.</p><p>" +
                     prose + "</p><p>Updated 24.06.2020</p></article></body></html>";
  Extractor ex;
  Result r = ex.extract(html);
  EXPECT_EQ(r.meta().author, "Dana Whitfield");
  EXPECT_FALSE(contains(r.text(), "By Dana Whitfield")) << r.text();
  EXPECT_TRUE(contains(r.text(), "Dana Whitfield asked the mayor")) << r.text();
  EXPECT_FALSE(contains(r.text(), "24.06.2020")) << r.text();  // a dateline, also metadata
  // The comment section's label at the end ("3 Kommentare", "Comments") goes; a sentence asking for
  // comment is the story's own.
  r = ex.extract("<html><body><article><p>" + prose + "</p><p>" + prose + "</p><p>The ministry did not respond "
                 "to a request for comment.</p><h3>3 Kommentare</h3></article></body></html>");
  EXPECT_TRUE(contains(r.text(), "request for comment")) << r.text();
  EXPECT_FALSE(contains(r.text(), "Kommentare")) << r.text();
  r = ex.extract("<html><body><article><p>" + prose + "</p><p>" + prose + "</p><h3>Comment postuler ?</h3><p>" +
                 "Envoyez votre dossier avant le 30 juin, avec une lettre et un CV.</p></article></body></html>");
  EXPECT_TRUE(contains(r.text(), "Comment postuler")) << r.text();  // French "how", not a comment label
  // Datelines stacked under the headline and a standfirst: the lower one is at the edge too.
  r = ex.extract("<html><body><article><h1>Forest fires and new epidemics</h1><p>" + prose +
                 "</p><p>Bats carry more than three thousand kinds of coronavirus, and most never reach us.</p>"
                 "<p>Published: 03.04.2020, 12:35</p><p>Updated: 11.04.2020, 10:27</p><p>" + prose + "</p><p>" +
                 prose + "</p><p>" + prose + "</p><p>" + prose + "</p></article></body></html>");
  EXPECT_FALSE(contains(r.text(), "03.04.2020")) << r.text();
  EXPECT_FALSE(contains(r.text(), "11.04.2020")) << r.text();
}

// og:type "website" (home, listing, product, service pages) makes the lenient reading win whenever it
// finds half as much text again; the same page declared an article keeps its strict reading.
TEST(PageTypes, DeclaredWebsiteIsReadLeniently) {
  auto page = [&](std::string_view og_type) {
    std::string html = "<html><head><meta property=og:type content=" + std::string(og_type) +
                       "></head><body><div class=content>";
    for (int i = 0; i < 7; ++i) html += "<p>" + prose + "</p>";
    html += "<div class=grid>";
    for (int i = 0; i < 14; ++i) {
      std::string n = std::to_string(i);
      html += "<div class=card><h3><a href=/s" + n + ">Headline number " + n + " about the vote on the budget</a>"
              "</h3><a href=/s" + n + ">A short teaser for story " + n + " that tells what the council did</a></div>";
    }
    return html + "</div></div></body></html>";
  };
  Extractor ex;
  std::string website = ex.extract(page("website")).text();
  EXPECT_TRUE(contains(website, "The committee met")) << website;
  EXPECT_TRUE(contains(website, "Headline number 9")) << website;
  std::string article = ex.extract(page("article")).text();
  EXPECT_TRUE(contains(article, "The committee met")) << article;
  EXPECT_FALSE(contains(article, "Headline number 9")) << article;
}

// Ruby annotations (furigana, pinyin) are readings printed over the text, not text: the base stays.
TEST(PageTypes, RubyAnnotationsAreLeftOut) {
  std::string html = "<html><body><article><p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの"
                     "<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくすための<ruby>法律<rt>ほうりつ</rt></ruby>ができて、"
                     "親が子どもを教育するために、たたいたり蹴ったりする体罰を禁止することになりました。</p></article>"
                     "</body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_TRUE(contains(text, "子どもへの虐待をなくすための法律ができて")) << text;
  EXPECT_FALSE(contains(text, "ぎゃくたい")) << text;
}

// A product grid (cards of one kind, titles as links, prices as text) away from the scored content
// is taken by the lenient reading when it holds most of the page's text. The cards' kind is their first
// class word without a digit: shops add per-item words ("product post-34954 instock").
TEST(PageTypes, CardGridIsTheContentOfAListing) {
  for (bool per_item_classes : {false, true}) {
    std::string html = "<html><body><article><p>Our bottles, cups, and flasks keep drinks cold for a day, and "
                       "every one, from the smallest to the largest, is tested, washed, and packed by hand, in our "
                       "workshop, in Leeds.</p></article><div class=results><ul class=grid>";
    for (int i = 0; i < 12; ++i) {
      std::string n = std::to_string(i);
      std::string cls = per_item_classes ? "'post-" + n + " product type-product " + (i % 2 ? "instock" : "sale") + "'"
                                         : std::string("product");
      html += "<li class=" + cls + "><a href=/p" + n + "><h3>Insulated bottle model " + n + "</h3></a><span>$" + n +
              "9.95</span><span>750 ml steel</span></li>";
    }
    html += "</ul></div><ul class=menu><li><a href=/a>About</a><li><a href=/b>Help</a></ul></body></html>";
    Extractor ex;
    std::string text = ex.extract(html).text();
    for (int i = 0; i < 12; ++i) EXPECT_TRUE(contains(text, "Insulated bottle model " + std::to_string(i))) << text;
    EXPECT_FALSE(contains(text, "About")) << text;
  }
}

// The page's description printed as a block outside the chosen content (a standfirst above the article,
// a video page's caption, a teaser beside a short report) leads the text, once, after the headline; a
// hidden copy does not, nor, on a long page, one in the footer (the blurb a site prints on every page).
TEST(PageTypes, SummaryLeadIsTheStandfirst) {
  const std::string summary =
      "New York is the epicentre of the pandemic in the country. Sport has come to a standstill as well.";
  enum Where { kTeaser, kHidden, kFooter };
  auto page = [&](int paragraphs, Where where) {
    std::string html = "<html><head><meta name=description content='" + summary +
                       "'></head><body><div class=wrap><main><article><h1>Sport at a standstill</h1>";
    for (int i = 0; i < paragraphs; ++i) html += "<p>" + prose + "</p>";
    html += "</article></main></div>";
    if (where == kFooter) return html + "<footer><p>" + summary + "</p></footer></body></html>";
    html += "<div class=sidebar><div class=details><p";
    html += where == kTeaser ? ">" : " style='display:none'>";
    return html + summary + "</p></div></div></body></html>";
  };
  auto occurrences = [](const std::string& text, const std::string& needle) {
    size_t n = 0;
    for (size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
    return n;
  };
  Extractor ex;
  for (int paragraphs : {2, 12}) {
    std::string text = ex.extract(page(paragraphs, kTeaser)).text();
    EXPECT_EQ(occurrences(text, summary), 1u) << text;
    EXPECT_LT(text.find(summary), text.find("The committee met")) << text;
    text = ex.extract(page(paragraphs, kHidden)).text();
    EXPECT_FALSE(contains(text, summary)) << text;
  }
  std::string text = ex.extract(page(12, kFooter)).text();
  EXPECT_TRUE(contains(text, "The committee met")) << text;
  EXPECT_FALSE(contains(text, summary)) << text;
  // After the headline, when the text begins with one.
  text = ex.extract("<html><head><title>Example News</title><meta name=description content='" + summary +
                    "'></head><body><article><h1>Sport at a standstill</h1><p>" + prose + "</p><p>" + prose +
                    "</p></article><div class=sidebar><p>" + summary + "</p></div></body></html>").text();
  EXPECT_EQ(text.find("Sport at a standstill\n" + summary + "\n"), 0u) << text;
  EXPECT_EQ(occurrences(text, summary), 1u) << text;
}

// Picture credits are not text: a credit label after punctuation, a copyright sign closing a caption or
// a picture agency in a line of a few words is dropped; a copyright notice opening its line, a © glued
// to a word, "photos:" inside a phrase and a sentence naming an agency stay.
TEST(PageTypes, PictureCreditsAreDropped) {
  std::string html =
      "<html><body><article><h1>Heavy snow in the valley</h1><p>" + prose + "</p>"
      "<figure><img src=a.jpg><figcaption>The pass at dawn. \xc2\xa9 AFP / Marco Bertorello</figcaption></figure>"
      "<p>Foto: Ingo Pertramer</p><p>" + prose + "</p><p>Roman Prymula, photo: Archives of the Government</p>"
      "<p>See more photos: the gallery</p><p>\xc2\xa9 2019 Associated Press. All Rights Reserved.</p>"
      "<p>Not a manifesto\xe2\x84\xa2\xc2\xa9, just a note.</p><p>GETTY IMAGES</p><p>Reuters/Corbis</p>"
      "<p>Reuters reported on Monday that the talks had failed.</p>"
      "<p>Photos: Anna Berg, Carl Dunst, Eva Falk, Gert Holm, Ida Jung, Karl Lenz, Mia Nord, Otto Prinz, Rita Stein, "
      "Tom Ulm, Vera Wolf, Xaver Zinn, Agnes Brand, Conrad Dorn, Emil Fuchs, Greta Hahn, Iris Jahn, Kurt Lang, "
      "Marta Neu, Oskar Pohl and the archive of the regional museum</p>"
      "</article></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_TRUE(contains(text, "The committee met")) << text;
  EXPECT_FALSE(contains(text, "Bertorello")) << text;
  EXPECT_FALSE(contains(text, "Pertramer")) << text;
  EXPECT_FALSE(contains(text, "Archives of the Government")) << text;
  EXPECT_FALSE(contains(text, "Xaver Zinn")) << text;  // a long list of credits (over 200 characters)
  EXPECT_TRUE(contains(text, "See more photos")) << text;
  EXPECT_TRUE(contains(text, "Associated Press")) << text;
  EXPECT_TRUE(contains(text, "Not a manifesto")) << text;
  EXPECT_FALSE(contains(text, "GETTY")) << text;  // a picture agency in a line of a few words
  EXPECT_FALSE(contains(text, "Corbis")) << text;
  EXPECT_TRUE(contains(text, "Reuters reported on Monday")) << text;
}

// A page header that never closed (a template included twice) holds the whole page, <main> included:
// a banner around the main content is not furniture. A header without <main> still goes.
TEST(PageTypes, UnclosedBannerAroundMainIsNotFurniture) {
  std::string html =
      "<html><body><header role=banner><div class=logo>Daily Example</div>"
      "<header role=banner><nav><a href=/>Home</a> <a href=/sports>Sports</a></nav></header>"
      "<main role=main><article><h1>Accordion player registers his name</h1><p>" + prose + "</p><p>" + prose +
      "</p></article></main><nav><a href=/about>About us</a></nav>"
      "<footer><p>Copyright 2022 Daily Example, all rights reserved.</p></footer></header></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_TRUE(contains(text, "The committee met")) << text;
  EXPECT_FALSE(contains(text, "Sports")) << text;
  EXPECT_FALSE(contains(text, "About us")) << text;
  EXPECT_FALSE(contains(text, "all rights reserved")) << text;
}

// `<noscript><div></noscript>`: with scripting off the end tag is ignored inside the <div>, so the
// noscript holds the rest of the page, menus and all. It is read as content; a short "enable JavaScript" notice is not.
TEST(PageTypes, UnclosedNoscriptHoldingThePageIsRead) {
  std::string menu = "<ul>";
  for (int i = 0; i < 40; ++i) menu += "<li><a href=/p" + std::to_string(i) + ">Section " + std::to_string(i) + " of the park</a></li>";
  menu += "</ul>";
  std::string html = "<html><body><noscript><div id=nojs></noscript><div id=page>" + menu +
                     "<div id=news><h1>Bears: a record year</h1><p>" + prose + "</p><p>" + prose + "</p><p>" + prose +
                     "</p></div></div></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_TRUE(contains(text, "The committee met")) << text;
  EXPECT_FALSE(contains(text, "Section 3")) << text;
  text = ex.extract("<html><body><noscript>You need to enable JavaScript to run this app.</noscript>"
                    "<div id=root></div></body></html>").text();
  EXPECT_FALSE(contains(text, "enable JavaScript")) << text;
}

// A script-rendered page states its text only in JSON-LD: the articleBody (plain text, one paragraph a
// line) or a HowTo's description and steps (HTML) replace an HTML shell that gave under 300 characters,
// with a warning. A page whose HTML holds its story keeps it.
TEST(PageTypes, ScriptRenderedPageReadsItsJsonLdBody) {
  std::string body = prose + " " + prose + "\\n" + "Lawmakers said the plan was late, costly, and almost insulting to voters." +
                     "\\n" + prose;
  auto page = [&](const std::string& visible) {
    return "<html><head><script type=application/ld+json>{\"@type\":\"NewsArticle\",\"headline\":\"Plan\","
           "\"articleBody\":\"" + body + "\"}</script></head><body><div id=root>" + visible +
           "</div></body></html>";
  };
  Extractor ex;
  Result r = ex.extract(page("<p>Loading the story for you, please wait a moment.</p>"));
  std::string text = r.text();
  EXPECT_TRUE(contains(text, "almost insulting to voters.\nThe committee met")) << text;
  EXPECT_FALSE(contains(text, "Loading the story")) << text;
  bool warned = std::any_of(r.status.warnings.begin(), r.status.warnings.end(),
                            [](const std::string& w) { return contains(w, "JSON-LD"); });
  EXPECT_TRUE(warned);
  text = ex.extract(page("<article><p>" + prose + "</p><p>A different story, told at length, in the page.</p><p>" +
                         prose + "</p></article>")).text();
  EXPECT_TRUE(contains(text, "A different story")) << text;
  EXPECT_FALSE(contains(text, "almost insulting")) << text;

  std::string howto =
      "<html><head><script type=application/ld+json>{\"@type\":\"HowTo\",\"name\":\"Round tablecloth\","
      "\"description\":\"<p>A round table deserves a cloth of its own.</p>\",\"step\":["
      "{\"@type\":\"HowToStep\",\"itemListElement\":{\"@type\":\"HowToDirection\",\"text\":\"<p>Measure the "
      "diameter of the table top, from edge to edge through the middle, and add the drop on both sides.</p>\"}},"
      "{\"@type\":\"HowToStep\",\"text\":\"<p>" + prose + "</p><p>Cut the cloth into a square a little larger "
      "than the diameter plus both drops, fold it in quarters, and mark the arc with a pin and a string.</p>\"},"
      "{\"@type\":\"HowToStep\",\"text\":\"<p>Sew the seams on the wrong side, press them open with a hot "
      "iron, and try the cloth on the table before you cut the final curve.</p>\"},"
      "{\"@type\":\"HowToStep\",\"text\":\"<p>Hem the edge with lace, fringe, or a simple double fold, "
      "and iron it flat.</p>\"}]}</script></head><body><p>Your browser is out of date.</p></body></html>";
  text = ex.extract(howto).text();
  EXPECT_TRUE(contains(text, "A round table deserves")) << text;
  EXPECT_TRUE(contains(text, "Measure the diameter")) << text;
  EXPECT_TRUE(contains(text, "Hem the edge")) << text;
  EXPECT_LT(text.find("Measure the diameter"), text.find("Hem the edge")) << text;
}

// An advertisement spelled with Cyrillic homoglyphs inside Latin words is dropped; Russian text quoting
// Latin names word by word, and a code table mixing scripts with digits, stay.
TEST(PageTypes, HomoglyphDisguisedTextIsDropped) {
  std::string html =
      "<html><body><article><h1>Vaccines for the region</h1><p>" + prose + "</p><p>" + prose + "</p>"
      "<p>\xd0\x90\x64\x76\xd0\xb5\x72\x74\xd1\x96\xd1\x95\xd0\xb5 \x77\xd1\x96\x74\x68 \x74\x68\xd0\xb5 most visited "
      "news site ~ \xd0\x92\xd0\xb5 \xd0\xbe\x66\x66\xd0\xb5\x72 full coverage</p>"
      "<p>\xd0\x92 \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb5 Apple \xd0\xb8 Google \xd0\xbe\xd1\x82\xd0\xba"
      "\xd1\x80\xd1\x8b\xd0\xbb\xd0\xb8 \xd0\xbe\xd1\x84\xd0\xb8\xd1\x81\xd1\x8b.</p>"
      "<p>'\xce\x88'U+0388 0xCE88, '\xce\x89'U+0389 0xCE89, '\xce\x8a'U+038A 0xCE8A</p></article></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_TRUE(contains(text, "The committee met")) << text;
  EXPECT_FALSE(contains(text, "most visited")) << text;
  EXPECT_TRUE(contains(text, "Apple")) << text;
  EXPECT_TRUE(contains(text, "U+0389")) << text;
}

// An article cut into sections named for the ads between them ("Report__Section--Ads"): each section
// alone is a small share of the page, together they are the article, and they are read as such; an
// ad box of the same name word but another class stays out.
TEST(PageTypes, SectionsNamedForTheirAdsAreTheArticle) {
  std::string html = "<html><body><nav><a href=/>Home</a> <a href=/tests>Tests</a></nav>"
                     "<article class=Report><header><h1>The grill on test</h1></header>";
  for (int i = 0; i < 6; ++i) {
    html += "<section class='Report__Section Report__Section--Ads'><h2>Part " + std::to_string(i) + "</h2><p>" +
            prose + "</p><p>Step " + std::to_string(i) + " of the test went well, and the steak, seared hot, "
            "came out evenly done.</p></section>";
  }
  html += "<div class=ad-slot><p>Buy the grill now, special offer, free delivery!</p></div></article>"
          "<footer>Imprint</footer></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  for (int i = 0; i < 6; ++i) EXPECT_TRUE(contains(text, "Step " + std::to_string(i) + " of the test")) << text;
  EXPECT_FALSE(contains(text, "special offer")) << text;
  EXPECT_FALSE(contains(text, "Imprint")) << text;
}

// An advertisement's label standing alone is dropped in any language and dress ("- Anzeige -",
// "ADVERTISEMENT", "广告"); a sentence about advertising stays.
TEST(PageTypes, StandaloneAdLabelsAreDropped) {
  std::string html = "<html><body><article><h1>The new library</h1><p>" + prose + "</p><p>- Anzeige -</p>"
                     "<p>ADVERTISEMENT</p><p>" + prose + "</p><div>\xe2\x80\x93 Werbung \xe2\x80\x93</div><p>"
                     "\xe5\xb9\xbf\xe5\x91\x8a</p><p>Sponsored</p><p>Advertisement for the library was posted in "
                     "March, and the council paid for it.</p><p>" + prose + "</p></article></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_TRUE(contains(text, "The committee met")) << text;
  EXPECT_FALSE(contains(text, "Anzeige")) << text;
  EXPECT_FALSE(contains(text, "ADVERTISEMENT")) << text;
  EXPECT_FALSE(contains(text, "Werbung")) << text;
  EXPECT_FALSE(contains(text, "\xe5\xb9\xbf\xe5\x91\x8a")) << text;
  EXPECT_FALSE(contains(text, "Sponsored")) << text;
  EXPECT_TRUE(contains(text, "Advertisement for the library")) << text;
}

// A tag manager's `<noscript><iframe ... /></noscript>`: the slash does not close an <iframe>, so with
// scripting off its raw text would swallow the page. The iframe is closed (with a warning) and the page
// read; a closed iframe is left as it is.
TEST(PageTypes, SelfClosedIframeInNoscriptDoesNotSwallowThePage) {
  auto page = [&](const std::string& snippet) {
    return "<html><body>" + snippet + "<main><h1>Deploy in minutes</h1><p>" + prose + "</p><p>" + prose +
           "</p></main></body></html>";
  };
  Extractor ex;
  Result r = ex.extract(page("<noscript><iframe src='https://tags.example/ns.html' height=0 width=0 "
                             "style='display:none' /></noscript>"));
  EXPECT_TRUE(contains(r.text(), "The committee met")) << r.text();
  bool warned = std::any_of(r.status.warnings.begin(), r.status.warnings.end(),
                            [](const std::string& w) { return contains(w, "<iframe>"); });
  EXPECT_TRUE(warned);
  r = ex.extract(page("<noscript><iframe src='https://tags.example/ns.html'></iframe></noscript>"));
  EXPECT_TRUE(contains(r.text(), "The committee met")) << r.text();
  EXPECT_TRUE(r.status.warnings.empty());
}

// Formulas are text: MathML reads as its TeX source when alttext gives one ("{\displaystyle ...}"
// unwrapped), else as its identifiers, numbers and operators, without the TeX annotation repeated; a
// formula image (a class word naming math or TeX) reads as its alt text.
TEST(PageTypes, FormulasAreText) {
  std::string html =
      "<html><body><article><p>" + prose + "</p><p>Given a set of <math alttext='{\\displaystyle N}'><mi>N</mi>"
      "</math> objects, the similarity is computed first, and then the map is drawn.</p><p>When "
      "<math><mi>a</mi><mo>&#8800;</mo><mn>0</mn><annotation encoding='application/x-tex'>a \\neq 0</annotation>"
      "</math>, there are two solutions, and both are real.</p><p>The energy is <img class='latex' alt='E = mc^2' "
      "src=e.png> in every frame, and <img alt='a photo of the lab' src=lab.jpg> shows the lab.</p></article>"
      "</body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_TRUE(contains(text, "Given a set of N objects")) << text;
  EXPECT_TRUE(contains(text, "a\xe2\x89\xa0" "0")) << text;
  EXPECT_FALSE(contains(text, "\\neq")) << text;
  EXPECT_TRUE(contains(text, "The energy is E = mc^2 in every frame")) << text;
  EXPECT_FALSE(contains(text, "a photo of the lab")) << text;
}

// A slideshow embedded in an article ("full-gallery": numbered slides of other stories) is furniture;
// a page that is a gallery (it holds the page's text) keeps it.
TEST(PageTypes, EmbeddedGalleryIsFurniture) {
  auto slides = [](int n) {
    std::string html = "<div class=full-gallery><ul class=legends>";
    for (int i = 1; i <= n; ++i) {
      html += "<li><h2>" + std::to_string(i) + "/" + std::to_string(n) + " Market story number " +
              std::to_string(i) + "</h2><p>Shares in the company fell, analysts said, after a weak quarter.</p></li>";
    }
    return html + "</ul></div>";
  };
  Extractor ex;
  std::string text = ex.extract("<html><body><article><h1>Hotel secrets</h1><p>" + prose + "</p>" + slides(5) +
                                "<p>" + prose + "</p><p>" + prose + "</p><p>" + prose + "</p></article></body></html>")
                         .text();
  EXPECT_TRUE(contains(text, "The committee met")) << text;
  EXPECT_FALSE(contains(text, "Market story number 2")) << text;
  text = ex.extract("<html><body><main><h1>The year in pictures</h1>" + slides(12) + "</main></body></html>").text();
  EXPECT_TRUE(contains(text, "Market story number 7")) << text;
}

// A page control's label left as text ("Read more", "Bild anzeigen Bild schließen", "Lire la suite") is
// dropped; a caption word alone ("Photo"), a label introducing what follows ("See more photos:") and a
// heading with another word ("Open Data") stay.
TEST(PageTypes, ControlLabelsAreDropped) {
  std::string html = "<html><body><article><p>" + prose + "</p><p>Read more</p><p>Bild anzeigen Bild "
                     "schlie\xc3\x9f" "en</p><p>" + prose + "</p><p>Lire la suite</p><p>Photo</p><p>See more photos:</p>"
                     "<h2>Open Data</h2><p>" + prose + "</p></article></body></html>";
  Extractor ex;
  std::string text = ex.extract(html).text();
  EXPECT_TRUE(contains(text, "The committee met")) << text;
  EXPECT_FALSE(contains(text, "Read more")) << text;
  EXPECT_FALSE(contains(text, "Bild anzeigen")) << text;
  EXPECT_FALSE(contains(text, "Lire la suite")) << text;
  EXPECT_TRUE(contains(text, "Photo\n")) << text;
  EXPECT_TRUE(contains(text, "See more photos:")) << text;
  EXPECT_TRUE(contains(text, "Open Data")) << text;
}
