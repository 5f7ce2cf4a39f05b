"""The passes chained over one document, and :func:`label_lines` over a corpus."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pandas as pd

from newsstudy import line_evidence
from newsstudy.clean.context import (
    _about_outlet,
    _context,
    _timed_lists,
    _top_bylines,
    _unmarked_captions,
    _writer_boxes,
)
from newsstudy.clean.corpus_rules import _other_headlines, _recurring_lines, _recurring_tail
from newsstudy.clean.features import _Line, _make_line
from newsstudy.clean.furniture_shapes import furniture_shapes, section_numbers
from newsstudy.clean.labels import LINE_COLUMNS
from newsstudy.clean.lexicons import _lexicons
from newsstudy.clean.line_model import _line_model
from newsstudy.clean.line_rules import _doc_cues, _line_rule, _top_bars
from newsstudy.clean.params import _Corpus, _Params
from newsstudy.clean.structure import (
    _columns_after_columns,
    _duplicates,
    _form_buttons,
    _headline,
    _headline_over_stamp,
    _lead_photo_caption,
    _login_joiners,
    _social_posts,
    _stories_after_stories,
    _structure,
    _trailing_teasers,
    _tweet_text,
)
from newsstudy.clean.web_furniture import (
    _captions_beside_credits,
    _captions_with_site_credit,
    _comment_threads,
    _more_from_headers,
)
from newsstudy.corpus import _string_array
from newsstudy.errors import check_table
from newsstudy.line_evidence import CorpusEvidence
from newsstudy.normalize import for_matching_all

#: How to build the documents table a text or a corpus file makes (said when something else is given).
_ONE_TEXT = (
    'pd.DataFrame({"doc_id": ["a"], "text": [text]}) for one text, '
    "newsstudy.corpus.load_corpus(path) for a corpus"
)


def _label_document(
    text: str,
    title: str | None,
    p: _Params,
    norms: list[str] | None = None,
    corpus: _Corpus | None = None,
) -> list[_Line]:
    """Label the lines of one document; ``norms`` are their ``for_matching`` forms if known."""
    lex = _lexicons()
    raw_lines = text.split("\n")
    if norms is None:
        norms = for_matching_all(raw_lines)
    lines = [_make_line(raw, norm) for raw, norm in zip(raw_lines, norms, strict=True)]
    cues = _doc_cues(lines, lex, p)
    for line in lines:
        decided = _line_rule(line, lex, p, cues)
        if decided:
            line.label, line.rule = decided
    _login_joiners(lines, lex)
    _form_buttons(lines)
    _top_bars(lines, p)
    keys = line_evidence.line_keys(text) if corpus is not None else []
    if corpus is not None:
        _recurring_lines(lines, keys, corpus, lex, p)
    _headline(lines, title, lex, p)
    _headline_over_stamp(lines, lex, p)
    _lead_photo_caption(lines, lex, p)
    if corpus is not None:
        _other_headlines(lines, title, corpus, lex, p)
    _more_from_headers(lines, lex, p)
    _structure(lines, title, lex, p)
    if p.context:
        _timed_lists(lines, lex, p)
        _top_bylines(lines, lex, p)
        _about_outlet(lines, title, lex, p)
        _context(lines, title, lex, p)
        _writer_boxes(lines, lex, p)
        _unmarked_captions(lines, lex, p)
        _captions_beside_credits(lines, p)
        _captions_with_site_credit(lines, p)
        _comment_threads(lines, p)
    if corpus is not None:
        _recurring_tail(lines, keys, title, corpus, lex, p)
    _trailing_teasers(lines, title, lex, p)
    _tweet_text(lines, p)
    _social_posts(lines, text, lex, p)
    _stories_after_stories(lines, lex, p)
    _columns_after_columns(lines, lex, p)
    _duplicates(lines, p)
    if p.context and p.line_model:
        _line_model(lines, lex, p)
        # After the model, and only with it: the model is fitted on the labels before this pass.
        furniture_shapes(lines, lex, p)
    section_numbers(lines)
    return lines


def _text(value: object) -> str:
    """A document's text cell as a string (a missing cell is an empty document)."""
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def _matching_lines(bodies: Iterable[object], *, batch_chars: int = 1 << 20) -> Iterator[list[str]]:
    """``for_matching`` of every line of every document, one list per document.

    Lines are normalised in batches of about ``batch_chars`` characters across
    documents (one vectorised :func:`~newsstudy.normalize.for_matching_all` call
    per batch), which costs much less than one call per line or per document.
    """
    batch: list[list[str]] = []
    size = 0
    for body in bodies:
        raw_lines = _text(body).split("\n")
        batch.append(raw_lines)
        size += sum(map(len, raw_lines))
        if size >= batch_chars:
            yield from _split_back(batch)
            batch, size = [], 0
    yield from _split_back(batch)


