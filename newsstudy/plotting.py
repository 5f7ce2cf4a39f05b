"""Figures for newsstudy: one house style, Arabic that reads right, stable PNG bytes.

Every figure function takes one of the study's tidy tables and returns
``(fig, ax)`` (or ``(fig, axes)`` for small multiples); :func:`save_figure`
writes a PNG whose bytes are identical on every run.

Arabic text. matplotlib ≥ 3.11 lays text out with libraqm, which shapes Arabic
(joins the letters) and orders it right-to-left by itself; pre-shaping with
arabic-reshaper + python-bidi on top of that prints it reversed. :func:`ar`
therefore returns text unchanged where matplotlib shapes natively, and reshapes
and reorders only where it does not (older matplotlib, or text meant for a
terminal). Whether matplotlib shapes is found out once from matplotlib itself
(:func:`native_arabic_shaping`), not guessed from its version number.

Fonts. The bundled Noto Sans Arabic (package ``fontpkg-noto-sans-arabic``) is
registered with matplotlib when this module is imported; the house style uses
``font.family = ["Noto Sans Arabic", "DejaVu Sans"]`` so any character Noto Sans
Arabic lacks falls back to DejaVu Sans glyph by glyph. Noto Sans Arabic also
covers Basic Latin, digits and common punctuation, so mixed Arabic/Latin
labels come out in one typeface.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Literal

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator, PercentFormatter

from newsstudy.clean import LABELS
from newsstudy.paths import FIGURES_DIR

__all__ = [
    "FONT_FAMILY",
    "LINE_LABELS",
    "anonymous_share_bars",
    "ar",
    "flow_heatmap",
    "line_label_bars",
    "native_arabic_shaping",
    "save_figure",
    "share_bars",
    "share_over_time",
    "similarity_heatmaps",
    "source_bars",
    "style",
    "top_terms_bars",
    "topic_bars",
]

ARABIC_FONT = "Noto Sans Arabic"
FONT_FAMILY: list[str] = [ARABIC_FONT, "DejaVu Sans"]

#: Line labels of ANNOTATION.md §2, in the guideline's order (also the stacking order).
LINE_LABELS: tuple[str, ...] = LABELS

# Kept content is saturated, boilerplate is muted, so the eye reads "how much is article".
_LABEL_COLOURS: dict[str, str] = {
    "headline": "#08306b",
    "content": "#2171b5",
    "dateline": "#6baed6",
    "credit": "#fd8d3c",
    "nav": "#bdbdbd",
    "related": "#d94801",
    "appended_article": "#a50f15",
    "tags": "#969696",
    "embed": "#6a51a3",
    "caption": "#bcbddc",
    "comment_form": "#737373",
    "login_wall": "#525252",
    "duplicate": "#e7298a",
    "blank": "#f0f0f0",
}
_OTHER_COLOUR = "#d9d9d9"
_BAR_COLOUR = "#2171b5"
#: Each line label's colour, in the guideline's order (the stacking order of the line-label figures).
LABEL_COLOURS: dict[str, str] = {lab: _LABEL_COLOURS.get(lab, _OTHER_COLOUR) for lab in LINE_LABELS}


def _register_font() -> bool:
    """Add the bundled Noto Sans Arabic to matplotlib's font manager (without changing rcParams)."""
    try:
        import fontpkg.mpl

        fontpkg.mpl.use(ARABIC_FONT)
    except Exception:  # package missing or broken: DejaVu Sans still draws Arabic, less well
        return False
    return True


FONT_REGISTERED: bool = _register_font()


# --------------------------------------------------------------------------- Arabic text


_PROBE = "بن"  # beh + noon: beh takes its initial form when joined, noon its final form


@cache
def native_arabic_shaping() -> bool:
    """Whether this matplotlib shapes and orders Arabic itself (checked once, then cached).

    Lays out ``"بن"`` with matplotlib's own text layout and the Arabic font and
    checks that (1) the joined ب uses a different glyph from the isolated ب
    (shaping) and (2) ب, the first character in logical order, is placed to
    the right of ن (right-to-left order). Any failure — a matplotlib without
    the libraqm layout, or no usable font — counts as "not native".

    Returns
    -------
    bool

    >>> native_arabic_shaping() in (True, False)
    True
    """
    try:
        from matplotlib._text_helpers import layout

        path = font_manager.findfont(
            font_manager.FontProperties(family=FONT_FAMILY), fallback_to_default=False
        )
        font = font_manager.get_font(path)
        font.set_size(12, 72)
        isolated = [item.glyph_index for item in layout(_PROBE[0], font)]
        joined = [(item.char, item.glyph_index, item.x) for item in layout(_PROBE, font)]
    except Exception:
        return False
    beh = [(gid, x) for ch, gid, x in joined if ch == _PROBE[0]]
    noon = [x for ch, _, x in joined if ch == _PROBE[1]]
    if not beh or not noon or not isolated:
        return False
    shaped = {gid for gid, _ in beh} != set(isolated)
    right_to_left = min(x for _, x in beh) > max(noon)
    return shaped and right_to_left


