"""Tests for newsstudy.pipeline and the corpus-level figures: nothing grows with the square of the corpus."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from newsstudy import figures, pipeline

STORIES = [
    "أعلنت وزارة الصحة في الخرطوم اليوم عن ارتفاع عدد الإصابات بالكوليرا في ولايات السودان الشرقية",
    "قال البنك المركزي المغربي إن معدل التضخم تراجع خلال الربع الأخير بفضل انخفاض أسعار الغذاء والطاقة",
    "فاز المنتخب التونسي على نظيره الليبي بهدفين نظيفين في المباراة الودية التي أقيمت على ملعب رادس",
    "اجتمع البرلمان اللبناني لانتخاب رئيس جديد للجمهورية بعد فراغ رئاسي استمر أكثر من عامين كاملين",
]


def _corpus(n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        story = STORIES[i % len(STORIES)]
        rows.append(
            {
                "doc_id": f"d{i:03d}",
                "outlet": f"outlet-{i % 3}",
                "text": f"{story} في تقرير رقم {i}\n{story.replace('اليوم', 'أمس')} وفق المصدر {i % 7}.",
            }
        )
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def corpus_tables() -> dict[str, pd.DataFrame]:
    """A corpus just too large to draw document by document."""
    return pipeline.run_study(_corpus(figures.MAX_DRAWN_DOCUMENTS + 10))


def test_small_corpus_lists_every_pair():
    tables = pipeline.run_study(_corpus(6))
    assert len(tables["similarity"]) == 6 * 5 // 2


def test_large_corpus_lists_nearest_neighbours_only():
    n = 80
    options = pipeline.StudyOptions(max_all_pairs=50, neighbours=3)
    tables = pipeline.run_study(_corpus(n), options)
    sim = tables["similarity"]
    assert list(sim.columns) == ["doc_a", "doc_b", "cosine", "jaccard"]
    assert 0 < len(sim) <= n * 3
    assert (sim["cosine"] >= options.min_cosine).all()
    assert (sim["doc_a"] < sim["doc_b"]).all()
    # The same documents with every pair listed agree on the listed pairs' values.
    full = pipeline.run_study(_corpus(n), pipeline.StudyOptions(max_all_pairs=n))["similarity"]
    merged = sim.merge(full, on=["doc_a", "doc_b"], suffixes=("", "_full"))
    assert len(merged) == len(sim)
    assert merged["cosine"].sub(merged["cosine_full"]).abs().max() < 1e-9
    assert merged["jaccard"].equals(merged["jaccard_full"])


@pytest.mark.parametrize("name", sorted({**figures.FIGURES, **figures.CORPUS_FIGURES}))
def test_corpus_figures_draw_one_artist_per_outlet_not_per_document(name, corpus_tables):
    tables = corpus_tables
    fig, _ = figures.study_figure(name, tables)
    try:
        n_artists = sum(len(ax.patches) + len(ax.texts) + len(ax.images) for ax in fig.axes)
        assert n_artists < 200
        labels = {t.get_text() for ax in fig.axes for t in ax.get_yticklabels()}
        assert not any(label.startswith("d0") for label in labels)  # no per-document bars
    finally:
        plt.close(fig)


@pytest.mark.parametrize("name", ["sources-by-type", "sources-by-affiliation"])
def test_corpus_source_figures_are_shares_per_outlet(name, corpus_tables):
    fig, ax = figures.study_figure(name, corpus_tables)
    try:
        assert [t.get_text() for t in ax.get_yticklabels()] == figures.largest_outlets(corpus_tables)
        widths = np.array([p.get_width() for p in ax.patches]).reshape(-1, 3)  # categories x outlets
        np.testing.assert_allclose(widths.sum(axis=0), 1.0)
        counted = corpus_tables["outlet_sources"].groupby("outlet")["n"].sum()
        totals = [int(t.get_text().replace(",", "")) for t in ax.texts]
        assert totals == [int(counted[o]) for o in figures.largest_outlets(corpus_tables)]
    finally:
        plt.close(fig)


def test_corpus_figures_read_only_the_views(tmp_path, corpus_tables):
    tables = corpus_tables
    names = figures.figure_tables(figures.MAX_DRAWN_DOCUMENTS + 10)
    assert not {"articles", "lines", "attributions", "documents", "similarity"} & set(names)
    written = figures.write_figures({name: tables[name] for name in names}, tmp_path)
    assert sorted(p.stem for p in written) == sorted({**figures.FIGURES, **figures.CORPUS_FIGURES})


def test_figures_drawn_in_a_process_pool_are_the_same_files(tmp_path, corpus_tables):
    from concurrent.futures import ProcessPoolExecutor

    names = figures.figure_tables(figures.MAX_DRAWN_DOCUMENTS + 10)
    tables = {name: corpus_tables[name] for name in names}
    here = figures.write_figures(tables, tmp_path / "here")
    with ProcessPoolExecutor(2) as pool:
        there = figures.write_figures(tables, tmp_path / "pool", executor=pool)
    assert [p.name for p in there] == [p.name for p in here]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(here, there, strict=True))


def test_largest_outlets_pool_the_rest():
    view = pd.DataFrame({"outlet": list("xxyzz"), "month": list("12111"), "documents": [1, 1, 1, 1, 1]})
    assert figures.largest_outlets({"outlet_anonymous": view}, limit=2) == ["x", "z"]
