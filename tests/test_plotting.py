"""Tests for newsstudy.plotting: Arabic really renders right-to-left and joined; stable PNG bytes."""

from __future__ import annotations

import warnings

import arabic_reshaper
import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from bidi import get_display
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from newsstudy import plotting
from newsstudy.plotting import ar

mpl.use("Agg")

NATIVE = plotting.native_arabic_shaping()


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _arabic_font():
    path = font_manager.findfont(
        font_manager.FontProperties(family=plotting.ARABIC_FONT), fallback_to_default=False
    )
    font = font_manager.get_font(path)
    font.set_size(24, 72)
    return font


def _render(text: str) -> np.ndarray:
    """Grey-scale pixels of ``text`` drawn alone with the house style (ink = high values)."""
    with plotting.style():
        fig = Figure(figsize=(3, 0.8), dpi=100)
        FigureCanvasAgg(fig)
        fig.text(0.05, 0.3, text, fontsize=24)
        fig.canvas.draw()
        rgba = np.asarray(fig.canvas.buffer_rgba())
    return 255 - rgba[..., :3].mean(axis=2)


# ---------------------------------------------------------------------------- real rendering


def test_bundled_font_is_registered_and_covers_latin():
    assert plotting.FONT_REGISTERED
    font = _arabic_font()
    assert font.family_name == plotting.ARABIC_FONT
    charmap = font.get_charmap()
    assert all(ord(c) in charmap for c in "قالمسؤول ABCxyz 0123456789 .,:;()%-–…«»")


@pytest.mark.skipif(not NATIVE, reason="this matplotlib does not shape Arabic itself")
def test_layout_is_right_to_left_and_joined():
    from matplotlib._text_helpers import layout

    font = _arabic_font()
    items = list(layout("قال", font))
    x = {}
    for it in items:
        x.setdefault(it.char, []).append(it.x)
    # visual order: the first logical letter (ق) is right of the last one (ل)
    assert min(x["ق"]) > max(x["ا"]) > max(x["ل"])
    # joined forms: ق takes its initial form and ا its final form; ا never joins
    # to the following letter, so ل stays isolated (shaping, not just substitution)
    isolated = {c: {it.glyph_index for it in layout(c, font)} for c in "قال"}
    shaped = {c: {it.glyph_index for it in items if it.char == c} for c in "قال"}
    assert shaped["ق"] != isolated["ق"]
    assert shaped["ا"] != isolated["ا"]
    assert shaped["ل"] == isolated["ل"]


@pytest.mark.skipif(not NATIVE, reason="this matplotlib does not shape Arabic itself")
def test_rendered_pixels_match_shaped_logical_text_not_double_reversed():
    """Native rendering of plain Arabic equals rendering of pre-shaped (not reordered) text,
    and differs from the reshaped + bidi-reordered string, which matplotlib would print reversed."""
    text = "قال مسؤول"
    native = _render(ar(text))
    shaped_only = _render(arabic_reshaper.reshape(text))
    double = _render(get_display(arabic_reshaper.reshape(text)))
    assert native.sum() > 1000  # something was drawn
    assert np.abs(native - shaped_only).mean() < 0.5
    assert np.abs(native - double).mean() > 2.0


