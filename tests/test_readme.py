"""The README states findings with numbers: they must be the numbers in the committed results."""

from __future__ import annotations

import pandas as pd

from newsstudy import attribution, clean
from newsstudy.paths import REPO_ROOT

RESULTS_DIR = REPO_ROOT / "results"

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
ANONYMOUS = ("anonymous_official", "anonymous_source")


def test_the_two_set_up_commands_are_the_ones_ci_runs():
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert f"```bash\n{ci}\n```" in README
    main_job = "python3 -m venv .venv && . .venv/bin/activate && pip install -e . && newsstudy run"
    assert f"```bash\n{main_job}\n```" in README


def test_findings_in_the_readme_match_the_results():
    found = pd.read_csv(RESULTS_DIR / "attributions.csv")
    lines = pd.read_csv(RESULTS_DIR / "lines.csv", keep_default_na=False, dtype={"text": str})
    raw_count = len(attribution.extract(clean.as_uncleaned(lines)))
    similarity = pd.read_csv(RESULTS_DIR / "similarity.csv")
    anonymous = found["source_type"].isin(ANONYMOUS)
    affiliation = found["affiliation"].value_counts()
    nonblank = int((lines["label"] != "blank").sum())
    kept = int(lines["label"].isin(["headline", "content"]).sum())
    expected = [
        f"Of the {len(found)} source attributions",
        f"{int(anonymous.sum())} ({anonymous.mean():.0%}) credit anonymous sources",
        f"anonymous US officials ({int((anonymous & (found['affiliation'] == 'US')).sum())} attributions)",
        f"the US ({affiliation['US']})",
        f"Qatar ({affiliation['Qatar']}), Israel ({affiliation['Israel']})",
        f"and Hamas ({affiliation['Hamas']})",
        f"Only {kept} of the {nonblank} non-blank scraped lines ({kept / nonblank:.0%})",
        f"at most {similarity['jaccard'].max():.3f}",
        f"would have reported {raw_count} attributions instead of {len(found)}",
        f"{similarity['cosine'].min():.2f}-{similarity['cosine'].max():.2f}",
    ]
    missing = [phrase for phrase in expected if phrase not in README.replace("\n", " ")]
    assert not missing, f"README findings are stale: {missing}"


def test_the_readme_scores_on_the_test_outlets_are_the_measured_ones():
    import pytest

    from newsstudy import evaluation

    if not evaluation.available():
        pytest.skip(evaluation.skip_message())
    lines = evaluation.line_scores("test").loc["all"]
    found = evaluation.attribution_scores("test").loc["all"]
    expected = [
        f"line labels are right for {lines['accuracy']:.0%} of the lines",
        f"(content precision {lines['content_precision']:.2f}, recall {lines['content_recall']:.2f})",
        f"attribution finds {found['recall']:.0%} of the sources",
        f"(precision {found['precision']:.2f}, recall {found['recall']:.2f}, F1 {found['f1']:.2f};",
        f"type right for {found['source_type']:.0%} of those found",
        f"the entity they speak for for {found['affiliation_entity']:.0%})",
    ]
    text = README.replace("\n", " ")
    missing = [phrase for phrase in expected if phrase not in text]
    assert not missing, f"README scores are stale: {missing}"


def test_the_readme_scores_on_the_invented_test_outlets_are_the_measured_ones():
    from newsstudy import evaluation

    expected = []
    for corpus in evaluation.INVENTED_CORPORA:
        lines = evaluation.invented_line_scores("test", corpus=corpus).loc["all"]
        found = evaluation.invented_attribution_scores("test", corpus=corpus).loc["all"]
        expected.append(
            f"`{corpus}`: lines {lines['accuracy']:.0%} right"
            f" (content precision {lines['content_precision']:.2f}), attribution F1 {found['f1']:.2f}"
        )
    text = README.replace("\n", " ")
    missing = [phrase for phrase in expected if phrase not in text]
    assert not missing, f"README scores on the invented pages are stale: {missing}"