def _split_back(batch: list[list[str]]) -> Iterator[list[str]]:
    norms = for_matching_all([line for raw_lines in batch for line in raw_lines])
    start = 0
    for raw_lines in batch:
        yield norms[start : start + len(raw_lines)]
        start += len(raw_lines)


def label_lines(
    corpus: pd.DataFrame,
    *,
    text_column: str = "text",
    use_title: bool = True,
    headline_max_words: int = 20,
    body_min_words: int = 12,
    subhead_min_overlap: float = 0.25,
    appended_key_terms: int = 5,
    appended_run: int = 3,
    neighbour_window: int = 2,
    stem_length: int = 5,
    duplicate_min_words: int = 6,
    evidence: CorpusEvidence | None = None,
    line_model: bool = True,
    norms_out: list[str] | None = None,
) -> pd.DataFrame:
    """Label every raw line of every document (ANNOTATION.md section 2).

    Parameters
    ----------
    corpus : DataFrame
        The ``documents`` table: ``doc_id`` and the text column. If it has a
        ``title`` column (any case) and ``use_title`` is true, the first line is
        a headline only when it repeats the title.
    text_column : str, default "text"
    use_title : bool, default True
    headline_max_words : int, default 20
        Longest line (in words) that can be a headline or a related headline.
    body_min_words : int, default 12
        In a related block, a line shorter than this is a listed headline.
    subhead_min_overlap : float, default 0.25
        Share of a short mid-article line's stems found in its neighbours at or
        above which it is a subheading (``content``); below it, an injected
        ``related`` headline.
    appended_key_terms : int, default 5
        The run of body text after a related header is an ``appended_article``
        when it contains none of the lead article's this many key terms (the
        stems found in the most lead lines, title stems weighted up).
    appended_run : int, default 3
        How many body lines after the header are pooled for that decision.
    neighbour_window : int, default 2
        Body lines on each side compared with a short mid-article line.
    stem_length : int, default 5
        Letters kept of each clitic-stripped word for overlap.
    duplicate_min_words : int, default 6
        Shorter repeated lines are not marked ``duplicate``.
    evidence : CorpusEvidence, optional
        Corpus evidence (:mod:`newsstudy.line_evidence`): the documents of each
        outlet holding each line, and the corpus's headlines, counted over the
        whole corpus (:func:`corpus_evidence`, or chunk by chunk with
        :func:`newsstudy.line_evidence.count_lines`). A body candidate recurring
        in enough documents of its outlet is ``nav``, a headline-like line that
        is another document's headline ``related``. Without it the other signals
        alone decide.
    line_model : bool, default True
        Whether the fitted line model (:mod:`newsstudy.clean.line_model`) has the last word on
        short lines no rule decided, set next to page furniture (rule ``model:furniture``).
    norms_out : list, optional
        If given, the matching form (:func:`~newsstudy.normalize.for_matching`) of each row's line
        is appended to it, in the rows' order: the later stages need not normalise the lines again
        (a ``norm`` column for :func:`newsstudy.attribution.extract` and the duplicates stages).

    Returns
    -------
    DataFrame
        ``doc_id``, ``line`` (from 1), ``label``, ``rule``, ``text`` (the raw line),
        sorted by ``doc_id`` and ``line``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": [
    ...     "اخر الاخبار\\nقطر تستضيف محادثات جديدة\\n"
    ...     "قال مسؤول إن قطر تستضيف جولة جديدة من المحادثات يوم الأربعاء في الدوحة.\\n\\nاترك تعليقاً"]})
    >>> lines = label_lines(docs)
    >>> lines["label"].tolist()
    ['nav', 'headline', 'content', 'blank', 'comment_form']
    >>> lines["rule"].tolist()[:2]
    ['lexicon:nav', 'shape:first_line_headline']
    """
    check_table(corpus, "corpus", ["doc_id", text_column], example=_ONE_TEXT)
    params = _Params(
        headline_max_words=headline_max_words,
        body_min_words=body_min_words,
        subhead_min_overlap=subhead_min_overlap,
        appended_key_terms=appended_key_terms,
        appended_run=appended_run,
        neighbour_window=neighbour_window,
        stem_length=stem_length,
        duplicate_min_words=duplicate_min_words,
        line_model=line_model,
    )
    title_col = line_evidence.headline_column(corpus) if use_title else None
    ids = corpus["doc_id"].astype(str).tolist()
    bodies = corpus[text_column].tolist()
    titles = corpus[title_col].tolist() if title_col else [None] * len(corpus)
    names = line_evidence.outlets(corpus, evidence.outlet_column) if evidence is not None else None
    doc_ids, numbers, labels, rules, texts = [], [], [], [], []
    # Documents in doc_id order, so the rows come out sorted without sorting the table.
    order = sorted(range(len(ids)), key=ids.__getitem__)
    for k, norms in zip(order, _matching_lines(bodies[k] for k in order), strict=True):
        doc_id, text, title = ids[k], _text(bodies[k]), titles[k]
        title = title if isinstance(title, str) and title.strip() else None
        known = None if names is None else _Corpus(evidence, names[k])
        document = _label_document(text, title, params, norms, known)
        doc_ids.extend([doc_id] * len(document))
        numbers.extend(range(1, len(document) + 1))
        for line in document:
            labels.append(line.label)
            rules.append(line.rule)
            texts.append(line.raw)
        if norms_out is not None:
            norms_out.extend(line.norm for line in document)
    # Dtypes stated rather than inferred: several times faster on a large corpus.
    return pd.DataFrame(
        {
            "doc_id": pd.array(doc_ids, dtype="str"),
            "line": pd.array(numbers, dtype="int64"),
            "label": pd.array(labels, dtype="str"),
            "rule": pd.array(rules, dtype="str"),
            "text": _string_array(texts),
        },
        columns=list(LINE_COLUMNS),
    )


