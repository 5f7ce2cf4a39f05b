"""A fitted line model: the last word on short ``content`` lines set next to page furniture.

The rules are written kind by kind, and an outlet nobody has read prints furniture of kinds no rule
knows. What such a line still shows is its shape and its place: a short line with no final stop,
few function words, page furniture above and below it and nothing of the article's vocabulary is
furniture on any site. This pass reads those signals (:data:`FEATURES`, computed from the line, its
neighbours and the rules' labels around it), weighs them with a multinomial logistic regression
fitted by ``scripts/fit_line_model.py`` on the **development** gold only, stored as data
(``data/clean/line_model.json``, with its provenance and its leave-one-outlet-out check), and
relabels a short ``content`` line (:func:`candidates`: at most ``max_words`` words, kept by no rule
or by a shape rule, next to furniture or outside the article's main run of body text) only when the
model gives ``content`` a probability of at most ``max_content`` (chosen on held-out development
outlets, a content line lost counting three furniture lines caught). The label it gives is the
model's most likely furniture label. The rule column says ``model:furniture(content=x.xx)``: the
probability the model left to ``content``.

Pure Python on a few floats per line (no scikit-learn at run time), so the result is the same on
every machine and whatever the hash seed.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import cache

import regex

from newsstudy.clean.features import (
    _BULLET,
    _QUOTED,
    _SOCIAL_ANY,
    _dateline_match,
    _is_body_text,
    _Line,
    _signals,
    _stems,
)
from newsstudy.clean.lexicons import CLEAN_DATA_DIR, _Lexicons
from newsstudy.clean.params import _Params

MODEL_PATH = CLEAN_DATA_DIR / "line_model.json"

#: The signals the model reads, in the order of its weights. Each is a number computed from the line,
#: its neighbours (the nearest text lines above and below) and the labels the rules gave them.
FEATURES: tuple[str, ...] = (
    "log_words",  # log(1 + words)
    "function_share",  # share of Arabic function words (stopword density)
    "digit_share",  # share of numbers and date words
    "stamp_share",  # share of numbers, clock times, numeric dates and date words
    "ends_sentence",  # final stop
    "comma",  # a comma inside the line
    "reporting_cue",  # a reporting verb (the attribution lexicon)
    "latin_share",  # share of its letters that are Latin
    "social",  # a hashtag, handle, link or emoji
    "quoted",  # the whole line in quotation marks
    "bullet",  # opened by a bullet or a list number
    "position",  # where it stands among the document's text lines (0 first, 1 last)
    "before_article",  # above the first line of body text
    "after_article",  # below the last line of body text
    "log_distance",  # log(1 + text lines to the nearest line of body text)
    "previous_furniture",  # the text line above is not content (or there is none)
    "next_furniture",  # the text line below is not content (or there is none)
    "previous_words",  # log(1 + words of the text line above)
    "next_words",  # log(1 + words of the text line below)
    "blank_before",  # a blank line right above
    "blank_after",  # a blank line right below
    "body_text",  # the line is body text itself (long and dense enough)
    "word_length",  # mean letters a word, / 10
    "colon",  # a colon in the line
    "separators",  # | » > / • - – — in the line (up to 3), / 3
    "top_three",  # among the first three text lines
    "connective",  # its first word opens with و or ف (the text goes on)
    "article_overlap",  # share of its stems found in the article's body lines (0.5 without stems)
    "log_stems",  # log(1 + its stems)
    "outside_run",  # outside the article's main run of body text (:func:`main_run`)
)

#: The rules that keep a short line as ``content`` without reading it as a sentence: no rule at all, or
#: a shape between body lines (a subheading, a list item, a question, a wrapped line). On pages of an
#: unread outlet they also keep furniture set among other furniture, so the model may weigh them too.
KEEPING_RULES: frozenset[str] = frozenset(
    {
        "default:content",
        "structure:subhead",
        "structure:among_short_lines",
        "structure:wrapped_paragraph",
        "structure:list_item",
        "structure:question",
        "structure:introduced_by_colon",
    }
)

_LATIN = regex.compile(r"[A-Za-z]")
_HARAKA = regex.compile(r"[\u064B-\u0652]")
_ARABIC_LETTER = regex.compile(r"[\u0621-\u064A]")
#: A line with at least this share of its Arabic letters vowelled (a short vowel, tanween, shadda or
#: sukun) is verse or scripture: page furniture is never vowelled.
VOWELLED_SHARE = 0.15


def _vowelled(raw: str) -> bool:
    letters = len(_ARABIC_LETTER.findall(raw))
    return letters > 0 and len(_HARAKA.findall(raw)) >= VOWELLED_SHARE * letters


_LETTER = regex.compile(r"\p{L}")
_SEPARATORS = regex.compile(r"[|»«>/•·\-–—]")


#: Text lines that may stand between two lines of body text of one run (a subheading, a caption).
RUN_GAP = 3
#: Consecutive content text lines outside the main run at most this many are the model's to weigh; a
#: longer stretch is a second text of its own (endnotes, a poem, a story after a related header) and is
#: left to the rules.
MAX_STRETCH = 4


def main_run(lines: list[_Line], text: list[int], anchors: list[int]) -> tuple[int, int] | None:
    """The first and last line of the article's main run of body text, or None with no body text.

    Lines of body text (``anchors``) at most :data:`RUN_GAP` text lines apart are one run; the main
    run is the one with the most words (the first of equals), as jusText takes the article to be
    the longest coherent stretch of text: what stands outside it needs evidence to be kept.
    """
    if not anchors:
        return None
    rank = {i: k for k, i in enumerate(text)}
    runs: list[list[int]] = [[anchors[0]]]
    for a in anchors[1:]:
        if rank[a] - rank[runs[-1][-1]] - 1 <= RUN_GAP:
            runs[-1].append(a)
        else:
            runs.append([a])
    best = max(runs, key=lambda run: (sum(lines[i].n_words for i in run), -run[0]))
    return best[0], best[-1]


def line_features(
    lines: list[_Line], wanted: list[int], lex: _Lexicons, p: _Params
) -> dict[int, list[float]]:
    """:data:`FEATURES` of the lines ``wanted`` (indices of text lines of ``lines``), in that order."""
    text = [i for i, ln in enumerate(lines) if ln.n_words > 0 and ln.label != "blank"]
    anchors = [i for i in text if lines[i].label == "content" and _is_body_text(lines[i], lex, p)]
    anchor_set = set(anchors)
    first, last = (anchors[0], anchors[-1]) if anchors else (None, None)
    rank = {i: k for k, i in enumerate(text)}
    anchor_ranks = [rank[i] for i in anchors]
    stems = {i: _stems(lines[i], lex, p) for i in {*anchors, *wanted}}
    article = Counter(s for a in anchors for s in stems[a])
    run = main_run(lines, text, anchors)
    out: dict[int, list[float]] = {}
    for i in wanted:
        line, k = lines[i], rank[i]
        s = _signals(line, lex)
        letters = _LETTER.findall(line.raw)
        latin = sum(1 for ch in letters if _LATIN.match(ch))
        above = text[k - 1] if k > 0 else None
        below = text[k + 1] if k + 1 < len(text) else None
        distance = min((abs(k - a) for a in anchor_ranks), default=50)
        tokens = line.norm.split()
        own = stems[i]
        own_count = 1 if i in anchor_set else 0
        overlap = sum(1 for x in own if article[x] - own_count > 0) / len(own) if own else 0.5
        out[i] = [
            math.log1p(s.words),
            s.function_share,
            s.digit_share,
            s.stamp_share,
            float(s.ends_sentence),
            float("،" in line.raw or ", " in line.raw),
            float(s.reporting_cue),
            latin / len(letters) if letters else 0.0,
            float(bool(_SOCIAL_ANY.search(line.raw))),
            float(bool(_QUOTED.match(line.norm))),
            float(bool(_BULLET.match(line.raw))),
            k / max(1, len(text) - 1),
            float(first is not None and i < first),
            float(last is not None and i > last),
            math.log1p(distance),
            float(above is None or lines[above].label != "content"),
            float(below is None or lines[below].label != "content"),
            math.log1p(lines[above].n_words) if above is not None else 0.0,
            math.log1p(lines[below].n_words) if below is not None else 0.0,
            float(i > 0 and lines[i - 1].n_words == 0),
            float(i + 1 < len(lines) and lines[i + 1].n_words == 0),
            float(i in anchor_set),
            len(line.norm.replace(" ", "")) / max(1, len(tokens)) / 10,
            float(":" in line.raw),
            min(3, len(_SEPARATORS.findall(line.raw))) / 3,
            float(k < 3),
            float(bool(tokens) and tokens[0][:1] in "وف" and len(tokens[0]) > 3),
            overlap,
            math.log1p(len(own)),
            float(run is not None and not run[0] <= i <= run[1]),
        ]
    return out


@dataclass(frozen=True)
class LineModel:
    """A fitted multinomial logistic regression on standardised :data:`FEATURES`."""

    classes: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[tuple[float, ...], ...]  # one row of weights per class
    intercept: tuple[float, ...]
    max_words: int
    max_content: float

    def probabilities(self, x: list[float]) -> dict[str, float]:
        """The probability of each label for one line's features (softmax of the linear scores)."""
        z = [(v - m) / s for v, m, s in zip(x, self.mean, self.scale, strict=True)]
        scores = [
            b + math.fsum(w * v for w, v in zip(row, z, strict=True))
            for row, b in zip(self.coef, self.intercept, strict=True)
        ]
        top = max(scores)
        exp = [math.exp(v - top) for v in scores]
        total = math.fsum(exp)
        return {c: e / total for c, e in zip(self.classes, exp, strict=True)}


