"""Pass 5: corpus evidence (:mod:`newsstudy.line_evidence`): the outlet's template lines, other
documents' headlines, and recurring "more news" ledes. Without evidence these rules do not fire."""

from __future__ import annotations

from newsstudy import line_evidence
from newsstudy.clean.features import (
    _FINAL_STOP,
    _headline_like,
    _is_body_text,
    _Line,
    _make_line,
    _overlap,
    _stems,
)
from newsstudy.clean.lexicons import _Lexicons
from newsstudy.clean.params import _Corpus, _Params


def _recurring_lines(
    lines: list[_Line], keys: list[str], corpus: _Corpus, lex: _Lexicons, p: _Params
) -> None:
    """Body candidates that recur across the outlet's documents are its template (``nav``)."""
    for line, key in zip(lines, keys, strict=True):
        if line.label != "content" or not key:
            continue
        n = corpus.evidence.recurring(corpus.outlet, key)
        if n and _running_text(line, lex, p):
            n = corpus.evidence.recurring(corpus.outlet, key, body=True)
        if n:
            line.label, line.rule = "nav", f"corpus:recurring_line(docs={n})"


def _recurring_tail(
    lines: list[_Line], keys: list[str], title: str | None, corpus: _Corpus, lex: _Lexicons, p: _Params
) -> None:
    """A run of lines ending the document, each recurring in the outlet and foreign to the lead: teasers.

    A "more news" box scraped with the article lists the ledes of other stories
    of the day; each stands in the few documents scraped while it was shown, so
    each recurs in the outlet (in at least ``min_docs`` documents, far below the
    template's share) and shares almost nothing with the article's lead. A
    background paragraph that recurs through a story's follow-ups shares the
    story's vocabulary and stays ``content``.
    """
    body = [i for i, ln in enumerate(lines) if ln.label == "content"]
    if len(body) < p.teaser_min_run + 1:
        return
    tail = [i for i in range(body[-1] + 1, len(lines)) if lines[i].label != "blank"]
    if any(lines[i].label not in ("credit", "nav", "comment_form", "tags") for i in tail):
        return
    run: list[tuple[int, int]] = []
    for i in reversed(body):
        n = corpus.evidence.documents(corpus.outlet, keys[i])
        if not n or (
            run and i < run[-1][0] - 1 and any(ln.label != "blank" for ln in lines[i + 1 : run[-1][0]])
        ):
            break
        run.append((i, n))
    if len(run) < p.teaser_min_run or len(run) == len(body):
        return
    first = [i for i in body if i < run[-1][0]][:2]
    lead = frozenset().union(*(_stems(lines[i], lex, p) for i in first))
    if title:
        lead |= _stems(_make_line(title), lex, p)
    if any(_overlap(_stems(lines[i], lex, p), lead) >= p.teaser_max_overlap for i, _ in run):
        return
    for i, n in run:
        lines[i].label, lines[i].rule = "related", f"corpus:recurring_teaser(docs={n})"


def _running_text(line: _Line, lex: _Lexicons, p: _Params) -> bool:
    """Body text that reads as a sentence: ends like one, or is long (a recurring one may be content)."""
    return _is_body_text(line, lex, p) and (
        line.n_words >= p.long_min_words or bool(_FINAL_STOP.search(line.norm))
    )


def _other_headlines(
    lines: list[_Line], title: str | None, corpus: _Corpus, lex: _Lexicons, p: _Params
) -> None:
    """A headline-like line that is another document's headline is a link to that story (``related``)."""
    own = line_evidence.own_headline(title, [line.raw for line in lines])
    for line in lines:
        if line.label != "content" or line.n_words < corpus.evidence.min_headline_words:
            continue
        if not _headline_like(line, lex, p):
            continue
        key = line_evidence.headline_key(line.raw)
        n = corpus.evidence.headline_documents(key) - (key == own)
        if n > 0:
            line.label, line.rule = "related", f"corpus:headline_of_other_document(docs={n})"