_RLM = "\u200f"  # RIGHT-TO-LEFT MARK: a strong RTL character with no glyph
_LRM = "\u200e"


def _reshape_and_reorder(text: str, base_dir: str | None) -> str:
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(text), base_dir=base_dir)


def _has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def ar(
    text: object,
    target: Literal["matplotlib", "terminal"] = "matplotlib",
    *,
    direction: Literal["auto", "rtl", "ltr"] = "auto",
) -> str:
    """Prepare text that may contain Arabic for display.

    Parameters
    ----------
    text : object
        The label (non-strings are converted with ``str``).
    target : {"matplotlib", "terminal"}, default "matplotlib"
        ``"matplotlib"``: unchanged when matplotlib shapes Arabic natively
        (:func:`native_arabic_shaping`), otherwise reshaped into presentation
        forms and put in visual order. ``"terminal"``: always reshaped and
        reordered, for terminals that print characters left to right as stored.
    direction : {"auto", "rtl", "ltr"}, default "auto"
        Paragraph direction. ``"auto"`` takes it from the first strong
        character (the Unicode rule, and what matplotlib does): an Arabic
        headline that starts with ``CNN:`` is then laid out left to right.
        ``"rtl"``/``"ltr"`` force it (natively by prefixing an invisible
        RIGHT-TO-LEFT / LEFT-TO-RIGHT MARK; otherwise through the bidi
        algorithm's base direction). Text with no right-to-left letters is
        always returned unchanged.

    Returns
    -------
    str

    >>> native = native_arabic_shaping()
    >>> ar("قال مسؤول") == ("قال مسؤول" if native else ar("قال مسؤول", "terminal"))
    True
    >>> ar("Reuters", target="terminal")
    'Reuters'
    >>> ar("CNN: قال", direction="rtl") == (
    ...     "\\u200fCNN: قال" if native else ar("CNN: قال", "terminal", direction="rtl"))
    True
    """
    if target not in ("matplotlib", "terminal"):
        raise ValueError(f"target must be 'matplotlib' or 'terminal', not {target!r}")
    if direction not in ("auto", "rtl", "ltr"):
        raise ValueError(f"direction must be 'auto', 'rtl' or 'ltr', not {direction!r}")
    s = str(text)
    if not _has_rtl(s):
        return s
    if target == "matplotlib" and native_arabic_shaping():
        return {"auto": "", "rtl": _RLM, "ltr": _LRM}[direction] + s
    return _reshape_and_reorder(s, {"auto": None, "rtl": "R", "ltr": "L"}[direction])


def _mostly_rtl(text: str) -> bool:
    rtl = sum(unicodedata.bidirectional(c) in ("R", "AL") for c in text)
    ltr = sum(unicodedata.bidirectional(c) == "L" for c in text)
    return rtl > ltr


def _label(text: object, width: int | None = None) -> str:
    """A one-line figure label, ready for matplotlib.

    Shortened to ``width`` characters (… marks the cut) and read in the
    direction of its main script, so an Arabic headline starting with "CNN:"
    stays right-to-left.
    """
    s = " ".join(str(text).split())
    if width is not None and len(s) > width:
        s = s[: width - 1].rstrip() + "…"
    return ar(s, direction="rtl" if _mostly_rtl(s) else "auto")


# --------------------------------------------------------------------------- style and saving


def _rc() -> dict:
    return {
        "font.family": FONT_FAMILY,
        "font.size": 10,
        "axes.titlesize": 11,
        "axes.labelsize": 10,
        "xtick.labelsize": 9,
        "ytick.labelsize": 9,
        "legend.fontsize": 9,
        "legend.frameon": False,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "axes.grid.axis": "x",
        "axes.axisbelow": True,
        "grid.color": "#e0e0e0",
        "grid.linewidth": 0.6,
        "figure.dpi": 100,
        "figure.facecolor": "white",
        "savefig.dpi": 150,
        "savefig.facecolor": "white",
        "savefig.bbox": "tight",
        # Headlines contain "$" (prices) far more often than mathematics.
        "text.parse_math": False,
        "axes.unicode_minus": False,
        "svg.hashsalt": "newsstudy",
        "image.cmap": "Blues",
    }


