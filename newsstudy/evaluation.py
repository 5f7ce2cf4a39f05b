"""Evaluation against hand-annotated gold: the sample of the shared corpora, its split, its scores.

Gold on ``../shared/corpora/arabic-news-dev.jsonl.gz`` (and on ANT) names ``doc_id`` and line
numbers only: no text of those corpora is in the repository (``arabic-news-dev.md``). The tests
read the texts from the corpus files through :func:`documents`, which loads them exactly as
``newsstudy run`` does (``corpus.load_corpus`` on JSON Lines), and skip with a clear message where
the files are absent.

The sample was drawn once, with a fixed seed, before any rule was written against it
(:func:`draw_sample`): per outlet (the dev corpus's ``outlet`` field, ANT's ``SRC``), a fixed
number of articles, no article looked at before drawing and none filtered out on its content.
Outlets are split into a **development** part and a **test** part by the SHA-1 of their name
(sorted, alternating), so the split depends on nothing but the names: rules are developed on the
development outlets only, and the test outlets are only scored.

Run ``python -m newsstudy.evaluation sample`` to print the sample, ``python -m
newsstudy.evaluation show DOC_ID`` to print one document's raw lines, numbered as the ``lines``
table numbers them (what the annotators read), ``python -m newsstudy.evaluation scores`` for the
scores (``development``: the supplement's and the fresh sample's; ``scores --evidence``: labelled
with the corpus evidence of both whole corpora, per outlet,
as a run over either corpus labels them; about half a minute, so not in the test suite).
:func:`line_scores` and :func:`attribution_scores` score the library on the sample, per
outlet and per part.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pandas as pd

from newsstudy import attribution, clean, line_evidence
from newsstudy.paths import GOLD_DIR, SHARED_DIR

CORPORA = SHARED_DIR / "corpora"

#: The ``corpus`` field of the gold files of this sample.
SAMPLE_CORPUS = "shared-sample"
#: The ``corpus`` field of the targeted development supplement: documents of development outlets
#: chosen for the kinds of lines the random sample lacks (``scripts/find_supplement_candidates.py``).
#: Not part of the random sample; never a test outlet's document.
SUPPLEMENT_CORPUS = "dev-supplement"
#: The ``corpus`` field of the fresh random samples of development-outlet documents, drawn and
#: annotated by hand *before* the rules of the generalisation work were written, so their scores
#: estimate how the rules transfer to documents nobody tuned on (within the development outlets):
#: line gold (``scripts/draw_fresh_sample.py``) and attribution gold (:func:`draw_fresh_dev_sample`).
#: Never a test outlet's document.
FRESH_CORPUS = "dev-fresh"
#: The ``corpus`` field of the invented benchmark: 32 pages of 8 fictitious outlets written by the team
#: in the shapes of modern Arabic news sites, with their page furniture (no corpus text), split by
#: outlet with :func:`split_of` like the sample (``tests/fixtures/invented/README.md``). Each invented
#: set is a folder ``tests/fixtures/<corpus>/`` with its ``pages.jsonl``, split over its own outlets.
INVENTED_CORPUS = "invented"
#: Every invented set, in the order they were written (a later set is written by someone who has not
#: read the rules developed on the earlier ones, so its test outlets are unseen by them too).
INVENTED_CORPORA = (
    "invented",
    "invented-2",
    "invented-3",
    "invented-4",
    "invented-5",
    "invented-6",
    "invented-7",
    "invented-8",
    "invented-9",
    "invented-10",
)
#: The ``corpus`` field of the second fresh random attribution sample (:func:`draw_fresh_dev_sample`
#: with ``seed=FRESH2_SEED``): drawn after the first had been used for rules, from the documents in no
#: gold file at all (the first fresh sample's included), and annotated before any rule change.
FRESH2_CORPUS = "dev-fresh2"
#: The ``corpus`` field of the third fresh random attribution sample (:func:`draw_fresh_dev_sample`
#: with ``seed=FRESH3_SEED``): drawn after the second had been used for rules, from the documents in no
#: gold file at all (both earlier fresh samples' included), and annotated before any scoring.
FRESH3_CORPUS = "dev-fresh3"
#: The ``corpus`` field of the line-model audit sample (``scripts/draw_audit_sample.py``): whole
#: development-outlet documents in which the line model may relabel a line, annotated by hand
#: without the library's labels, so that its fit and its held-out check see real pages' short lines
#: (verses, subheadings, bylines) and not the random sample's few. Drawn after every fresh sample:
#: no earlier draw excludes its documents. Never a test outlet's document.
AUDIT_CORPUS = "dev-audit"
DEV_CORPUS = CORPORA / "arabic-news-dev.jsonl.gz"
ANT_CORPUS = CORPORA / "ant-multisource-v2.1.jsonl.gz"

SEED = 20261201
#: Articles drawn per outlet: three from the four large sites, two from each national-press folder
#: and ANT outlet, one from an outlet with fewer than five articles.
PER_OUTLET_LARGE = 3
PER_OUTLET = 2
LARGE = 400


def _sha(name: str) -> str:
    return hashlib.sha1(name.encode("utf-8")).hexdigest()


def split_of(outlets: Iterable[str]) -> dict[str, str]:
    """``dev`` or ``test`` for each outlet: sorted by the SHA-1 of its name, alternating.

    >>> split_of(["a", "b", "c", "d"]) == {"a": "dev", "b": "test", "c": "test", "d": "dev"}
    True
    """
    names = sorted(set(outlets), key=_sha)
    return {name: ("dev" if i % 2 == 0 else "test") for i, name in enumerate(names)}


def _records(path: Path) -> Iterable[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


@cache
def _index() -> dict[str, tuple[str, dict]]:
    """Every record of both corpora by doc_id: (corpus, record)."""
    found: dict[str, tuple[str, dict]] = {}
    if DEV_CORPUS.exists():
        for rec in _records(DEV_CORPUS):
            found[rec["doc_id"]] = ("dev", rec)
    if ANT_CORPUS.exists():
        for rec in _records(ANT_CORPUS):
            found[rec["DOCNO"]] = ("ant", rec)
    return found


def outlet_of(corpus: str, record: dict) -> str:
    return record["outlet"] if corpus == "dev" else record["SRC"]


def draw_sample() -> pd.DataFrame:
    """The annotated sample: ``corpus``, ``doc_id``, ``outlet``, ``split`` (drawn once, seed fixed)."""
    by_outlet: dict[tuple[str, str], list[str]] = defaultdict(list)
    for doc_id, (corpus, rec) in _index().items():
        by_outlet[(corpus, outlet_of(corpus, rec))].append(doc_id)
    splits = split_of(outlet for _, outlet in by_outlet)
    rng = random.Random(SEED)
    rows = []
    for (corpus, outlet), ids in sorted(by_outlet.items()):
        ids = sorted(ids)
        if corpus == "dev" and len(ids) >= LARGE:
            k = PER_OUTLET_LARGE
        elif len(ids) < 5:
            k = 1
        else:
            k = PER_OUTLET
        for doc_id in rng.sample(ids, k):
            rows.append((corpus, doc_id, outlet, splits[outlet]))
    return pd.DataFrame(rows, columns=["corpus", "doc_id", "outlet", "split"])


#: Seed and limits of :func:`draw_fresh_dev_sample`.
FRESH_SEED = 20261202
FRESH2_SEED = 20261203
FRESH3_SEED = 20261204
FRESH_MAX_CHARS = 4000
#: The fresh attribution samples in the order they were drawn, with their seeds. Each one excludes the
#: documents of every gold file but its own and those of the samples drawn after it, so that drawing
#: any of them again gives the same documents.
FRESH_SAMPLES: dict[str, int] = {
    FRESH_CORPUS: FRESH_SEED,
    FRESH2_CORPUS: FRESH2_SEED,
    FRESH3_CORPUS: FRESH3_SEED,
}


def _gold_doc_ids(*, besides: str | Iterable[str] = FRESH_CORPUS) -> set[str]:
    """Every doc_id named by a gold file (lines or attributions) of any corpus but ``besides``.

    The fresh sample's own gold files are left out, so that drawing it again gives the same sample.
    """
    besides = {besides} if isinstance(besides, str) else set(besides)
    found = set()
    for kind in ("lines", "attributions"):
        for path in (GOLD_DIR / kind).glob("*.json"):
            rec = json.loads(path.read_text(encoding="utf-8"))
            if rec.get("corpus") not in besides:
                found.add(rec["doc_id"])
    return found


def _later_samples(seed: int) -> list[str]:
    """The gold corpora a fresh draw with ``seed`` must not see: its own, the later fresh samples and
    the audit sample (drawn after them all)."""
    names = list(FRESH_SAMPLES)
    own = [i for i, name in enumerate(names) if FRESH_SAMPLES[name] == seed]
    return [*names[own[0] :], AUDIT_CORPUS] if own else [AUDIT_CORPUS]


def draw_fresh_dev_sample(seed: int = FRESH_SEED, max_chars: int = FRESH_MAX_CHARS) -> pd.DataFrame:
    """A fresh random sample for attribution: one article per *development* outlet of either corpus.

    The outlets (dev corpus ``outlet``, ANT ``SRC``) that :func:`split_of` puts in ``dev`` and that
    have at least five articles (ten national-press folders and ANT's BBC, CNN and France 24);
    per outlet, sorted by doc_id, the articles that are in no other gold file and whose text is at
    most ``max_chars`` characters (a size cap so that one sitting's annotation covers thirteen
    outlets; nothing is filtered on content), of which ``random.Random(seed)`` picks one.
    Reproducible from the corpus files and the gold directory's doc_ids alone: ``python -m
    newsstudy.evaluation fresh [SEED]``. Columns as :func:`draw_sample`. The gold of the sample
    ``seed`` draws (:data:`FRESH_SAMPLES`) and of the samples drawn after it is not excluded; a
    second sample (``FRESH2_SEED``) therefore excludes the first, a third (``FRESH3_SEED``) both.
    """
    index = _index()
    by_outlet: dict[tuple[str, str], list[str]] = defaultdict(list)
    for doc_id, (corpus, rec) in index.items():
        by_outlet[(corpus, outlet_of(corpus, rec))].append(doc_id)
    splits = split_of(outlet for _, outlet in by_outlet)
    taken = _gold_doc_ids(besides=_later_samples(seed))
    rng = random.Random(seed)
    rows = []
    for (corpus, outlet), ids in sorted(by_outlet.items()):
        if splits[outlet] != "dev" or len(ids) < 5:
            continue
        text_field = "text" if corpus == "dev" else "TEXT"
        pool = sorted(d for d in ids if d not in taken and len(index[d][1][text_field]) <= max_chars)
        rows.append((corpus, rng.choice(pool), outlet, "dev"))
    return pd.DataFrame(rows, columns=["corpus", "doc_id", "outlet", "split"])


def documents(doc_ids: Iterable[str]) -> pd.DataFrame:
    """The ``documents`` table of these doc_ids, loaded as ``newsstudy run`` loads the corpus file.

    Dev-corpus records are read with ``text`` and ``doc_id`` (their other fields, ``title``
    among them, become columns); ANT records with ``TEXT`` and ``DOCNO``.
    """
    from newsstudy.corpus import load_corpus

    index = _index()
    wanted = sorted(set(doc_ids))
    missing = [d for d in wanted if d not in index]
    if missing:
        raise KeyError(f"not in the shared corpora: {missing[:5]}")
    frames = []
    for corpus, text_column, id_column in (("dev", "text", "doc_id"), ("ant", "TEXT", "DOCNO")):
        recs = [index[d][1] for d in wanted if index[d][0] == corpus]
        if not recs:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{corpus}.jsonl"
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
            frame = load_corpus(path, text_column=text_column, id_column=id_column)
        frames.append(frame.assign(corpus=corpus))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def available() -> bool:
    """Whether both shared corpora (the texts the gold points into) are on this machine."""
    return DEV_CORPUS.exists() and ANT_CORPUS.exists()


def skip_message() -> str:
    return f"the shared corpora are absent ({DEV_CORPUS.name}, {ANT_CORPUS.name} in {CORPORA})"


@cache
def sample_documents() -> pd.DataFrame:
    """The ``documents`` table of the whole annotated sample, with its ``sample_outlet`` and ``split``."""
    sample = draw_sample()
    docs = documents(sample["doc_id"])
    info = sample.set_index("doc_id")
    return docs.assign(
        sample_outlet=docs["doc_id"].map(info["outlet"]), split=docs["doc_id"].map(info["split"])
    )


def _gold_records(kind: str) -> list[dict]:
    return [
        rec
        for path in sorted((GOLD_DIR / kind).glob("*.json"))
        if (rec := json.loads(path.read_text(encoding="utf-8"))).get("corpus") == SAMPLE_CORPUS
    ]


def _outlets(split: str | None) -> pd.Series:
    docs = sample_documents()
    if split is not None:
        docs = docs[docs["split"] == split]
    return pd.Series(docs["sample_outlet"].to_numpy(), index=docs["doc_id"].astype(str).to_numpy())


@cache
def corpus_evidence() -> line_evidence.CorpusEvidence:
    """Corpus evidence counted over both whole corpora, per outlet (dev corpus: ``outlet``; ANT: ``SRC``).

    What a researcher running the study on either corpus would have: the sample's documents
    are labelled with the counts of their own corpus and outlet (``sample_outlet``). About
    ten seconds (reading both files and hashing their lines) the first time; the counts are then
    kept on disk for other processes (:func:`_corpus_counts`).
    """
    return line_evidence.CorpusEvidence.from_counts(_corpus_counts(), outlet_column="sample_outlet")


_EVIDENCE_CORPORA = (
    (DEV_CORPUS, "text", "doc_id", "outlet"),
    (ANT_CORPUS, "TEXT", "DOCNO", "SRC"),
)


def _count_corpora() -> line_evidence.LineCounts:
    from newsstudy.corpus import load_corpus

    parts = []
    for path, text_column, id_column, outlet_column in _EVIDENCE_CORPORA:
        docs, _ = load_corpus(path, text_column=text_column, id_column=id_column, on_error="report")
        parts.append(line_evidence.count_lines(docs, text_column="text", outlet_column=outlet_column))
    return line_evidence.merge_counts(parts)


def _cache_dir() -> Path:
    """Where derived counts of the shared corpora are kept: ``$NEWSSTUDY_CACHE``, else the user's cache."""
    import os

    if os.environ.get("NEWSSTUDY_CACHE"):
        return Path(os.environ["NEWSSTUDY_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsstudy"


def _counts_key() -> str:
    """What the counts depend on: the corpora's bytes and the library's code (any change of either)."""
    digest = hashlib.sha256()
    for path, *_ in _EVIDENCE_CORPORA:
        with open(path, "rb") as fh:
            digest.update(hashlib.file_digest(fh, "sha256").digest())
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:32]


def _corpus_counts() -> line_evidence.LineCounts:
    """:func:`_count_corpora`, kept on disk between processes (the notebooks, the report and the tests
    each need it; counting takes ten seconds or more). The file is named by :func:`_counts_key`, so a
    changed corpus or library is counted afresh; a cache that cannot be written is not used."""
    import numpy as np

    path = _cache_dir() / f"corpus-counts-{_counts_key()}.npz"
    try:
        with np.load(path, allow_pickle=False) as data:
            cached = line_evidence.LineCounts(
                keys=data["keys"], docs=data["docs"], headlines=data["headlines"],
                headline_docs=data["headline_docs"], outlet_names=tuple(data["outlet_names"].tolist()),
                outlet_docs=tuple(int(n) for n in data["outlet_docs"]),
            )  # fmt: skip
        path.touch()  # in use: not pruned
        return cached
    except (OSError, KeyError, ValueError):
        pass
    counts = _count_corpora()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".npz", delete=False) as fh:
            np.savez(
                fh, keys=counts.keys, docs=counts.docs, headlines=counts.headlines,
                headline_docs=counts.headline_docs, outlet_names=np.array(counts.outlet_names, dtype=str),
                outlet_docs=np.array(counts.outlet_docs, dtype=np.int64),
            )  # fmt: skip
        Path(fh.name).replace(path)  # whole or not at all, whatever other process reads it
        _prune(path)
    except OSError:
        pass
    return counts


def _prune(kept: Path, *, days: int = 7) -> None:
    """Remove counts of other code or corpora not used for ``days`` (each is some megabytes)."""
    import time

    for old in kept.parent.glob("corpus-counts-*.npz"):
        if old != kept and time.time() - old.stat().st_mtime > days * 86400:
            old.unlink(missing_ok=True)


def line_scores(split: str | None = "test", *, evidence: bool = False) -> pd.DataFrame:
    """:func:`newsstudy.clean.score_table` of ``clean.label_lines`` on the sample, per outlet.

    ``split`` is ``"test"`` (outlets the rules were not developed on), ``"dev"`` or None (both).
    With ``evidence``, the lines are labelled with :func:`corpus_evidence` (the counts of the
    whole corpora, per outlet).
    """
    outlets = _outlets(split)
    docs = sample_documents()
    docs = docs[docs["doc_id"].isin(outlets.index)]
    gold = clean.read_gold(GOLD_DIR / "lines", corpus=SAMPLE_CORPUS)
    gold = gold[gold["doc_id"].isin(outlets.index)]
    predicted = _label_each_corpus(docs.drop(columns=["split"]), evidence=_evidence(evidence))
    return clean.score_table(predicted, gold, groups=outlets)


def _evidence(wanted: bool) -> line_evidence.CorpusEvidence | None:
    return corpus_evidence() if wanted else None


def _label_each_corpus(docs: pd.DataFrame, *, evidence=None) -> pd.DataFrame:
    """``clean.label_lines`` of each corpus's documents apart, with that corpus's own columns only.

    As ``newsstudy run`` labels a corpus file: the dev corpus's ``title`` and ANT's ``TITLE`` are
    each their corpus's title column (in one table with both, the cleaner would take neither).
    """
    parts = [
        clean.label_lines(part.drop(columns=["corpus"]).dropna(axis=1, how="all"), evidence=evidence)
        for _, part in docs.groupby("corpus", sort=True)
    ]
    return pd.concat(parts, ignore_index=True)


def gold_records(corpus: str) -> list[dict]:
    """The line gold files whose ``corpus`` field is ``corpus``."""
    return [
        rec
        for path in sorted((GOLD_DIR / "lines").glob("*.json"))
        if (rec := json.loads(path.read_text(encoding="utf-8"))).get("corpus") == corpus
    ]


def supplement_records() -> list[dict]:
    """The gold files of the targeted development supplement (``corpus: "dev-supplement"``)."""
    return gold_records(SUPPLEMENT_CORPUS)


def fresh_records() -> list[dict]:
    """The gold files of the fresh random development sample (``corpus: "dev-fresh"``)."""
    return gold_records(FRESH_CORPUS)


def corpus_line_scores(corpus: str, *, evidence: bool = False) -> pd.DataFrame:
    """:func:`newsstudy.clean.score_table` of ``clean.label_lines`` on the gold of ``corpus``, per outlet.

    For gold sets whose files carry their ``outlet`` (``dev-supplement``, ``dev-fresh``).
    """
    records = gold_records(corpus)
    outlets = pd.Series([r["outlet"] for r in records], index=[r["doc_id"] for r in records])
    docs = documents(outlets.index)
    gold = clean.read_gold(GOLD_DIR / "lines", corpus=corpus)
    predicted = _label_each_corpus(
        docs.assign(sample_outlet=docs["doc_id"].map(outlets)), evidence=_evidence(evidence)
    )
    return clean.score_table(predicted, gold, groups=outlets)


def supplement_line_scores(*, evidence: bool = False) -> pd.DataFrame:
    """:func:`newsstudy.clean.score_table` of ``clean.label_lines`` on the development supplement, per outlet.

    A development measure only (its documents were chosen for hard lines, so its scores are not an
    estimate of anything): the held-out estimate stays :func:`line_scores` on ``"test"``.
    """
    return corpus_line_scores(SUPPLEMENT_CORPUS, evidence=evidence)


def fresh_line_scores(*, evidence: bool = False) -> pd.DataFrame:
    """:func:`newsstudy.clean.score_table` of ``clean.label_lines`` on the fresh development sample.

    Documents of development outlets drawn at random (``scripts/draw_fresh_sample.py``) and
    annotated before the rules written after them: within the development outlets, the honest
    estimate of how the rules generalise to unread documents.
    """
    return corpus_line_scores(FRESH_CORPUS, evidence=evidence)


def gold_lines_table() -> pd.DataFrame:
    """A ``lines`` table of the sample labelled by the *gold* (counted lines are headline/content).

    Attribution is scored on it, so its scores do not depend on the cleaning stage.
    """
    docs = sample_documents()
    return _lines_of(_gold_records("attributions"), dict(zip(docs["doc_id"], docs["text"], strict=True)))


def gold_attributions() -> pd.DataFrame:
    """The sample's gold attributions: ``doc_id``, ``line``, ``start``, ``end`` and the gold fields."""
    rows = [
        {"doc_id": rec["doc_id"], **a} for rec in _gold_records("attributions") for a in rec["attributions"]
    ]
    return pd.DataFrame(rows)


def attribution_scores(split: str | None = "test", *, study=None) -> pd.DataFrame:
    """:func:`newsstudy.attribution.score_table` of ``attribution.extract`` on the gold lines, per outlet."""
    outlets = _outlets(split)
    lines = gold_lines_table()
    homes = attribution.home_countries(sample_documents())
    found = attribution.extract(lines[lines["doc_id"].isin(outlets.index)], study=study, home_countries=homes)
    gold = gold_attributions()
    return attribution.score_table(
        found, gold[gold["doc_id"].isin(outlets.index)], groups=outlets, study=study
    )


def _gold_records_of(corpus: str) -> list[dict]:
    return [
        rec
        for path in sorted((GOLD_DIR / "attributions").glob("*.json"))
        if (rec := json.loads(path.read_text(encoding="utf-8"))).get("corpus") == corpus
    ]


def _lines_of(records: list[dict], texts: dict[str, str]) -> pd.DataFrame:
    """A ``lines`` table of these gold records' documents, labelled by the gold (counted lines are
    ``headline``/``content``, the rest ``nav``): attribution is scored on it apart from cleaning."""
    rows = []
    for rec in records:
        counted, heads = set(rec["counted_lines"]), set(rec["headline_lines"])
        for n, text in enumerate(texts[rec["doc_id"]].split("\n"), start=1):
            label = "headline" if n in heads else "content" if n in counted else "nav"
            rows.append((rec["doc_id"], n, label, "gold", text))
    return pd.DataFrame(rows, columns=["doc_id", "line", "label", "rule", "text"])


def fresh_attribution_scores(*, study=None, corpus: str = FRESH_CORPUS) -> pd.DataFrame:
    """:func:`newsstudy.attribution.score_table` on a fresh development sample (``"dev-fresh"``;
    ``corpus="dev-fresh2"`` for the second, ``"dev-fresh3"`` for the third).

    The documents of :func:`draw_fresh_dev_sample`, annotated before any rule was changed
    against them: the honest estimate, within the development outlets, of how the rules do on
    stories they were not written on (scored on the gold's counted lines, as
    :func:`attribution_scores`). Per outlet and ``all``.
    """
    records = _gold_records_of(corpus)
    docs = documents(r["doc_id"] for r in records)
    outlets = pd.Series([r["outlet"] for r in records], index=[r["doc_id"] for r in records])
    return _scored_records(records, docs, outlets, study)


def _scored_records(records: list[dict], docs: pd.DataFrame, outlets: pd.Series, study) -> pd.DataFrame:
    """``attribution.score_table`` of the extractor on the gold records' counted lines, per outlet."""
    lines = _lines_of(records, dict(zip(docs["doc_id"], docs["text"], strict=True)))
    found = attribution.extract(lines, study=study, home_countries=attribution.home_countries(docs))
    gold = pd.DataFrame([{"doc_id": r["doc_id"], **a} for r in records for a in r["attributions"]])
    return attribution.score_table(found, gold, groups=outlets, study=study)


def invented_pages(corpus: str = INVENTED_CORPUS) -> pd.DataFrame:
    """An invented set's pages as ``newsstudy run`` loads them (``doc_id``, ``outlet``, ``text`` …)."""
    from newsstudy.corpus import load_corpus

    return load_corpus(GOLD_DIR.parent / "fixtures" / corpus / "pages.jsonl")


def invented_sets() -> pd.DataFrame:
    """What each invented set holds, per part: outlets, pages, labelled raw lines and gold attributions.

    One row per set of :data:`INVENTED_CORPORA` and part (``dev``, ``test``), counted from the
    committed gold, so a notebook shows the sizes without typing them.
    """
    rows = []
    for corpus in INVENTED_CORPORA:
        lines, found = gold_records(corpus), {r["doc_id"]: r for r in _gold_records_of(corpus)}
        for part in ("dev", "test"):
            records = [r for r in lines if r["split"] == part]
            rows.append(
                {
                    "set": corpus,
                    "part": part,
                    "outlets": len({r["outlet"] for r in records}),
                    "pages": len(records),
                    "raw_lines": sum(len(r["lines"]) for r in records),
                    "attributions": sum(
                        len(found[r["doc_id"]]["attributions"]) for r in records if r["doc_id"] in found
                    ),
                }
            )
    return pd.DataFrame(rows).set_index(["set", "part"])


def _invented_outlets(split: str | None, corpus: str) -> pd.Series:
    records = gold_records(corpus)
    return pd.Series(
        {r["doc_id"]: r["outlet"] for r in records if split is None or r["split"] == split}, dtype=object
    )


def invented_line_scores(
    split: str | None = "test", *, corpus: str = INVENTED_CORPUS, evidence: bool = False
) -> pd.DataFrame:
    """:func:`newsstudy.clean.score_table` of ``clean.label_lines`` on an invented set, per outlet.

    ``corpus``: one of :data:`INVENTED_CORPORA`. ``split``: ``"dev"`` (rules may be developed on
    it), ``"test"`` (only scored) or None (both).
    With ``evidence``, the pages are labelled with the corpus evidence of the invented pages
    themselves, as ``newsstudy run`` on that file would label them: at three or four pages per
    outlet a short line in three of them reaches the evidence's ``min_docs`` (3) and is the outlet's
    template; a paragraph of running text never reaches ``body_min_docs`` (5).
    """
    from newsstudy.engines.local import count_lines

    outlets = _invented_outlets(split, corpus)
    pages = invented_pages(corpus)
    found = count_lines([pages]) if evidence else None
    predicted = clean.label_lines(pages[pages["doc_id"].isin(outlets.index)], evidence=found)
    gold = clean.read_gold(GOLD_DIR / "lines", corpus=corpus)
    return clean.score_table(predicted, gold[gold["doc_id"].isin(outlets.index)], groups=outlets)


def invented_attribution_scores(
    split: str | None = "test", *, corpus: str = INVENTED_CORPUS, study=None
) -> pd.DataFrame:
    """:func:`newsstudy.attribution.score_table` on an invented set's counted lines, per outlet."""
    outlets = _invented_outlets(split, corpus)
    records = [r for r in _gold_records_of(corpus) if r["doc_id"] in outlets.index]
    return _scored_records(records, invented_pages(corpus), outlets, study)


def _show(doc_id: str) -> None:
    docs = documents([doc_id])
    row = docs.iloc[0]
    for key in ("outlet", "country", "SRC", "title", "TITLE", "date", "TIME"):
        if key in docs.columns and pd.notna(row[key]):
            print(f"# {key}: {row[key]}")
    for n, line in enumerate(row["text"].split("\n"), start=1):
        print(f"{n}\t{line}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["sample"]:
        print(draw_sample().to_string())
    elif sys.argv[1:2] == ["fresh"]:
        print(draw_fresh_dev_sample(*(int(a) for a in sys.argv[2:3])).to_string())
    elif sys.argv[1:2] == ["scores"]:
        with_evidence = "--evidence" in sys.argv[2:]
        for part in ("dev", "test"):
            table = line_scores(part, evidence=with_evidence).round(3).to_string()
            print(f"lines, {part} part{', with corpus evidence' if with_evidence else ''}\n{table}\n")
            print(f"attributions, {part} part\n{attribution_scores(part).round(3).to_string()}\n")
        for name, corpus in (
            ("fresh dev sample", FRESH_CORPUS),
            ("second fresh dev sample", FRESH2_CORPUS),
            ("third fresh dev sample", FRESH3_CORPUS),
        ):
            if _gold_records_of(corpus):
                table = fresh_attribution_scores(corpus=corpus).round(3).to_string()
                print(f"attributions, {name}\n{table}\n")
    elif sys.argv[1:2] == ["development"]:
        with_evidence = "--evidence" in sys.argv[2:]
        for name, corpus in (
            ("supplement", SUPPLEMENT_CORPUS),
            ("fresh sample", FRESH_CORPUS),
            ("audit sample", AUDIT_CORPUS),
        ):
            if not gold_records(corpus):
                continue
            table = corpus_line_scores(corpus, evidence=with_evidence).round(3).to_string()
            print(f"lines, development {name}{', with corpus evidence' if with_evidence else ''}\n{table}\n")
    elif sys.argv[1:2] == ["invented"]:
        with_evidence = "--evidence" in sys.argv[2:]
        for corpus in INVENTED_CORPORA:
            if not (GOLD_DIR.parent / "fixtures" / corpus / "pages.jsonl").is_file():
                continue
            for part in ("dev", "test"):
                lines = invented_line_scores(part, corpus=corpus, evidence=with_evidence).round(3).to_string()
                found = invented_attribution_scores(part, corpus=corpus).round(3).to_string()
                note = ", with their corpus evidence" if with_evidence else ""
                print(f"lines, {corpus} pages, {part} part{note}\n{lines}\n")
                print(f"attributions, {corpus} pages, {part} part\n{found}\n")
    elif sys.argv[1:2] == ["show"]:
        for doc in sys.argv[2:]:
            _show(doc)
    else:
        print(__doc__)