@pytest.mark.skipif(not NATIVE, reason="this matplotlib does not shape Arabic itself")
def test_first_logical_letter_is_inked_on_the_right():
    # ـ-free word whose first letter (ك, tall) and last (ن, below the line) ink different rows
    img = _render("كن")
    cols = np.flatnonzero(img.sum(axis=0) > 0)
    left, right = cols.min(), cols.max()
    mid = (left + right) / 2
    rows_top = slice(0, img.shape[0] // 2 - 2)
    top_ink = img[rows_top].sum(axis=0)
    # the tall ascender of ك lies in the right half
    assert top_ink[int(mid) :].sum() > top_ink[: int(mid)].sum()


def test_no_missing_glyph_warnings_for_mixed_labels():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _render(ar("قال مسؤول لـ CNN في 2024: «نص» – ١٢٣ …"))


# ---------------------------------------------------------------------------- ar()


def test_ar_native_branch_returns_text_unchanged(monkeypatch):
    monkeypatch.setattr(plotting, "native_arabic_shaping", lambda: True)
    assert ar("قال مسؤول") == "قال مسؤول"
    assert ar("CNN: قال", direction="rtl") == "\u200fCNN: قال"
    assert ar("قال", direction="ltr") == "\u200eقال"
    assert ar("Reuters", direction="rtl") == "Reuters"


def test_ar_fallback_branch_reshapes_and_reorders(monkeypatch):
    monkeypatch.setattr(plotting, "native_arabic_shaping", lambda: False)
    out = ar("قال")
    assert out == "\ufedd\ufe8e\ufed7"  # ل final, ا final, ق initial: joined forms, visual order
    assert ar("قال مسؤول") == get_display(arabic_reshaper.reshape("قال مسؤول"))
    assert ar("Reuters") == "Reuters"


@pytest.mark.parametrize("native", [True, False])
def test_ar_terminal_always_reshapes(monkeypatch, native):
    monkeypatch.setattr(plotting, "native_arabic_shaping", lambda: native)
    assert ar("قال", target="terminal") == "\ufedd\ufe8e\ufed7"
    with pytest.raises(ValueError, match="target"):
        ar("قال", target="html")


def test_detection_is_false_without_libraqm_layout(monkeypatch):
    """A matplotlib that lays text out left to right with isolated glyphs is detected as not native."""
    import matplotlib._text_helpers as th

    real = th.layout

    def ltr_isolated(string, font, **kwargs):
        x = 0.0
        for ch in string:
            item = next(iter(real(ch, font)))
            yield type("Item", (), {"char": ch, "glyph_index": item.glyph_index, "x": x})()
            x += 10.0

    monkeypatch.setattr(th, "layout", ltr_isolated)
    assert plotting.native_arabic_shaping.__wrapped__() is False

    def broken(*args, **kwargs):
        raise AttributeError("no _layout")

    monkeypatch.setattr(th, "layout", broken)
    assert plotting.native_arabic_shaping.__wrapped__() is False


def test_detection_matches_this_matplotlib():
    from packaging.version import Version

    if Version(mpl.__version__) >= Version("3.11"):
        assert plotting.native_arabic_shaping.__wrapped__() is True


# ---------------------------------------------------------------------------- style and saving


def test_style_is_scoped():
    before = list(mpl.rcParams["font.family"])
    with plotting.style():
        assert mpl.rcParams["font.family"][:2] == plotting.FONT_FAMILY
        assert mpl.rcParams["text.parse_math"] is False
    assert list(mpl.rcParams["font.family"]) == before


def test_save_figure_bytes_are_reproducible(tmp_path):
    counts = pd.DataFrame({"source_type": ["مسؤول أميركي", "named_person"], "n": [3, 5]})
    fig, _ = plotting.source_bars(counts)
    first = plotting.save_figure(fig, "a", directory=tmp_path).read_bytes()
    second = plotting.save_figure(fig, "b.png", directory=tmp_path / "sub").read_bytes()
    assert first == second
    assert first[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"matplotlib" not in first.lower()  # no Software chunk naming the version
    fig2, _ = plotting.source_bars(counts)
    assert plotting.save_figure(fig2, "c", directory=tmp_path).read_bytes() == first


# ---------------------------------------------------------------------------- figure functions


def _ticks(ax, axis="y"):
    labels = ax.get_yticklabels() if axis == "y" else ax.get_xticklabels()
    return [t.get_text() for t in labels]


def _as_drawn(text):
    return plotting._label(text)


def test_line_label_bars():
    counts = pd.DataFrame(
        {
            "doc_id": ["d2", "d1", "d1", "d1"],
            "label": ["content", "headline", "content", "nav"],
            "n_lines": [4, 1, 6, 2],
        }
    )
    names = {"d1": "CNN: وقف إطلاق النار في غزة بعد مفاوضات طويلة في الدوحة"}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig, ax = plotting.line_label_bars(counts, doc_labels=names, width=20)
        fig.canvas.draw()
    ticks = _ticks(ax)
    assert len(ticks) == 2 and ticks[1] == "d2"
    assert ticks[0].endswith("…") and len(ticks[0].lstrip("\u200f")) == 20
    if NATIVE:
        assert ticks[0].startswith("\u200fCNN:")  # mostly Arabic: laid out right to left
    # stacked: d1's bars end at 1, 7, 9
    widths = sorted(p.get_x() + p.get_width() for p in ax.patches if p.get_y() < 0.5)
    assert widths[-3:] == [1.0, 7.0, 9.0]


def test_similarity_heatmaps_square_and_pairs():
    ids = ["أمد", "موقع 24", "alhurra"]
    cos = pd.DataFrame(np.eye(3) + 0.1 * (1 - np.eye(3)), index=ids, columns=ids)
    pairs = pd.DataFrame({"doc_a": ["أمد"], "doc_b": ["موقع 24"], "jaccard": [0.85]})
    fig, axes = plotting.similarity_heatmaps(cos, pairs)
    fig.canvas.draw()
    assert len(axes) == 2
    assert _ticks(axes[0]) == [_as_drawn(i) for i in ids]
    texts = [t.get_text() for t in axes[1].texts]
    assert texts == ["1.00", "0.85", "–", "0.85", "1.00", "–", "–", "–", "1.00"]
    assert [t.get_text() for t in axes[0].texts][1] == "0.10"


def test_source_bars_sorted_and_mixed_scripts():
    counts = pd.DataFrame({"outlet": ["رويترز", "Axios", "رويترز", "الجزيرة"], "n": [2, 3, 2, 1]})
    _, ax = plotting.source_bars(counts, by="outlet")
    assert _ticks(ax) == [_as_drawn("رويترز"), "Axios", _as_drawn("الجزيرة")]
    assert [float(p.get_width()) for p in ax.patches] == [4.0, 3.0, 1.0]


def test_share_bars_are_shares_per_group_with_the_smallest_categories_pooled():
    cats = [f"c{i}" for i in range(plotting.MAX_CATEGORIES + 2)]
    counts = pd.DataFrame(
        {
            "outlet": ["الأهرام"] * len(cats) + ["Axios"],
            "source_type": [*cats, "c0"],
            "n": [*range(len(cats), 0, -1), 4],
        }
    )
    fig, ax = plotting.share_bars(counts, group="outlet", by="source_type", groups=["الأهرام", "Axios", "X"])
    assert _ticks(ax) == [_as_drawn("الأهرام"), "Axios", "X"]  # the order given; X has no row: empty
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert len(legend) == plotting.MAX_CATEGORIES and legend[-1] == "(other)" and legend[0] == "c0"
    widths = np.array([p.get_width() for p in ax.patches]).reshape(len(legend), 3)
    np.testing.assert_allclose(widths.sum(axis=0), [1.0, 1.0, 0.0])
    assert widths[0, 1] == 1.0  # Axios: all c0
    assert [t.get_text() for t in ax.texts] == [f"{sum(range(1, len(cats) + 1)):,}", "4", "0"]


def test_share_over_time_scales_to_the_shares_drawn_and_skips_thin_months():
    t = pd.DataFrame(
        {
            "outlet": ["الأهرام", "الأهرام", "الأهرام", "Axios"],
            "month": ["2024-01", "2024-02", "2024-04", "2024-01"],
            "share": [0.08, 0.9, 0.12, 0.05],
            "attributions": [40, 3, 25, 30],  # 2024-02: three attributions, not a point
        }
    )
    _, ax = plotting.share_over_time(t)
    assert ax.get_ylim() == pytest.approx((0, 1.15 * 0.12))
    ticks = [v for v in ax.get_yticks() if v <= ax.get_ylim()[1]]
    assert len(ticks) >= 3 and all(abs(v * 100 - round(v * 100)) < 1e-9 for v in ticks)  # whole percents
    ys = {line.get_label(): line.get_ydata() for line in ax.get_lines()}
    assert len(ys["Axios"]) == 4 and np.isnan(ys[_as_drawn("الأهرام")][1:3]).all()  # gaps, not 90 %


def test_anonymous_share_bars():
    shares = pd.DataFrame({"doc_id": ["أمد", "b"], "share": [0.5, None]})
    _, ax = plotting.anonymous_share_bars(shares)
    assert [t.get_text() for t in ax.texts] == ["50%", "0%"]
    assert _ticks(ax) == [_as_drawn("أمد"), "b"]


def test_top_terms_and_topic_bars_small_multiples():
    tt = pd.DataFrame(
        {
            "doc_id": ["أمد"] * 3 + ["b"] * 2 + ["c"],
            "rank": [1, 2, 3, 1, 2, 1],
            "term": ["المفاوضات", "حماس", "Biden", "النفط", "سعر", "الطقس"],
            "weight": [0.5, 0.4, 0.3, 0.6, 0.2, 0.9],
        }
    )
    _, axes = plotting.top_terms_bars(tt, n=2, ncols=2)
    assert axes.shape == (2, 2)
    assert not axes[1, 1].get_visible()
    assert [ax.get_title() for ax in axes.flat[:3]] == ["b", "c", _as_drawn("أمد")]
    assert _ticks(axes[1, 0]) == [_as_drawn("المفاوضات"), _as_drawn("حماس")]  # n=2 cuts Biden
    tp = tt.rename(columns={"doc_id": "topic"}).assign(topic=[0, 0, 0, 1, 1, 2])
    _, axes = plotting.topic_bars(tp)
    assert [ax.get_title() for ax in axes.flat] == ["Topic 0", "Topic 1", "Topic 2"]
    assert _ticks(axes[0, 0])[2] == "Biden"


def test_figure_functions_reject_missing_columns():
    with pytest.raises(ValueError, match="missing"):
        plotting.line_label_bars(pd.DataFrame({"doc_id": ["a"], "n_lines": [1]}))
    with pytest.raises(ValueError, match="missing"):
        plotting.source_bars(pd.DataFrame({"x": ["a"]}), by="x")