def corpus_evidence(
    corpus: pd.DataFrame, *, text_column: str = "text", outlet_column: str | None = None, **thresholds
) -> CorpusEvidence:
    """The corpus evidence of an in-memory ``documents`` table, for :func:`label_lines`.

    ``outlet_column`` names the column of each document's outlet (default: see
    :func:`newsstudy.line_evidence.outlets`); ``thresholds`` are those of
    :class:`~newsstudy.line_evidence.CorpusEvidence`.

    >>> docs = pd.DataFrame({"doc_id": [f"site/{i}" for i in range(6)], "text": [
    ...     f"خبر {w}\\nقال مسؤول إن {w} تستضيف جولة جديدة من المحادثات يوم الأربعاء في العاصمة.\\n"
    ...     "تابعونا على تطبيق الموقع" for w in ["قطر", "مصر", "تونس", "عمان", "ليبيا", "اليمن"]]})
    >>> label_lines(docs)["label"].tolist()[:3]
    ['headline', 'content', 'content']
    >>> lines = label_lines(docs, evidence=corpus_evidence(docs))
    >>> lines["label"].tolist()[:3], lines["rule"][2]
    (['headline', 'content', 'nav'], 'corpus:recurring_line(docs=6)')
    """
    counts = line_evidence.count_lines(corpus, text_column=text_column, outlet_column=outlet_column)
    return CorpusEvidence.from_counts(counts, outlet_column=outlet_column, **thresholds)