@contextmanager
def style() -> Iterator[None]:
    """The house style, applied with :func:`matplotlib.pyplot.rc_context` (global rcParams untouched).

    >>> with style():
    ...     plt.rcParams["font.family"][:2]
    ['Noto Sans Arabic', 'DejaVu Sans']
    """
    with plt.rc_context(_rc()):
        yield


def save_figure(fig: Figure, name: str, *, directory: Path = FIGURES_DIR, dpi: int = 150) -> Path:
    """Write ``fig`` as ``<directory>/<name>.png`` with fixed metadata, so the bytes are reproducible.

    Parameters
    ----------
    fig : Figure
    name : str
        File name, with or without ``.png``.
    directory : Path, default ``paths.FIGURES_DIR``
        Created if missing.
    dpi : int, default 150

    Returns
    -------
    Path
        The file written.

    >>> import tempfile
    >>> fig, ax = source_bars(pd.DataFrame({"source_type": ["named_person"], "n": [3]}), by="source_type")
    >>> with tempfile.TemporaryDirectory() as d:
    ...     save_figure(fig, "demo", directory=Path(d)).name
    'demo.png'
    >>> plt.close(fig)
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / (name if name.endswith(".png") else f"{name}.png")
    with style():
        # "Software" would record the matplotlib version; no timestamp is written for PNG.
        fig.savefig(path, format="png", dpi=dpi, metadata={"Software": None})
    return path


# --------------------------------------------------------------------------- helpers


def _require(table: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{what} needs columns {list(columns)}; missing {missing}")


def _grid(n: int, ncols: int, panel: tuple[float, float]) -> tuple[Figure, np.ndarray]:
    ncols = max(1, min(ncols, n))
    nrows = max(1, math.ceil(n / ncols))
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(panel[0] * ncols, panel[1] * nrows), squeeze=False, layout="constrained"
    )
    for ax in axes.flat[n:]:
        ax.set_visible(False)
    return fig, axes


def _weight(value: float) -> str:
    """A weight as a bar's label: two decimals, or two significant digits below 0.1 (``0.012``).

    >>> _weight(0.25), _weight(0.0123), _weight(0.0)
    ('0.25', '0.012', '0.00')
    """
    return f"{value:.2f}" if abs(value) >= 0.1 or value == 0 else f"{value:.2g}"


def _hbars(ax: Axes, labels: Sequence[str], values: Sequence[float], *, fmt: str | None = None) -> None:
    """Horizontal bars, first label on top, each value printed at its end (``fmt``, else :func:`_weight`)."""
    y = np.arange(len(labels))
    ax.barh(y, values, color=_BAR_COLOUR, height=0.7)
    ax.set_yticks(y, [_label(t) for t in labels])
    ax.invert_yaxis()
    top = max([float(v) for v in values] + [0.0])
    for yi, v in zip(y, values, strict=True):
        label = fmt.format(v) if fmt is not None else _weight(float(v))
        ax.text(float(v) + top * 0.01, yi, label, va="center", ha="left", fontsize=8)
    ax.set_xlim(0, top * 1.15 if top > 0 else 1)
    ax.tick_params(axis="y", length=0)


# --------------------------------------------------------------------------- figures


def line_label_bars(
    label_counts: pd.DataFrame,
    *,
    doc_labels: pd.Series | dict | None = None,
    title: str | None = "Line labels per document",
    width: int = 40,
) -> tuple[Figure, Axes]:
    """Stacked horizontal bars: how many raw lines of each document got each label.

    Parameters
    ----------
    label_counts : DataFrame
        Columns ``doc_id``, ``label``, ``n_lines`` (e.g.
        ``lines.groupby(["doc_id", "label"]).size().rename("n_lines").reset_index()``).
    doc_labels : Series or dict, optional
        Text shown for each doc_id (e.g. a short headline); default the doc_id.
        Shortened to ``width`` characters.
    title : str or None
    width : int, default 40

    Returns
    -------
    (Figure, Axes)

    >>> t = pd.DataFrame(
    ...     {"doc_id": ["a", "a", "b"], "label": ["headline", "content", "nav"], "n_lines": [1, 5, 2]})
    >>> fig, ax = line_label_bars(t)
    >>> [tl.get_text() for tl in ax.get_yticklabels()]
    ['a', 'b']
    >>> plt.close(fig)
    """
    _require(label_counts, ["doc_id", "label", "n_lines"], "line_label_bars")
    wide = label_counts.pivot_table(
        index="doc_id", columns="label", values="n_lines", aggfunc="sum", fill_value=0, sort=True
    )
    order = [lab for lab in LINE_LABELS if lab in wide.columns]
    order += sorted(c for c in wide.columns if c not in LINE_LABELS)
    wide = wide[order]
    names = dict(doc_labels) if doc_labels is not None else {}
    ticks = [_label(names.get(d, d), width) for d in wide.index]
    with style():
        fig, ax = plt.subplots(figsize=(8, 0.45 * len(wide) + 1.6), layout="constrained")
        y = np.arange(len(wide))
        left = np.zeros(len(wide))
        for lab in order:
            vals = wide[lab].to_numpy(dtype=float)
            ax.barh(y, vals, left=left, height=0.7, label=lab, color=_LABEL_COLOURS.get(lab, _OTHER_COLOUR))
            left += vals
        ax.set_yticks(y, ticks)
        ax.invert_yaxis()
        ax.set_xlabel("raw lines")
        ax.tick_params(axis="y", length=0)
        fig.legend(ncols=min(5, len(order)), loc="outside lower center")
        if title:
            ax.set_title(_label(title))
    return fig, ax


def _square(table: pd.DataFrame, ids: Sequence[str] | None, value: str | None) -> pd.DataFrame:
    """A square doc × doc frame from a square frame or a tidy (doc_a, doc_b, value) table."""
    if {"doc_a", "doc_b"} <= set(table.columns):
        col = value or next(c for c in table.columns if c not in ("doc_a", "doc_b", "kind"))
        ids = list(ids) if ids is not None else sorted(set(table["doc_a"]) | set(table["doc_b"]))
        sq = pd.DataFrame(np.nan, index=ids, columns=ids)
        for a, b, v in zip(table["doc_a"], table["doc_b"], table[col], strict=True):
            if a in sq.index and b in sq.index:
                sq.loc[a, b] = sq.loc[b, a] = float(v)
        for d in ids:
            sq.loc[d, d] = 1.0
        return sq
    sq = table.copy()
    sq.index = sq.index.astype(str)
    sq.columns = sq.columns.astype(str)
    if ids is not None:
        sq = sq.reindex(index=list(ids), columns=list(ids))
    return sq


def _heatmap(ax: Axes, sq: pd.DataFrame, title: str, width: int) -> None:
    ax.set_title(_label(title))
    if sq.empty:  # a corpus of one document has no pair to compare
        ax.set_axis_off()
        ax.text(0.5, 0.5, "no pair of documents", ha="center", va="center", transform=ax.transAxes)
        return
    data = sq.to_numpy(dtype=float)
    im = ax.imshow(np.ma.masked_invalid(data), vmin=0, vmax=1, cmap="Blues")
    n = len(sq)
    ticks = [_label(d, width) for d in sq.index]
    ax.set_xticks(range(n), ticks, rotation=45, ha="right", rotation_mode="anchor")
    ax.set_yticks(range(n), ticks)
    ax.grid(False)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    for i in range(n):
        for j in range(n):
            v = data[i, j]
            text = "–" if np.isnan(v) else f"{v:.2f}"
            colour = "white" if not np.isnan(v) and v > 0.6 else "black"
            ax.text(j, i, text, ha="center", va="center", fontsize=8, color=colour)
    ax.figure.colorbar(im, ax=ax, shrink=0.7)


def similarity_heatmaps(
    cosine: pd.DataFrame,
    jaccard: pd.DataFrame,
    *,
    titles: tuple[str, str] = ("Cosine similarity (TF-IDF)", "Jaccard similarity (word 5-grams)"),
    jaccard_value: str | None = "jaccard",
    width: int = 25,
) -> tuple[Figure, np.ndarray]:
    """Two annotated document-by-document heatmaps side by side.

    Parameters
    ----------
    cosine : DataFrame
        Square, indexed by doc_id both ways (as :func:`newsstudy.topics.similarity` returns).
    jaccard : DataFrame
        Square like ``cosine``, or a tidy pair table with ``doc_a``, ``doc_b`` and
        a value column (``jaccard_value``; e.g. ``duplicates.duplicate_pairs``);
        pairs missing from a tidy table are shown as "–" (not measured), the
        diagonal as 1.
    titles : (str, str)
    jaccard_value : str or None, default "jaccard"
    width : int, default 25
        Tick labels are shortened to this many characters.

    Returns
    -------
    (Figure, ndarray of two Axes)

    >>> cos = pd.DataFrame([[1, 0.2], [0.2, 1]], index=["أ", "ب"], columns=["أ", "ب"])
    >>> pairs = pd.DataFrame({"doc_a": ["أ"], "doc_b": ["ب"], "jaccard": [0.9]})
    >>> fig, axes = similarity_heatmaps(cos, pairs)
    >>> len(axes), axes[1].texts[1].get_text()
    (2, '0.90')
    >>> plt.close(fig)
    """
    cos = _square(cosine, None, None)
    ids = list(cos.index)
    jac = _square(jaccard, ids, jaccard_value)
    n = len(ids)
    side = max(3.2, 0.55 * n + 1.8)
    with style():
        fig, axes = plt.subplots(1, 2, figsize=(2 * side + 1.2, side), layout="constrained")
        _heatmap(axes[0], cos, titles[0], width)
        _heatmap(axes[1], jac, titles[1], width)
    return fig, axes


def source_bars(
    counts: pd.DataFrame,
    by: str = "source_type",
    *,
    value: str = "n",
    title: str | None = None,
    xlabel: str = "attributions",
) -> tuple[Figure, Axes]:
    """Horizontal bars of counts per category, largest on top.

    Parameters
    ----------
    counts : DataFrame
        A category column ``by`` and a count column ``value``; repeated
        categories are summed. Categories may be Arabic or English.
    by : str, default "source_type"
    value : str, default "n"
    title : str or None
    xlabel : str, default "attributions"

    Returns
    -------
    (Figure, Axes)

    >>> c = pd.DataFrame({"source_type": ["مصدر مطلع", "named_person"], "n": [2, 5]})
    >>> fig, ax = source_bars(c)
    >>> [float(b.get_width()) for b in ax.patches]
    [5.0, 2.0]
    >>> plt.close(fig)
    """
    _require(counts, [by, value], "source_bars")
    totals = counts.groupby(counts[by].astype(str), sort=False)[value].sum().reset_index()
    totals = totals.sort_values([value, by], ascending=[False, True], kind="mergesort")
    labels = totals[by].tolist()
    with style():
        fig, ax = plt.subplots(figsize=(7, 0.4 * len(labels) + 1.4), layout="constrained")
        _hbars(ax, labels, totals[value].astype(float).tolist(), fmt="{:.0f}")
        ax.set_xlabel(_label(xlabel))
        ax.set_title(_label(title if title is not None else f"Attributions by {by}"))
    return fig, ax


#: Colours of the categories of :func:`share_bars` (qualitative, colour-blind safe: Okabe-Ito), in order.
_CATEGORY_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
#: Categories :func:`share_bars` draws apart; the rest are pooled as one.
MAX_CATEGORIES = len(_CATEGORY_COLOURS)
_OTHER_CATEGORY = "(other)"


def share_bars(
    counts: pd.DataFrame,
    *,
    group: str,
    by: str,
    value: str = "n",
    groups: Sequence[str] | None = None,
    colours: Mapping[str, str] | None = None,
    title: str | None = None,
    xlabel: str = "share of the attributions (their number at the right)",
    width: int = 30,
) -> tuple[Figure, Axes]:
    """100 %-stacked horizontal bars: each group's counts as shares of its total, one bar per group.

    For a corpus's attributions per outlet by source type or affiliation. Categories are stacked
    in the order of their overall counts (largest first; ties by name); beyond
    :data:`MAX_CATEGORIES` the smallest are pooled as ``"(other)"``. Each bar is labelled with its
    total, so a share of few attributions reads as such. The cost is bounded by the groups and
    categories, not by the rows behind them.

    Parameters
    ----------
    counts : DataFrame
        Columns ``group``, ``by`` and ``value``; repeated pairs are summed.
    group, by : str
        The column of the bars (e.g. ``outlet``) and of the stacked categories.
    value : str, default "n"
    groups : sequence of str, optional
        The bars, top to bottom (default: every group, by name). Groups absent from ``counts``
        are drawn empty with a total of 0.
    colours : mapping of str to str, optional
        A colour for each category, in the stacking order (categories it lacks follow, by name):
        every category is then drawn apart, none pooled. Default: the largest first, in
        colour-blind-safe colours.
    title : str or None
    xlabel : str
    width : int, default 30
        Longest group label (characters).

    Returns
    -------
    (Figure, Axes)

    >>> c = pd.DataFrame({"outlet": ["X", "X", "Y"], "source_type": ["a", "b", "a"], "n": [3, 1, 2]})
    >>> fig, ax = share_bars(c, group="outlet", by="source_type")
    >>> [round(float(b.get_width()), 2) for b in ax.patches]
    [0.75, 1.0, 0.25, 0.0]
    >>> plt.close(fig)
    """
    _require(counts, [group, by, value], "share_bars")
    wide = counts.pivot_table(index=group, columns=by, values=value, aggfunc="sum", fill_value=0, sort=True)
    wide.columns = wide.columns.astype(str)
    totals = wide.sum(axis=0)
    if colours is not None:
        order = [c for c in colours if c in wide.columns] + sorted(
            c for c in wide.columns if c not in colours
        )
        palette = [colours.get(c, _OTHER_COLOUR) for c in order]
    else:
        order = sorted(wide.columns, key=lambda c: (-totals[c], c))
        palette = list(_CATEGORY_COLOURS)
    if colours is None and len(order) > MAX_CATEGORIES:
        kept, rest = order[: MAX_CATEGORIES - 1], order[MAX_CATEGORIES - 1 :]
        wide = wide[kept].assign(**{_OTHER_CATEGORY: wide[rest].sum(axis=1)})
        order = [*kept, _OTHER_CATEGORY]
    rows = list(groups) if groups is not None else sorted(map(str, wide.index))
    wide = wide.reindex(index=rows, columns=order, fill_value=0).astype(float)
    n = wide.sum(axis=1).to_numpy()
    shares = wide.div(np.where(n > 0, n, 1.0), axis=0)
    with style():
        fig, ax = plt.subplots(figsize=(8.5, 0.42 * len(rows) + 2.0), layout="constrained")
        y = np.arange(len(rows))
        left = np.zeros(len(rows))
        for colour, cat in zip(palette, order, strict=False):
            vals = shares[cat].to_numpy()
            ax.barh(y, vals, left=left, height=0.7, label=_label(cat), color=colour)
            left += vals
        for yi, total in zip(y, n, strict=True):
            ax.text(
                1.01,
                yi,
                f"{total:,.0f}",
                va="center",
                ha="left",
                fontsize=8,
                transform=ax.get_yaxis_transform(),
            )
        ax.set_yticks(y, [_label(g, width) for g in rows])
        ax.invert_yaxis()
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_xlabel(_label(xlabel))
        ax.tick_params(axis="y", length=0)
        fig.legend(ncols=min(4, len(order)), loc="outside lower center")
        if title:
            ax.set_title(_label(title))
    return fig, ax


def anonymous_share_bars(
    shares: pd.DataFrame,
    *,
    label: str | None = None,
    value: str = "share",
    title: str | None = "Share of attributions to anonymous sources",
    width: int = 40,
) -> tuple[Figure, Axes]:
    """Horizontal bars of a share (0–1) per document or group, as percentages.

    Parameters
    ----------
    shares : DataFrame
        A label column (``label``; default ``"label"`` if present, else
        ``"doc_id"``) and ``value`` (a share between 0 and 1). Rows keep their
        order, first on top.
    label : str or None
    value : str, default "share"
    title : str or None
    width : int, default 40

    Returns
    -------
    (Figure, Axes)

    >>> s = pd.DataFrame({"doc_id": ["a", "b"], "share": [0.25, 0.5]})
    >>> fig, ax = anonymous_share_bars(s)
    >>> [t.get_text() for t in ax.texts]
    ['25%', '50%']
    >>> plt.close(fig)
    """
    label = label or ("label" if "label" in shares.columns else "doc_id")
    _require(shares, [label, value], "anonymous_share_bars")
    labels = [_label(v, width) for v in shares[label]]
    values = shares[value].astype(float).fillna(0.0).tolist()
    with style():
        fig, ax = plt.subplots(figsize=(7, 0.4 * len(labels) + 1.4), layout="constrained")
        y = np.arange(len(labels))
        ax.barh(y, values, color=_BAR_COLOUR, height=0.7)
        ax.set_yticks(y, labels)
        ax.invert_yaxis()
        ax.tick_params(axis="y", length=0)
        for yi, v in zip(y, values, strict=True):
            ax.text(v + 0.01, yi, f"{v:.0%}", va="center", ha="left", fontsize=8)
        ax.set_xlim(0, 1.08)
        ax.xaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))
        if title:
            ax.set_title(_label(title))
    return fig, ax


def _small_multiples(
    table: pd.DataFrame,
    panel_col: str,
    n: int,
    value: str,
    ncols: int,
    panel_title,
) -> tuple[Figure, np.ndarray]:
    _require(table, [panel_col, "rank", "term", value], "small multiples")
    panels = sorted(table[panel_col].unique().tolist())
    with style():
        fig, axes = _grid(len(panels), ncols, (3.2, 0.28 * n + 1.0))
        for ax, key in zip(axes.flat, panels, strict=False):
            sub = table.loc[table[panel_col] == key].sort_values("rank", kind="mergesort").head(n)
            _hbars(ax, sub["term"].tolist(), sub[value].astype(float).tolist())
            ax.set_title(panel_title(key))
            ax.tick_params(axis="x", labelsize=7)
    return fig, axes


def top_terms_bars(
    top_terms: pd.DataFrame, n: int = 10, *, ncols: int = 3, value: str = "weight", width: int = 30
) -> tuple[Figure, np.ndarray]:
    """Small multiples: each document's top TF-IDF terms as horizontal bars.

    Parameters
    ----------
    top_terms : DataFrame
        Columns ``doc_id``, ``rank``, ``term``, ``weight`` (as
        :func:`newsstudy.topics.top_terms` returns).
    n : int, default 10
        Terms per panel.
    ncols : int, default 3
    value : str, default "weight"
    width : int, default 30
        Panel titles (doc ids) are shortened to this many characters.

    Returns
    -------
    (Figure, ndarray of Axes)

    >>> t = pd.DataFrame(
    ...     {"doc_id": ["a", "a"], "rank": [1, 2], "term": ["النفط", "سعر"], "weight": [0.8, 0.6]})
    >>> fig, axes = top_terms_bars(t)
    >>> axes.shape, axes[0, 0].get_title()
    ((1, 1), 'a')
    >>> plt.close(fig)
    """
    return _small_multiples(top_terms, "doc_id", n, value, ncols, lambda d: _label(d, width))


def topic_bars(
    topic_terms: pd.DataFrame, n: int = 10, *, ncols: int = 4, value: str = "weight"
) -> tuple[Figure, np.ndarray]:
    """Small multiples: each topic's top terms as horizontal bars.

    Parameters
    ----------
    topic_terms : DataFrame
        Columns ``topic``, ``rank``, ``term``, ``weight`` (as
        ``newsstudy.topics.topics(...).topic_terms``).
    n : int, default 10
    ncols : int, default 4
    value : str, default "weight"

    Returns
    -------
    (Figure, ndarray of Axes)

    >>> t = pd.DataFrame({"topic": [0, 1], "rank": [1, 1], "term": ["مباراه", "النفط"], "weight": [0.5, 0.4]})
    >>> fig, axes = topic_bars(t)
    >>> [ax.get_title() for ax in axes.flat]
    ['Topic 0', 'Topic 1']
    >>> plt.close(fig)
    """
    return _small_multiples(topic_terms, "topic", n, value, ncols, lambda t: f"Topic {t}")


#: Lines drawn at most by :func:`share_over_time` (the outlets with most attributions).
MAX_LINES = 8


def share_over_time(
    table: pd.DataFrame,
    *,
    group: str = "outlet",
    period: str = "month",
    value: str = "share",
    weight: str = "attributions",
    title: str | None = "Share of attributions to anonymous sources, per month",
    max_lines: int = MAX_LINES,
    min_weight: int = 20,
) -> tuple[Figure, Axes]:
    """One line per group (the ``max_lines`` with most ``weight``) of a monthly share (0–1) over time.

    ``period`` holds months as ``YYYY-MM`` (``undated`` rows are left out). A
    point is drawn where the group has at least ``min_weight`` (attributions)
    that month, so a share of one or two attributions does not read as a
    trend; months without a point are gaps in the line, on a time axis from the
    first month drawn to the last. The cost is bounded: at most ``max_lines``
    lines, one point per month.

    >>> t = pd.DataFrame({"outlet": ["X", "X", "Y"], "month": ["2024-01", "2024-03", "2024-01"],
    ...                   "share": [0.5, 0.25, 1.0], "attributions": [40, 40, 30]})
    >>> fig, ax = share_over_time(t)
    >>> [(line.get_label(), len(line.get_xdata())) for line in ax.get_lines()]
    [('X', 3), ('Y', 3)]
    >>> plt.close(fig)
    """
    _require(table, [group, period, value, weight], "share_over_time")
    dated = table[(table[period].astype(str) != "undated") & (table[weight] >= min_weight)]
    totals = dated.groupby(group, sort=True)[weight].sum()
    kept = sorted(totals.index, key=lambda g: (-totals[g], str(g)))[:max_lines]
    dated = dated[dated[group].isin(kept)]
    months = pd.PeriodIndex(dated[period].astype(str), freq="M")
    with style():
        fig, ax = plt.subplots(figsize=(8, 4.2), layout="constrained")
        if len(months):
            axis = pd.period_range(months.min(), months.max(), freq="M")
            x = axis.to_timestamp()
            for name in kept:
                rows = dated[dated[group] == name]
                share = pd.Series(rows[value].astype(float).to_numpy(), index=months[dated[group] == name])
                ax.plot(x, share.reindex(axis).to_numpy(), marker="o", markersize=3, linewidth=1.4,
                        label=_label(name, 30))  # fmt: skip
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8)
        else:
            ax.text(0.5, 0.5, f"no month with {min_weight} dated attributions", ha="center", va="center",
                    transform=ax.transAxes)  # fmt: skip
            ax.set_xticks([])  # no month to place on the axis
        # From 0 to a little above the largest share drawn: shares of a tenth are not squeezed at the
        # bottom of a 0-100 % axis.
        top = float(dated[value].astype(float).max()) if len(dated) else 1.0
        ax.set_ylim(0, min(1.02, max(0.1, 1.15 * top)))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10]))  # 5 %, 10 %: whole percents
        ax.yaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))
        if title:
            ax.set_title(_label(title))
    return fig, ax


def flow_heatmap(
    matrix: pd.DataFrame,
    *,
    title: str | None = "Reused passages: from the column outlet (published first) to the row outlet",
    width: int = 25,
) -> tuple[Figure, Axes]:
    """An annotated heatmap of counts, row × column (a directed flow: column → row).

    Colours are on a log scale (counts span orders of magnitude); each cell
    prints its count. ``matrix`` should be small (outlets, not documents).

    >>> m = pd.DataFrame([[0, 3], [12, 1]], index=["X", "Y"], columns=["X", "Y"])
    >>> fig, ax = flow_heatmap(m)
    >>> sorted(t.get_text() for t in ax.texts)
    ['0', '1', '12', '3']
    >>> plt.close(fig)
    """
    from matplotlib.colors import LogNorm

    data = matrix.to_numpy(dtype=float)
    n_rows, n_cols = data.shape
    with style():
        fig, ax = plt.subplots(
            figsize=(max(4.0, 0.55 * n_cols + 2.6), max(3.2, 0.45 * n_rows + 1.8)), layout="constrained"
        )
        top = float(np.nanmax(data)) if data.size else 0.0
        masked = np.ma.masked_less_equal(data, 0)
        im = ax.imshow(masked, cmap="Blues", norm=LogNorm(vmin=1, vmax=max(top, 10.0)), aspect="auto")
        ax.set_xticks(range(n_cols), [_label(c, width) for c in matrix.columns], rotation=45, ha="right",
                      rotation_mode="anchor")  # fmt: skip
        ax.set_yticks(range(n_rows), [_label(r, width) for r in matrix.index])
        ax.set_xlabel(_label(matrix.columns.name or "from"))
        ax.set_ylabel(_label(matrix.index.name or "to"))
        ax.grid(False)
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        for i in range(n_rows):
            for j in range(n_cols):
                v = data[i, j]
                colour = (
                    "white" if v > 0 and np.log10(max(v, 1)) > 0.6 * np.log10(max(top, 10.0)) else "black"
                )
                ax.text(j, i, f"{v:,.0f}", ha="center", va="center", fontsize=7, color=colour)
        if title:
            ax.set_title(_label(title))
        if top > 0:
            fig.colorbar(im, ax=ax, shrink=0.7, format=FuncFormatter(lambda v, _: f"{v:,.0f}"))
    return fig, ax
