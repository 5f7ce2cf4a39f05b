"""The cleaner's parameters (defaults, and the fitted thresholds of ``line_thresholds.json``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsstudy.clean.lexicons import _fitted
from newsstudy.line_evidence import CorpusEvidence


@dataclass(frozen=True)
class _Params:
    headline_max_words: int = 20
    related_max_words: int = 80
    chrome_max_words: int = 12
    form_max_words: int = 25
    credit_max_words: int = 15
    stamp_max_words: int = 12
    caption_max_words: int = 60
    unmarked_caption_max_words: int = 15
    boilerplate_max_words: int = 45
    body_min_words: int = 12
    subhead_min_overlap: float = 0.25
    appended_key_terms: int = 5
    appended_run: int = 3
    neighbour_window: int = 2
    stem_length: int = 5
    tweet_max_words: int = 60
    duplicate_min_words: int = 6
    title_min_jaccard: float = 0.8
    title_max_extra_stems: int = 4
    title_search_lines: int = 5
    injected_min_words: int = 5
    teaser_min_run: int = 2
    teaser_max_overlap: float = 0.3
    teaser_max_mean_overlap: float = 0.15
    teaser_day_words: int = 15
    # Line signals and context (fitted thresholds in data/clean/line_thresholds.json).
    context: bool = True
    line_model: bool = True  # the fitted line model's last pass (data/clean/line_model.json)
    good_min_words: int = field(default_factory=lambda: _fitted()["good_min_words"]["value"])
    good_min_density: float = field(default_factory=lambda: _fitted()["good_min_density"]["value"])
    long_min_words: int = field(default_factory=lambda: _fitted()["long_min_words"]["value"])
    tag_max_words: int = 4
    tag_min_run: int = 2
    tag_line_max_words: int = 30
    tag_line_min_items: int = 3
    tag_item_max_words: int = 3
    tag_line_max_function_share: float = 0.1
    timed_list_min_run: int = 2
    tail_headlines_min_run: int = 2
    tail_headlines_max_overlap: float = 0.25
    dateline_max_words: int = 8
    outside_key_terms: int = 8
    foreign_max_overlap: float = 0.1
    kicker_max_words: int = 2
    deck_max_lines: int = 2
    deck_max_lines_over_byline: int = 5
    byline_max_words: int = 8
    stamp_min_share: float = 0.6
    signature_max_words: int = 5
    short_block_lines: int = 5
    wrap_min_breaks: int = 3
    headline_list_max: int = 4
    about_tail_lines: int = 4
    about_min_words: int = 6
    scene_caption_max_words: int = 8
    byline_search_lines: int = 6
    bar_max_item_words: int = 8
    between_bars_max_words: int = 5
    dashed_bar_min_items: int = 5
    box_header_max_words: int = 6
    box_row_max_words: int = 14
    box_max_rows: int = 8


@dataclass(frozen=True)
class _Corpus:
    """The corpus evidence of one document: the counts and the document's outlet."""

    evidence: CorpusEvidence
    outlet: str
