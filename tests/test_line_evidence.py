"""Tests for newsstudy.line_evidence and the cleaner's corpus evidence (invented documents only)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pandas as pd

from newsstudy import clean, engines, line_evidence
from newsstudy.pipeline import StudyOptions

PLACES = [
    "قطر",
    "مصر",
    "تونس",
    "عمان",
    "ليبيا",
    "اليمن",
    "لبنان",
    "سوريا",
    "الأردن",
    "العراق",
    "الكويت",
    "البحرين",
]
TOPICS = ["المياه", "الطاقة", "التعليم", "الصحة", "النقل", "الزراعة", "السياحة", "التجارة"]
FOOTER = "تابعوا آخر أخبارنا عبر تطبيق الموقع"
BACKGROUND = (
    "ويذكر أن المحادثات بين الطرفين بدأت قبل عامين في العاصمة بوساطة إقليمية ودولية، "
    "ولم تسفر حتى الآن عن اتفاق نهائي."
)


def _article(i: int, *, tail: list[str] = ()) -> str:
    place, topic = PLACES[i % len(PLACES)], TOPICS[i // len(PLACES) % len(TOPICS)]
    lines = [
        f"{place} تستضيف محادثات حول {topic}",
        f"قال مسؤول في {place} إن المحادثات حول {topic} ستبدأ يوم الأربعاء في العاصمة بحضور وفود من عدة دول.",
        f"وأضاف أن الحكومة في {place} تأمل أن تنتهي المحادثات باتفاق على خطة لقطاع {topic} قبل نهاية العام.",
        *tail,
    ]
    return "\n".join(lines)


def _corpus(n: int, *, outlet: str = "site", with_footer: int = 0, tail=None) -> pd.DataFrame:
    texts = [_article(i, tail=[FOOTER] if i < with_footer else (tail or [])) for i in range(n)]
    return pd.DataFrame({"doc_id": [f"{outlet}/{i:02d}" for i in range(n)], "text": texts})


def _labels(docs: pd.DataFrame, evidence=None) -> pd.DataFrame:
    return clean.label_lines(docs, evidence=evidence).set_index(["doc_id", "line"])


def test_a_footer_in_six_documents_of_an_outlet_is_nav_with_its_count() -> None:
    docs = _corpus(12, with_footer=6)
    lines = _labels(docs, clean.corpus_evidence(docs))
    assert lines.loc[("site/00", 4), "label"] == "nav"
    assert lines.loc[("site/00", 4), "rule"] == "corpus:recurring_line(docs=6)"
    assert "corpus:recurring_line(docs=N)" in clean.RULES
    assert (lines.loc[lines["label"] != "nav", "label"].isin(["headline", "content"])).all()
    # Without evidence the footer is read as the other signals read it.
    assert _labels(docs).loc[("site/00", 4), "rule"] != "corpus:recurring_line(docs=6)"


def test_a_line_in_two_documents_is_not_furniture() -> None:
    docs = _corpus(12, with_footer=2)
    lines = _labels(docs, clean.corpus_evidence(docs))
    assert not lines["rule"].str.startswith("corpus:").any()
    pd.testing.assert_frame_equal(lines, _labels(docs))


def test_a_line_recurring_across_outlets_only_is_not_furniture() -> None:
    # Two documents in each of six outlets: twelve in all, never enough in one outlet.
    outlets = ("a", "b", "c", "d", "e", "f")
    docs = pd.DataFrame(
        {
            "doc_id": [f"{o}/{i:02d}" for k, o in enumerate(outlets) for i in (2 * k, 2 * k + 1)],
            "text": [_article(i, tail=[FOOTER]) for i in range(12)],
        }
    )
    lines = _labels(docs, clean.corpus_evidence(docs))
    assert not lines["rule"].str.startswith("corpus:recurring").any()
    # The same documents as one outlet: the footer is its template.
    one = docs.assign(doc_id=docs["doc_id"].str.replace(r"^\w/", "x/", regex=True) + docs.index.astype(str))
    assert _labels(one, clean.corpus_evidence(one))["rule"].str.startswith("corpus:recurring").sum() == 12


def test_a_line_in_every_page_of_a_small_outlet_is_its_template_but_not_a_paragraph() -> None:
    # Three pages of one outlet: a short line in all three is its template (min_docs 3); a paragraph of
    # running text in all three needs body_min_docs (5): a story's follow-ups share their background.
    texts = [_article(i, tail=[BACKGROUND, FOOTER]) for i in range(3)]
    docs = pd.DataFrame({"doc_id": [f"site/{i:02d}" for i in range(3)], "text": texts})
    lines = _labels(docs, clean.corpus_evidence(docs))
    assert lines.loc[("site/00", 5), "rule"] == "corpus:recurring_line(docs=3)"
    assert lines.loc[("site/00", 4), "label"] == "content"
    # In two pages the footer is not enough.
    two = _labels(docs.iloc[:2], clean.corpus_evidence(docs.iloc[:2]))
    assert not two["rule"].str.startswith("corpus:").any()


def test_body_text_needs_a_larger_share_of_the_outlet() -> None:
    # A background paragraph in 6 of 30 articles is content; the footer in the same 6 is the template.
    texts = [_article(i, tail=[BACKGROUND, FOOTER] if i < 6 else []) for i in range(30)]
    docs = pd.DataFrame({"doc_id": [f"d{i:02d}" for i in range(30)], "text": texts})
    lines = _labels(docs, clean.corpus_evidence(docs))
    assert lines.loc[("d00", 4), "label"] == "content"
    assert lines.loc[("d00", 5), "rule"] == "corpus:recurring_line(docs=6)"


def test_the_headline_of_another_document_is_related() -> None:
    docs = _corpus(4)
    other = _article(3).split("\n")[0]
    texts = docs["text"].tolist()
    texts[0] = texts[0] + "\n" + other
    docs = docs.assign(text=texts)
    lines = _labels(docs, clean.corpus_evidence(docs))
    assert lines.loc[("site/00", 4), "label"] == "related"
    assert lines.loc[("site/00", 4), "rule"] == "corpus:headline_of_other_document(docs=1)"
    assert (lines.xs(1, level="line")["label"] == "headline").all()  # each document's own headline stays


def test_outlets_column_folder_or_one() -> None:
    assert line_evidence.outlets(pd.DataFrame({"doc_id": ["x"], "Outlet": ["A"]})) == ["A"]
    frame = pd.DataFrame({"doc_id": ["p/q/1", "2"], "paper": ["P", None]})
    assert line_evidence.outlets(frame) == ["p", "all documents"]  # each document by its own id
    assert line_evidence.outlets(frame, "paper") == ["P", "unknown"]
    assert line_evidence.outlets(frame, "source") == ["unknown", "unknown"]  # the run says no column is there


def test_counts_do_not_depend_on_chunks_and_travel_compactly() -> None:
    docs = pd.concat([_corpus(12, with_footer=7), _corpus(5, outlet="b", with_footer=5)], ignore_index=True)
    whole = line_evidence.count_lines(docs)
    for size in (1, 4, 7):
        parts = [line_evidence.count_lines(docs.iloc[i : i + size]) for i in range(0, len(docs), size)]
        assert line_evidence.merge_counts(parts[::-1]) == whole
    evidence = line_evidence.CorpusEvidence.from_counts(whole)
    assert len(evidence.counts.keys) == 2  # only the footer of each outlet reaches min_docs
    again = pickle.loads(pickle.dumps(evidence))
    key = line_evidence.line_key(FOOTER)
    assert again.recurring("site", key) == 7 and again.recurring("b", key) == 5


def test_the_streaming_engine_counts_first_and_writes_what_run_in_process_gives(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    docs = pd.concat([_corpus(7, outlet="a", with_footer=6), _corpus(2, outlet="b", with_footer=2)])
    for doc_id, text in zip(docs["doc_id"], docs["text"], strict=True):
        path = corpus / f"{doc_id}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    options = StudyOptions(max_all_pairs=4)
    engines.run_streaming(corpus, tmp_path / "run", options, chunk_size=3, n_jobs=1)
    written = (tmp_path / "run" / "lines.csv").read_bytes()
    lines = engines.read_table(tmp_path / "run", "lines")
    footers = lines[lines["text"] == FOOTER]
    assert footers["rule"].tolist() == ["corpus:recurring_line(docs=6)"] * 6 + ["default:content"] * 2
    engines.run_streaming(corpus, tmp_path / "again", options, chunk_size=10, n_jobs=1)
    assert (tmp_path / "again" / "lines.csv").read_bytes() == written
    assert engines.count_lines([docs], StudyOptions(corpus_evidence=False)) is None


def test_chunks_labelled_with_the_engines_counts_give_the_whole_corpus_labels() -> None:
    docs = pd.concat([_corpus(12, with_footer=7), _corpus(6, outlet="b", with_footer=5)], ignore_index=True)
    whole = clean.label_lines(docs, evidence=clean.corpus_evidence(docs))
    chunks = [docs.iloc[i : i + 4] for i in range(0, len(docs), 4)]
    evidence = engines.count_lines(chunks)
    parts = pd.concat([clean.label_lines(c, evidence=evidence) for c in chunks], ignore_index=True)
    parts = parts.sort_values(["doc_id", "line"], ignore_index=True)
    pd.testing.assert_frame_equal(parts, whole)
    assert whole["rule"].str.startswith("corpus:recurring_line").sum() == 12


TEASERS = [
    "فاز فريق الهلال على منافسه النصر بثلاثة أهداف في المباراة التي أقيمت مساء الجمعة في الملعب الكبير.",
    "توقعت هيئة الأرصاد الجوية أن تشهد البلاد موجة من الأمطار الغزيرة خلال عطلة نهاية الأسبوع المقبل.",
]


def test_ledes_of_other_stories_ending_several_documents_are_related() -> None:
    # Six of forty articles end with the same two ledes of other stories (a "more news" box).
    texts = [_article(i, tail=TEASERS if i < 6 else []) for i in range(40)]
    docs = pd.DataFrame({"doc_id": [f"d{i:02d}" for i in range(40)], "text": texts})
    lines = _labels(docs, clean.corpus_evidence(docs))
    assert lines.loc[("d00", 4), "rule"] == lines.loc[("d00", 5), "rule"] == "corpus:recurring_teaser(docs=6)"
    assert (lines.loc[[("d00", 2), ("d00", 3)], "label"] == "content").all()
    assert not _labels(docs)["rule"].str.startswith("corpus:").any()


def test_the_shared_corpora_counts_are_kept_on_disk_and_read_back_equal(tmp_path, monkeypatch) -> None:
    """evaluation._corpus_counts: counted once, read back equal by the next process, recounted when
    the file is unreadable; the file is named by the corpora's bytes and the library's code."""
    from newsstudy import evaluation

    counted = []
    made = line_evidence.count_lines(
        pd.DataFrame({"doc_id": ["a", "b"], "text": ["خبر\nجميع الحقوق محفوظة", "نص\nجميع الحقوق محفوظة"],
                      "outlet": ["موقع ١", "site 2"]}),
        outlet_column="outlet",
    )  # fmt: skip
    monkeypatch.setattr(evaluation, "_count_corpora", lambda: counted.append(1) or made)
    monkeypatch.setattr(evaluation, "_counts_key", lambda: "key")
    monkeypatch.setenv("NEWSSTUDY_CACHE", str(tmp_path))
    first = evaluation._corpus_counts()
    again = evaluation._corpus_counts()
    assert first == made and again == made and again is not made and len(counted) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["corpus-counts-key.npz"]
    (tmp_path / "corpus-counts-key.npz").write_bytes(b"not an npz file")
    assert evaluation._corpus_counts() == made and len(counted) == 2
