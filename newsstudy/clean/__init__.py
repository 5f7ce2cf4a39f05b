"""Line labelling for scraped Arabic news, with an audit trail (ANNOTATION.md section 2).

Every raw line of every document gets exactly one label and the name of the rule
that decided it, so a reader of the ``lines`` table can see *why* a line was kept
or dropped, and :func:`rebuild` gives back the raw text byte for byte.

The rules run in three passes over a document:

1. **Line rules** look at one line: its shape (blank, a separator made of
   punctuation only) and the cue lexicons and patterns kept as data files in
   ``newsstudy/data/clean/`` (related headers, nav, boilerplate sentences,
   comment forms, login walls, tag headers, credit lines, photo captions, embedded
   posts, datelines). Lexicons are matched on the matching form of the line
   (:func:`newsstudy.normalize.for_matching`), so spelling variants of one cue
   are one entry. Every lexicon is compiled into one regular expression.
2. **Headline**: the first non-chrome line is the headline when it is short,
   does not end like a sentence, is not opened by a body connective and is
   followed by body text. When the corpus gives each document a title (a
   ``title`` column), that first line is the headline only if it repeats the
   title (most scraped corpora store the title apart from the text). The page's
   layout then extends it: a word or two over a longer headline-like line is a
   kicker (``nav``); headline-like lines set right under the headline with no blank
   between are the rest of the headline when the story opens after them (a
   dateline, a byline) or they end with a dash; a first line ending with a colon is
   a headline in that layout.
3. **Structure** walks the document with a small state machine:

   - after a related-links header, short headline-like lines (or bulleted
     lines) are ``related``; the first long body line ends the block: if the run
     of body text from there contains none of the lead article's key terms (the
     stems found in the most lead lines) it is an ``appended_article`` (and so is
     everything after it until the next header), otherwise the article resumes
     as ``content``;
   - a short headline-like line between body paragraphs that shares little
     vocabulary with its neighbours is an injected ``related`` headline; one
     that shares vocabulary (or is too short to judge, or is quoted) is a
     subheading of the story and stays ``content``;
   - a run of at least two long lines ending the document, each opening like a
     news lede and sharing almost nothing with the article's lead, is a list of
     other stories' ledes (``related``);
   - two to four headline-like lines set together between paragraphs are a list of other
     stories' headlines (``related``), and a line of a hard-wrapped paragraph (blank lines
     between paragraphs, none inside) is never an injected headline;
   - after a related block, a line that goes on (``وتقول``, ``كما``) resumes the article;
   - the line just before a tweet or post signature is the post's text (``embed``), and so is a
     line with two kinds of social-media token (hashtag, handle, link, emoji) that has an emoji
     or does not read as body text;
   - a content line whose matching form equals an earlier headline or content
     line of the same document is a ``duplicate`` (the first copy keeps its
     label).

4. **Line signals and context** (jusText's method on extracted lines): each line's
   length in words, share of Arabic function words (``function_words.txt``), share of
   numbers and date words, final punctuation and reporting verbs. A *body-text* line is
   long and dense in function words (thresholds fitted on the development gold by
   ``scripts/fit_line_thresholds.py``, stored with their provenance in
   ``line_thresholds.json``). The article is the longest run of body text not cut by page
   furniture (related headers, tag and nav lexicons, credit lines, comment forms); a short
   line inside it stays ``content``, and what lies outside it needs evidence to be kept:
   after it, a run of short noun phrases is ``tags``, a line followed by its own stamp is a
   listed ``related`` headline, body text with none of the article's key terms is ``nav``;
   before it, a headline-like line sharing no vocabulary with the headline and lead is
   another story's ``related`` headline, one sharing it (or set right under the headline
   with no blank between) is a ``headline`` deck, and a name-shaped line (a few words, no
   function word, number or reporting verb) right above the article's first line is a
   byline (``credit``; a ``dateline`` when a known place opens it); after it, the writer's
   name closing the document and ``<source> - <date>`` are ``credit``; on either side a line
   of place/agency/date words only is a ``dateline`` and a line mostly of numbers and date
   words a stamp (``nav``). Inside the article, ``<name>-<source>-<paper>:`` is a byline
   and a short line between short lines (a verse, a list) stays ``content`` rather than
   an injected headline.

5. **Corpus evidence** (optional, ``label_lines(..., evidence=...)``; counted over the
   whole corpus by :mod:`newsstudy.line_evidence`, a first pass of every run): right
   after the line rules, a body candidate that recurs in enough documents of its
   outlet is the outlet's template (``nav``: it then cuts the article's run like other
   furniture); after the headline, a headline-like line that is another document's
   headline is ``related``; after the context pass, a run of lines ending the document,
   each recurring in the outlet and foreign to the lead, is a "more news" box
   (``related``). Without evidence these rules do not fire.

Vocabulary overlap uses sets of crude stems: matching-normalised words, minus a
small stopword list, with common clitics stripped and cut to
``stem_length`` letters. It is a deliberately simple measure of "same story".

Decisions on cases ANNOTATION.md leaves open (also in ``data/clean/README.md``):

- a subheading of the same story (a short line between paragraphs that shares
  vocabulary with them) is ``content``: it is the article's own text;
- separator lines made only of punctuation (``-----``, ``×××``) are ``nav``;
- site disclaimers and app-download footers are ``nav`` (site chrome);
  bylines, copyright lines and "published in cooperation with" lines are
  ``credit``;
- the headline of another story placed directly under a related header is
  ``related`` (it belongs to the headline list), its body is
  ``appended_article``.

The stage is a package of small modules, one per pass or concern (``from newsstudy import clean``
gives every public name, as before):

- :mod:`~newsstudy.clean.labels`: the labels, table columns and rule names (:data:`RULES`);
- :mod:`~newsstudy.clean.lexicons`: the data files of ``newsstudy/data/clean/``, compiled;
- :mod:`~newsstudy.clean.params`: parameters and fitted thresholds;
- :mod:`~newsstudy.clean.features`: one line, its stems and its language signals;
- :mod:`~newsstudy.clean.line_rules`: pass 1; :mod:`~newsstudy.clean.structure`: passes 2-3;
  :mod:`~newsstudy.clean.context`: pass 4; :mod:`~newsstudy.clean.corpus_rules`: pass 5;
- :mod:`~newsstudy.clean.labelling`: the passes chained, :func:`label_lines`, :func:`corpus_evidence`;
- :mod:`~newsstudy.clean.articles`: :func:`cleaned`, :func:`rebuild`, :func:`rebuilds_raw`;
- :mod:`~newsstudy.clean.scoring`: :func:`label_scores`, :func:`score_table`, :func:`read_gold`.
"""

