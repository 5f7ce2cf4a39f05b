"""The line labels of ANNOTATION.md section 2, the tables' columns, and every rule name with its meaning."""

from __future__ import annotations

import pandas as pd

LABELS: tuple[str, ...] = (
    "headline",
    "content",
    "dateline",
    "credit",
    "nav",
    "related",
    "appended_article",
    "tags",
    "embed",
    "caption",
    "comment_form",
    "login_wall",
    "duplicate",
    "blank",
)


KEPT_LABELS: frozenset[str] = frozenset({"headline", "content"})


LINE_COLUMNS: tuple[str, ...] = ("doc_id", "line", "label", "rule", "text")


ARTICLE_COLUMNS: tuple[str, ...] = ("doc_id", "headline", "dateline", "credits", "text", "n_lines_kept")


#: Every rule name that can appear in the ``rule`` column, with what it means.
#: ``N`` in a name stands for a line number; ``x.xx`` for a measured overlap.
RULES: dict[str, str] = {
    "shape:blank": "blank: the line is empty or whitespace (or only invisible marks)",
    "shape:separator": "nav: the line has no letters or digits (-----, ×××, ***, a lone tatweel ـ)",
    "shape:stamp": "nav: a publication stamp or clock time: numbers and date words only (date_words.txt)",
    "shape:published_stamp": "nav: a 'published / updated' stamp: pieces set off by bars, dots or dashes, "
    "each numbers, date words and words of publishing (نشر، آخر تحديث، Publié le، updated, 18h40, a time "
    "zone) or a reading time, with a published word, a clock time or a reading time among them",
    "shape:published_in": "nav: an aggregator's note of where and when the story first appeared: 'نشر في "
    "<paper> يوم <date>' on a line of at most twelve words",
    "shape:reading_time": "nav: a reading-time widget only (قراءة في 4 دقائق، 3 min read، Temps de lecture)",
    "shape:posted_by": "credit: a platform's author line: a posting verb, 'by' (بواسطة، by، par), a name of "
    "one to five words, and at most a stamp after في/on/at",
    "shape:short_link": "nav: the page's short link (رابط مختصر: <url>)",
    "shape:login_prompt": "login_wall: a log-in or subscription prompt: a lock symbol and a log-in or "
    "subscription word, or a line opened by a log-in imperative (سجّل دخولك، sign in), no final stop",
    "shape:disclaimer": "nav: the site's note or disclaimer (تنويه:، إخلاء مسؤولية:، Disclaimer:)",
    "shape:about_writer": "credit: the note on the writer opened by 'about the writer' (عن الكاتب:، About "
    "the author:)",
    "shape:comment_form_opener": "comment_form: a short line opened by a comment box's call (أضف/اترك "
    "تعليقاً، اترك رأيك، Réagissez) or saying comments are closed",
    "shape:more_from_header": "related: 'more from <section>' (المزيد من <one to three words>) on a line of "
    "its own: the header of a box of links, which opens a related block",
    "shape:readings_bar": "nav: a ticker of readings anywhere on the page: items set off by bars or dots "
    "holding at least two rise or fall signs (▲ ▼), none ending as a sentence",
    "shape:bracketed_dateline": "dateline: a dateline crediting the outlet in brackets on its own line, "
    "ending with a dash: '<city>[، <date>] (<outlet>) —', at most eight words",
    "context:comment_thread": "comment_form: a comment under the story: a header (a name of at most four "
    "words with a date and a clock time, or a name and a verb of saying closed by dots or a colon) and "
    "up to three short lines under it, on a page with two headers or a comment box; or '<name>: <text>' "
    "right under a comment count, box or comment",
    # Furniture shapes of unseen outlets (newsstudy/clean/furniture_shapes.py, clean33).
    "shape:comments_header": "comment_form: after the article's first body line, a count before the page's "
    "own headline in quotes ('<n or a zero word> <word> to \"<headline>\"', count_word in "
    "furniture_words.txt), or a piece '<n> <comment noun>' (comment_noun)",
    "shape:comment_opener": "comment_form: after the article's first body line, '<name of one to four "
    "words> <one word>: <date and time>' or '<name> · <relative time> — <text>', on a page with two such "
    "lines, a comments header or a comment box",
    "shape:comment_text": "comment_form: up to three short lines (at most 25 words) under a comment opener, "
    "to the next opener, blank or decided line",
    "shape:comment_form_fields": "comment_form: up to two short lines (at most 12 words, no final stop) "
    "right under a comment-box lexicon line that only the line model had read: the form's fields and button",
    "shape:tag_line": "tags: after the article's first body line, '<one or two words>: <item> · <item> …' "
    "with two or more items of at most four words, none a sentence, a number or a colon",
    "shape:place_and_own_name": "dateline: '<place> – <name>' right over the article's first body line, "
    "the name printed again in the page's nav, credit or caption lines (the page's own name)",
    "shape:title_over_byline": "headline: on a page with no headline, the headline-like line over a stack "
    "of credit, caption, nav, dateline or embed lines (a credit or caption among them) that leads into "
    "a line of body text",
    "shape:story_list_header": "related: a short line (at most five words) outside the article's main run "
    "(before it, or after it with furniture between), over a run of bullets, questions or headline-like "
    "lines closed by a blank or furniture: a list of other stories",
    "shape:story_list_item": "related: an item of that list (a bullet, a question, a headline-like line)",
    "shape:story_list_text": "appended_article: a bulleted item of that list that is a whole sentence of "
    "more than 12 words: another story's text",
    "shape:advert_marker": "nav: a line whose first piece is an advertisement marker (advert in "
    "furniture_words.txt)",
    "shape:advert_text": "nav: the short line (at most 20 words, no final stop) right under an "
    "advertisement marker that stands alone: the ad",
    "shape:contact_promo": "nav: a line opened by an emoji with a phone number or an SMS short code in it "
    "(at most 25 words): a promo of the outlet's phone line",
    "lexicon:mailer": "nav: outside the article's main run, a newsletter's own furniture (newsletter in "
    "furniture_words.txt: view in browser, forward, unsubscribe, why you got it, sponsor)",
    "lexicon:mailer_greeting": "nav: before the article's main run, a line opened by a mailer's greeting "
    "(greeting in furniture_words.txt)",
    "shape:box_header": "nav: a short line (at most four words, no digit) inside the page over two list "
    "items: dated items (a timeline), or bullets under a label printed in two pieces",
    "shape:table_header": "nav: the first line of a block taken for a headline list whose other lines hold "
    "at least two figures each (a table)",
    "shape:table_row": "content: a row of figures of that table (the story's own data)",
    "shape:previous_next_posts": "related: '« <previous post> | <next post> »' under the story",
    "shape:menu_item_kicker": "nav: a short line over the headline whose first piece repeats an item of the "
    "page's menu bar (the section the story is filed in)",
    "shape:byline_by_photo": "credit: a line the photo-credit rule took for a caption that reads '<one "
    "word>: <a name>' (at most seven words): the byline",
    "shape:emoji_promo": "nav: a line of three words or more opened by an emoji shown as a picture, no "
    "number right after it and no sentence end (a radio, app, weather or live-page promo)",
    "shape:numbered_reply": "comment_form: '#<n> · <name> · <date or time>' (n >= 2) under the thread's "
    "first post: a forum reply's header (the short lines under it are shape:comment_text)",
    "shape:link_references": "nav: after the article, a text browser's list of the page's links (one "
    "numbered URL a line, '12. http://…') and the one-word header over it with no Arabic letter "
    "('References', lynx -dump)",
    "shape:link_row": "nav: above the article, a text browser's row of three or more numbered links of a "
    "word or two each ('[3]<item> [4]<item> [5]<item>'), or the page's first link on its first line "
    "('[1]<a few words>': a skip link, the logo)",
    "shape:segmented_chrome": "nav: outside the article's main run, two or more pieces set off by middle "
    "dots or bars, none a sentence or longer than eight words (a site's name and motto, a section and "
    "its date, a forum's counters, a footer's links)",
    "shape:title_under_chrome": "headline: when the first line was a site's name and motto set off by "
    "dots (taken for the headline), the headline-like line right over the article's first body line",
    "structure:section_number": "content: numbers alone on their lines counting 1, 2, 3 ... down the "
    "document, each over a line of text: the story's own section or item numbers (not stamps)",
    "shape:section_and_date": "nav: right over the headline, '<section or place> - <date>' (one piece "
    "of at most three words, the other figures and date words only): the page's kicker and date",
    "shape:login_request": "login_wall: a line of at most 20 words opened by a request word (please, you "
    "must) that asks the reader to log in, whatever for",
    "shape:login_form_bar": "login_wall: a bar of the page (shape:top_bar) made only of login_wall.txt "
    "phrases, field blanks and buttons (a forum's login form), up to 25 words",
    "shape:address_over_title": "nav: over the article, a line with a web address and two words or more "
    "beside it that a rule took for another story's headline",
    "shape:dates_over_title": "nav: over the article, a line of date words and numbers only (a month "
    "bar, a span of dates) that a rule took for a dateline or a listed headline",
    "context:beside_photo_credit": "caption: a short content line with no final stop right over or under "
    "a photo credit (Foto:، تصوير:، a camera symbol): what the photo shows",
    "context:caption_with_site_credit": "caption: a short content line with no final stop, not the "
    "headline, closed by two or three words in brackets that the page prints again in its furniture "
    "(a nav, credit or dateline line: the site's name): a photo credited to the site",
    "context:dated_byline": "credit: in the byline's place, a line with a whole calendar date (day, month, "
    "year) and a writer (a given name, or by/par/بقلم before a name), no final stop or reporting "
    "verb and few function words: the byline with its date",
    "context:photo_credit_caption": "caption: a short content line that reads as no sentence, closed by a "
    "photo credit in brackets with a slash ('(<site>/ <photographer>)'), right under the headline or near "
    "a body paragraph at least twice its length",
    "context:writer_box": "credit: the writer's box at the story's foot: a name-shaped line right over a "
    "short line opened by a newsroom post (محرر، مراسل، صحفي: no final stop, number, comma or reporting "
    "verb), under body text and with no content line right after it",
    "context:co_authors": "credit: two writers joined by و in the byline's place: a given name first and "
    "after the و, no function word, number, comma or final stop, a place after a dash at most",
    "shape:call_to_action": "nav: a box's call to action: a line of at most form_max_words words closed by "
    "a link arrow (← →) or a button of one or two words in square brackets ([ اشترك ])",
    "shape:bilingual_byline": "credit: a byline in two languages set off by a bar: two items of at most "
    "four words, one opened by a byline's word (By, par, بقلم، كتب), none ending as a sentence",
    "shape:share_bar": "nav: share links run together (at least two 'share on' / 'شارك عبر' in the line)",
    "shape:widget": "nav: a page widget: at most three tokens of one or two characters, no Arabic (A+ A-)",
    "shape:first_line_headline": "headline: first non-chrome line, short, not ending like a sentence, "
    "followed by body text",
    "shape:kicker": "nav: a first line of at most two words right above a longer headline-like line of at "
    "least three words (the paper's name or a section printed over the headline)",
    "structure:headline_over_stamp": "headline: on a page where no headline was found, the headline-like "
    "line (at least injected_min_words words) set right over the publication stamp or the byline above "
    "the first line of body text, and the headline-like lines right over it with no blank between",
    "structure:lead_photo_caption": "caption: between the headline block (the headline, then its stamp "
    "or byline) and the story's first line, a line of injected_min_words to headline_max_words words set off "
    "by blank lines, not ending as a sentence, right over the story, a stamp or marker aside (what the lead "
    "photo shows); or, with no blank under it, right over the story's first line, when it says where (a "
    "preposition of place) or when (it closes on a word of date_words.txt, with or without the article, or "
    "أمس) and holds no comma, colon, dash, quotation, reporting verb or bracketed source; with no stamp or "
    "byline under the headline, a line set off by blanks there that says where or when",
    "structure:headline_continues": "headline: a headline-like line right under the headline (no blank "
    "between) when the story opens after it (a dateline, a byline, a body line opened by a dateline) or it "
    "ends with a dash",
    "structure:headline_with_colon": 'headline: a first line ending with a colon ("<who> to <paper>:") '
    "over a headline-like line that continues it, the story opening after them",
    "title:matches_title": "headline: the first line repeats the title column and reads as a headline",
    "title:matches_title_below_chrome": "headline: among the first text lines, the line repeating the title "
    "column (Jaccard of stems, or every title stem in a line a few stems longer), under short "
    "unpunctuated lines only",
    "title:above_title": "nav: a short unpunctuated line printed over the line repeating the title "
    "(a site name, section or breadcrumb the lexicons do not know)",
    "lexicon:related_header": "related: a read-also/related header alone on its line (opens a related block)",
    "lexicon:related_inline": "related: a related header followed by a headline on the same line",
    "lexicon:nav": "nav: the line is made only of navigation phrases (nav.txt)",
    "lexicon:nav_menu": "nav: a menu or share bar: three or more items set off by bars or bullets, at least "
    "two and half of them navigation phrases (nav.txt) or short Latin marks (X, FR); or 'breaking'/'latest' "
    "set off by a bar before a headline (a ticker: 'عاجل | <headline>')",
    "shape:top_bar": "nav: above the page's first line of body text (25 words, or 6 ending with a full "
    "stop), a bar of items set off by one repeated separator (| • · :: ◄ › > or a spaced dash), whatever "
    "its words: three or more items of at most eight words (a menu, a ticker; five or more of at most three "
    "words when the separator is a dash, which also sets off a dateline's places, agencies and writer; none "
    "ending as a sentence), two short items set off by an arrow (a breadcrumb), or items holding two or "
    "more readings (degrees, clock times, percentages, ▲▼: a weather, price or prayer-time bar), or a "
    "bilingual masthead (<name> | <Latin name>); not items that are all '<role>: <name>' (a credit line)",
    "shape:between_bars": "nav: above the page's first line of body text, a line of at most five words "
    "set between two bars (shape:top_bar, lexicon:nav_menu, shape:breadcrumb: the site's name between its "
    "menus), or the page's first text line over two bars (a skip link over the menus)",
    "shape:player_control": "nav: an audio/video player or reading-time control: a line of at most 12 "
    "words holding a listen, speaker or timer symbol (🎧 🔊 ⏱), or a play arrow with its running time in "
    "brackets ('▶ <watch the report> (03:42)'), whatever its words; or opened by a video symbol "
    "(🎥 🎬 📹 📺, a video box's label), or a pin and one word (a pinned marker)",
    "lexicon:browse_more": "nav: a 'browse more' link of at most six words: (تصفح، شاهد، عرض ...) المزيد "
    "(من <section>)",
    "shape:comment_count": "comment_form: a comment counter, a number and 'comments'/'replies' only "
    "('12 تعليق', 'عدد الردود 0')",
    "shape:related_header": "related: a related-links header by its grammar alone on its line: a plural "
    "noun of what is listed (أخبار، مقالات، مواضيع، موضوعات، قصص، روابط ...) then ذات صلة / ذات علاقة / "
    "مشابهة / متعلقة / مرتبطة or قد تهمك / يهمك / تعجبك (opens a related block)",
    "shape:issue_line": "nav: a print paper's issue line: parts set off by dashes or bars, one an issue "
    "number (العدد N), the others dates but for the paper's name",
    "shape:post_views": "embed: the view line under a channel post: a count marked by an eye emoji, a K/M "
    "unit or 'views', a dot or bar, a clock time or date (the line above it is the post's text)",
    "shape:slash_credit": "caption: '<what the photo shows>/ <credit>': four to twelve words, the slash "
    "glued to the fourth or a later word, one to three words after it (not a title's slash)",
    "shape:view_count": "nav: a view or read counter: (عدد) المشاهدات / القراءات / الزيارات and a "
    "number only",
    "shape:breadcrumb": "nav: a breadcrumb: three or more items of at most three words joined by '>' or '»'",
    "shape:follow_prompt": "nav: a follow prompt of at most eight words: an imperative of following, "
    "joining or subscribing (تابعوا، انضموا، اشتركوا ...) and a social or messaging platform named",
    "lexicon:boilerplate": "nav: a site disclaimer or app-download sentence (boilerplate.txt)",
    "lexicon:comment_form": "comment_form: comment-box text (comment_form.txt)",
    "lexicon:login_wall": "login_wall: the line is made only of login/registration phrases (login_wall.txt)",
    "structure:comment_form_button": "comment_form: a one- or two-word navigation phrase (إرسال) right "
    "under comment-form lines: the form's button",
    "structure:login_wall_joiner": "login_wall: 'أو'/'or' alone between login-wall lines",
    "lexicon:tags": "tags: a tag header such as 'كلمات دلالية:' (tags_headers.txt)",
    "pattern:credit": "credit: a credit/byline/copyright line (credit_patterns.txt)",
    "pattern:caption": "caption: a photo caption or photo credit (caption_patterns.txt)",
    "pattern:tweet_signature": "embed: '— Name (@handle) Month D, YYYY' under an embedded tweet",
    "pattern:embed_link": "embed: a link only embedded posts carry (t.co, pic.twitter.com, Instagram)",
    "pattern:dateline": "dateline: the line is only a dateline (dateline_patterns.txt)",
    "structure:trailing_teaser(overlap=x.xx)": "related: one of at least two lede sentences of other "
    "stories ending the document (no connective, long, sharing almost nothing with the lead; one of them "
    "names a weekday early, as news ledes do)",
    "structure:tweet_text_before_signature": "embed: the line just above a tweet signature (the tweet text)",
    "structure:appended_dateline(overlap=x.xx)": "appended_article: after a related block, a body line that "
    "opens with a dateline of its own (a place, then dates, agency words or a bracketed credit, then a dash) "
    "begins another story, whatever words it shares with the lead",
    "structure:stamp_of_listed_headline": "related: in a block of related links, a date or time stamp "
    "(shape:stamp) right under a listed headline: the item's own stamp",
    "structure:after_related_header": "related: a short headline-like or bulleted line in a related block",
    "structure:appended_article(overlap=x.xx)": "appended_article: long body text after a related header "
    "containing none of the lead article's key terms (first line of the run; overlap = share of key terms)",
    "structure:in_appended_article": "appended_article: a later line of an appended article",
    "structure:story_after_story": "appended_article: a line of a later story on a page that prints several "
    "stories one after another, from the first short headline over a filing line whose source recurs on the "
    "page after the lead's body has opened",
    "structure:repeated_dateline": "dateline: a later story's filing line (<place> : <source>) whose source "
    "files more than one story on the page",
    "context:place_and_byline_verb": "credit: in the byline's place, a known place, a dash, then a byline "
    "word and a name (<city> - <byline word>: <name>)",
    "structure:head_block": "headline: under the headline (the title column's line), headline-like lines "
    "set with it (no blank between, none ending as a sentence, none a name or a dateline) that end at a "
    "blank line over body text: the headline's deck or second lines",
    "structure:column_name": "nav: on a page that opens with a column's name over its writer's byline, "
    "after body text, a short line over another writer's name and a short title: the next column's name",
    "structure:column_writer": "credit: that next column's writer (two to four words, no number, "
    "punctuation or reporting verb, at most one function word)",
    "structure:column_after_column": "appended_article: a line of a later column on a page that prints "
    "several columns one after another, each opened as the page is (column name, writer, title)",
    "structure:place_and_writer_in_appended": "credit: a <place> / <writer> line on a multi-story page "
    "(its writer files no other story there): a byline of the lead or of a later story",
    "structure:body_resumes(overlap=x.xx)": "content: body text after a related block that contains "
    "key terms of the lead article",
    "structure:injected_headline(overlap=x.xx)": "related: a short headline-like line between body "
    "paragraphs sharing little vocabulary with its neighbours",
    "structure:among_short_lines(overlap=x.xx)": "content: a short headline-like line between body "
    "paragraphs sharing little vocabulary with its neighbours, but with short lines (body_min_words or "
    "fewer) right before and after it, one of them a sentence, or in a block of at least five short lines "
    "(a verse, a list of events): one of them, not an injected link",
    "structure:subhead(overlap=x.xx)": "content: a short headline-like line between body paragraphs "
    "that shares vocabulary with its neighbours (a subheading of the story)",
    "structure:introduced_by_colon": "content: a short line between body paragraphs after a line ending "
    "with a colon (a quote, a verse, list items)",
    "structure:list_item": "content: a short line between body paragraphs in a list: a run of same-shaped "
    "lines separated by dashes, or numbered next to the line numbered one less or one more (notes)",
    "structure:box_header(rows=N)": "nav: a short line (at most box_header_max_words words, no figure, "
    "no final stop or colon) right under a paragraph and over a box of N rows (numbered points, or short "
    "lines the first of which holds a figure) that a paragraph follows: the box's label ('in numbers', "
    "'the results'), not a subheading of the story",
    "structure:box_row": "content: a row of a box under its label (structure:box_header): the story's own "
    "figures or points",
    "structure:question": "content: a short line between body paragraphs ending with a question mark (an "
    "interviewer's question)",
    "structure:repeat_of_line_N": "duplicate: the matching form equals headline/content line N",
    "structure:pull_quote(line=N)": "duplicate: a line that is only a quotation (at least "
    "duplicate_min_words words) printed word for word inside the longer kept line N (a pull quote)",
    "structure:deck_above_byline": "headline: one or two content lines right under the headline and over a "
    "byline or dateline, before the article's body text (a deck, however long)",
    "structure:headline_list(lines=N)": "related: two to four headline-like lines set together between "
    "paragraphs of the article: a list of links to other stories (not when every line is a "
    '"<label>: <value>" field or a row of figures)',
    "structure:wrapped_paragraph(overlap=x.xx)": "content: a short line set with no blank line against its "
    "neighbours where blank lines separate the paragraphs: a line of a paragraph wrapped at a fixed width",
    "structure:post_text_before_signature": "embed: the short line right above an embedded post's signature "
    "(pattern:tweet_signature, pattern:post_signature): what the post said",
    "pattern:post_signature": "embed: the signature of an embedded social-media post other than a tweet "
    "('A post shared by …', 'Posted by … on <date>'; embed_patterns.txt)",
    "context:contact_address": "credit: after the article, a short line holding an e-mail address: the "
    "writer's or desk's contact (and, in the byline's place, a line of at most three words holding one)",
    "context:outlet_dateline": "dateline: in the byline's place, one to three words ending with a dash "
    "('<outlet> -'), no function word, number or reporting verb: the outlet's dateline on its own line",
    "context:asterisk_note": "credit: after the article, a short line opened by an asterisk that ends no "
    "sentence: the note on the writer ('* <post and affiliation>')",
    "context:tag_line": "tags: after the article, one line of at least three short items set off by commas, "
    "bars, bullets, slashes, dashes or hashtags, almost no function word, no final stop, no reporting verb",
    "context:timed_headline_list": "related: a run of at least two headline-like lines each ending with a "
    "time (a relative time such as منذ 3 ساعات, a clock time or a numeric date), or opened by a clock or "
    "running time set off by a bar or dash ('03:10 | <headline>'): a listed-headlines box",
    "context:tail_headlines(overlap=x.xx)": "related: after the article's last body-text line, a run of "
    "at least two headline-like lines of five stems or more ending the document's text, none sharing a "
    "quarter of the article's key terms: a list of other stories' headlines whose header was lost",
    "context:tag_list": "tags: after the article's last body-text line, a run of at least two short noun "
    "phrases (at most four words, no function word, number, comma, reporting verb or final punctuation), "
    "or one under a tag header; a lone place or agency name among them is one of the tags",
    "context:byline_verb": "credit: between the headline (and its stamp) and the article's first line, a "
    "byline word (كتب، كتبت، بقلم، إعداد، تحرير, ...) and a name of one to five words: no function word, "
    "number, reporting verb, comma or sentence end (a sentence opened by كتب has them)",
    "context:writer_and_place": "credit: in the byline's place, '<writer> - <city>': a name opened by a "
    "given name (attribution/given_names.txt), a dash, a known place (an outlet and its city: a dateline)",
    "context:writer_and_post": "credit: in the byline's place, '<writer> - <post>': a name of two to four "
    "words opened by a given name, a dash, at most six words opened by a newsroom post (مراسل، محرر، صحفي)",
    "context:listed_headline_with_date": "related: after the article, a headline-shaped line of at least "
    "four words closed by a numeric date (an item of a list of other stories with their dates)",
    "context:listed_headline_with_stamp": "related: after the article, a line followed by its own date or "
    "time stamp (a listed headline of another story)",
    "context:dateline_shape": "dateline: outside the article, a line of place, agency and date words and "
    "numbers only, or '<name> – <place>'",
    "context:byline": "credit: between the headline and the article, right above its first line, a "
    "name-shaped line: two to eight words, none a function word, number or reporting verb, no comma, no "
    "sentence end but a colon, each part between dashes at most four words (a byline, '<name> - <outlet>')",
    "context:place_and_writer": "credit: in the byline's place, '<city> - <writer>': a known place, a dash, "
    "a name of two to four words opened by a given name, no agency word",
    "context:place_and_unlisted_name": "credit: in the byline's place, '<city> - <who>': a known place, a "
    "dash, two to four words with no agency word printed nowhere else on the page (a writer or a desk; an "
    "outlet's own name recurs in its masthead or copyright line and stays a dateline)",
    "context:form_fields": "comment_form: after the article, a comment form's fields set off by bars: three "
    "or more items, at least two and half of them comment-form entries (comment_form.txt)",
    "context:place_and_source": "dateline: a line of the byline's shape (context:byline) opened by a known "
    "place (places.txt): '<place>: <agency>', '<place> - <office>'",
    "context:source_and_date": "credit: after the article, '<source> - <date>': two parts cut by a dash, one "
    "only numbers and date words, the other at most four words with no number or function word",
    "context:stamp_shape": "nav: outside the article, 3 to 12 words at least 60% of them numbers or date "
    "words, one a date word (a publication stamp with a city or a time zone)",
    "context:signature": "credit: the document's last text line, right after a line of body text, "
    "name-shaped (context:byline), at most five words, set apart by a blank line or opened by a given name "
    "(attribution/given_names.txt): the writer's name",
    "context:byline_in_text": "credit (dateline when a known place opens it): inside the article, a short "
    "line of the byline's shape cut by dashes and ending with a colon ('<name>-<source>-<paper>:')",
    "context:deck_above_byline": "headline: one or two content lines between the headline and a byline "
    "inside the text (context:byline_in_text): the story opens at the byline, so they are the deck",
    "context:initials": "credit: after the article, initials or codes only (every word one or two letters)",
    "context:outside_article(overlap=x.xx)": "nav: body text cut from the article by page furniture, "
    "after it, containing none of the article's key terms (an 'about the outlet' footer)",
    "context:about_outlet(overlap=x.xx)": "nav: among the document's last text lines, after the story's "
    "body text and with none after it, a paragraph in which an outlet describes itself: a word naming an "
    "outlet (outlet_nouns.txt) among its first three words, a word of founding, launch, independence or "
    "coverage (self_description.txt), no reporting verb, no quotation, not opened by a conjunction, "
    "sharing less than a quarter of the story's key terms (overlap)",
    "context:outlet_name": "nav: a short name-like line (at most four words, no function word or number) "
    "right above an 'about the outlet' paragraph (context:about_outlet): the site's name over its text",
    "context:about_writer(overlap=x.xx)": "credit: the writer's bio box under the story: a paragraph of the "
    "'about' shape (context:about_outlet) opened by a newsroom post (صحفي، كاتبة، مراسل) with a career word",
    "context:writer_name": "credit: a short name-like line right above the writer's bio "
    "(context:about_writer)",
    "context:headline_before_body(overlap=x.xx)": "related: a headline-like line between the headline and "
    "the article sharing (almost) no vocabulary with the headline and lead (another story's headline)",
    "context:unmarked_caption": "caption: a short content line of a caption's shape (caption_shapes.txt: "
    "a position in parentheses, 'جانب من', someone 'during their visit', people holding a banner) that "
    "reads as no sentence (no final stop, quotation, reporting verb or opening conjunction), right under "
    "the headline or near a body paragraph at least twice its length",
    "context:scene_caption": "caption: a short content line (at most eight words) that reads as no sentence, "
    "near a body paragraph, with story text after it, in a caption's grammar: a title, given name or "
    "group first, then a present-tense verb of a scene (يستقبل، يتحدث، يصافح) or 'خلال'/'أثناء' and an "
    "event; or a title and a name only (at most four words)",
    "context:deck(overlap=x.xx)": "headline: a line right under the headline, before the article, "
    "sharing vocabulary with the headline and lead, or headline-like and set right under it with no blank "
    "between (a sub-headline deck)",
    "model:furniture(content=x.xx)": "the label the fitted line model (data/clean/line_model.json, "
    "newsstudy.clean.line_model) found most likely for a short line no rule decided, set next to page "
    "furniture or outside the article's main run of body text, when it gave content a probability of "
    "at most x.xx (its fitted max_content or less): the "
    "line's shape (words, function-word share, final stop, digits, Latin letters), its place (above or "
    "below the article, distance to body text) and its neighbours' labels read as furniture",
    "corpus:recurring_line(docs=N)": "nav: the line (digits aside) stands in N documents of its outlet, at "
    "least max(min_docs, min_share × the outlet's documents), a higher share for body text "
    "(newsstudy.line_evidence): the outlet's template",
    "corpus:recurring_teaser(docs=N)": "related: one of at least two lines ending the document (after "
    "the article), each in at least min_docs documents of its outlet and sharing little with the article's "
    "lead (the ledes of a 'more news' box)",
    "corpus:headline_of_other_document(docs=N)": "related: a short headline-like line that is the headline "
    "of N other documents of the corpus (a link to another story)",
    "default:content": "content: no other rule fired",
}


def rules_table() -> pd.DataFrame:
    """The rule names and their meaning as a table (``rule``, ``description``).

    >>> rules_table().query("rule == 'shape:blank'")["description"].str.startswith("blank").item()
    True
    """
    return pd.DataFrame(list(RULES.items()), columns=["rule", "description"])