@cache
def _model() -> LineModel | None:
    """The stored model (``data/clean/line_model.json``), or None when there is none."""
    if not MODEL_PATH.exists():
        return None
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(
            f"{MODEL_PATH}: its features are not newsstudy's; refit with scripts/fit_line_model.py"
        )
    return LineModel(
        classes=tuple(data["classes"]),
        mean=tuple(data["mean"]),
        scale=tuple(data["scale"]),
        coef=tuple(tuple(row) for row in data["coef"]),
        intercept=tuple(data["intercept"]),
        max_words=int(data["max_words"]),
        max_content=float(data["max_content"]),
    )


def candidates(lines: list[_Line], lex: _Lexicons, p: _Params, max_words: int) -> list[int]:
    """The lines the model may relabel: short ``content`` lines kept by :data:`KEEPING_RULES`, in a page
    with an article.

    Inside the article's main run of body text (:func:`main_run`) only a line with page furniture, by
    the rules' labels, right above or below it (the nearest text line), and a line a shape rule kept
    (not the default) only with furniture on both sides: a short line among body lines is left to the
    rules. Outside the run (above or below it), where the article has more than one line of body text,
    any such line in a stretch of at most :data:`MAX_STRETCH` content lines: what stands outside the
    article needs evidence to be kept, as jusText has it. Never a line that opens with a dateline (the
    rules read it as the story's first line), uses a reporting verb (it reports speech, which page
    furniture never does) or is vowelled (:data:`VOWELLED_SHARE`: verse or scripture), nor the page's only
    line of body text (a two-line page of a lead and a related link is that lead's). With no line of
    body text in the document there is no article to weigh a line against, and nothing is relabelled.
    """
    text = [i for i, ln in enumerate(lines) if ln.n_words > 0 and ln.label != "blank"]
    anchors = [i for i in text if lines[i].label == "content" and _is_body_text(lines[i], lex, p)]
    run = main_run(lines, text, anchors)
    # The length of the stretch of consecutive content text lines each text line stands in.
    stretch: dict[int, int] = {}
    start = 0
    for k in range(len(text) + 1):
        if k == len(text) or lines[text[k]].label != "content":
            for j in range(start, k):
                stretch[text[j]] = k - start
            start = k + 1
    out = []
    for k, i in enumerate(text):
        line = lines[i]
        kept = line.label == "content" and line.rule.split("(")[0] in KEEPING_RULES
        if not kept or line.n_words > max_words:
            continue
        outside = (
            run is not None and run[0] < run[1] and not run[0] <= i <= run[1] and stretch[i] <= MAX_STRETCH
        )
        above = lines[text[k - 1]].label if k > 0 else "content"
        below = lines[text[k + 1]].label if k + 1 < len(text) else "content"
        if not outside and above == "content" and below == "content":
            continue
        if not outside and line.rule != "default:content" and (above == "content" or below == "content"):
            continue  # a shape kept between body lines: only when furniture stands on both sides
        if _dateline_match(line.norm, lex) or _signals(line, lex).reporting_cue or _vowelled(line.raw):
            continue
        if anchors == [i]:
            continue  # the page's only line of body text is its article, not furniture beside it
        if k > 0 and _live_update(lines, text, k, anchors):
            continue
        out.append(i)
    return out if anchors else []