from __future__ import annotations

from newsstudy.clean.articles import as_uncleaned, cleaned, rebuild, rebuilds_raw

# Private names the fitting script and the tests use, kept where they were.
from newsstudy.clean.features import _is_body_text as _is_body_text
from newsstudy.clean.features import _Line as _Line
from newsstudy.clean.labelling import _label_document as _label_document
from newsstudy.clean.labelling import _matching_lines as _matching_lines
from newsstudy.clean.labelling import corpus_evidence, label_lines
from newsstudy.clean.labels import ARTICLE_COLUMNS, KEPT_LABELS, LABELS, LINE_COLUMNS, RULES, rules_table
from newsstudy.clean.lexicons import CLEAN_DATA_DIR
from newsstudy.clean.lexicons import _lexicons as _lexicons
from newsstudy.clean.params import _Params as _Params
from newsstudy.clean.scoring import label_scores, read_gold, score_table

__all__ = [
    "ARTICLE_COLUMNS",
    "CLEAN_DATA_DIR",
    "KEPT_LABELS",
    "LABELS",
    "LINE_COLUMNS",
    "RULES",
    "as_uncleaned",
    "cleaned",
    "corpus_evidence",
    "label_lines",
    "label_scores",
    "read_gold",
    "rebuild",
    "rebuilds_raw",
    "rules_table",
    "score_table",
]