_CLOCK = regex.compile(r"\d{1,2}:\d{2}")
_SENTENCE_END = regex.compile(r"[.!؟?…][\"'»”)\]]*\s*$")


def _live_update(lines: list[_Line], text: list[int], k: int, anchors: list[int]) -> bool:
    """A live blog's update: a line ending as a sentence right under a clock-time stamp, on a page where
    another clock-time stamp stands right over a line of body text (the blog's earlier updates): one
    sentence after its time is the story's, however short."""
    above = lines[text[k - 1]]
    if (
        above.rule != "shape:stamp"
        or not _CLOCK.search(above.raw)
        or not _SENTENCE_END.search(lines[text[k]].raw)
    ):
        return False
    body = set(anchors)
    return any(
        text[j + 1] in body and lines[text[j]].rule == "shape:stamp" and _CLOCK.search(lines[text[j]].raw)
        for j in range(len(text) - 1)
        if j != k - 1
    )


def _line_model(lines: list[_Line], lex: _Lexicons, p: _Params) -> None:
    """Relabel the short default-``content`` lines the model reads as furniture (see the module)."""
    model = _model()
    if model is None:
        return
    wanted = candidates(lines, lex, p, model.max_words)
    if not wanted:
        return
    found = line_features(lines, wanted, lex, p)
    decided = []
    for i in wanted:
        probs = model.probabilities(found[i])
        if probs["content"] <= model.max_content:
            label = max((c for c in model.classes if c != "content"), key=lambda c: (probs[c], c))
            decided.append((i, label, probs["content"]))
    # Decided on the rules' labels alone, then applied: one line's relabelling never moves another's.
    for i, label, content in decided:
        lines[i].label, lines[i].rule = label, f"model:furniture(content={content:.2f})"
