from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pytest

from frontlines.bench.metrics import span_overlap
from frontlines.bench.polnear import (
    ClaimFinder,
    claims_finder,
    parse_ann,
    read_split,
    run_polnear,
    score_doc,
)
from frontlines.bench.protocols import T
from frontlines.model import Claim
from frontlines.stages.resources import Resources

TEXT = (
    "The mayor said the bridge would reopen. Officials denied it. Rain is expected, critics warned."
)


def at(phrase: str) -> str:
    start = TEXT.index(phrase)
    return f"{start} {start + len(phrase)}"


ANN = f"""T1\tSource {at("The mayor")}\tThe mayor
T2\tCue {at("said")}\tsaid
T3\tContent {at("the bridge would reopen")}\tthe bridge would reopen
T4\tAttribution {at("said")}\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tContent {at("Rain is")};{at("expected")}\tRain is expected
T6\tCue {at("warned")}\twarned
T7\tAttribution-no-source {at("warned")}\twarned
E2\tAttribution-no-source:T7 Content:T5 Cue:T6
T8\tSource {at("Officials")}\tOfficials
T9\tCue {at("denied")}\tdenied
E3\tAttribution:T4 Cue:T9 Source:T8
"""


def claim(content: str, *, source: str | None, cue: str | None) -> Claim:
    start = TEXT.index(content)
    return Claim(source=source, cue=cue, text=content, start=start, end=start + len(content))


def write_split(folder: Path, *, texts: int = 1) -> Path:
    split = folder / "polnear_attribution" / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    for number in range(texts):
        (split / "text" / f"story-{number}.txt").write_text(TEXT, encoding="utf-8")
        (split / "attributions" / f"story-{number}_a1.ann").write_text(ANN, encoding="utf-8")
    # a second annotator's file for the first text is not read
    (split / "attributions" / "story-0_b2.ann").write_text("", encoding="utf-8")
    return folder


def fake_finder(claims: Sequence[Claim]) -> ClaimFinder:
    def find(texts: Iterable[str]) -> Iterator[list[Claim]]:
        for _ in texts:
            yield list(claims)

    return find


def test_polnear_parse_ann_keeps_relations_with_content() -> None:
    found = parse_ann(ANN)
    assert len(found) == 2  # E3 has no Content
    first, second = found
    assert (first.source and first.source.text, first.cue and first.cue.text) == (
        "The mayor",
        "said",
    )
    assert second.source is None
    assert len(second.content.ranges) == 2  # a discontinuous span keeps both pieces


def test_polnear_read_split_reads_each_text_once(tmp_path: Path) -> None:
    docs = read_split(write_split(tmp_path, texts=2) / "polnear_attribution" / "dev")
    assert [doc.id for doc in docs] == ["story-0", "story-1"]
    assert all(len(doc.attributions) == 2 for doc in docs)  # story-0 from a1, not the empty b2


def test_polnear_span_overlap_counts_hits_on_each_side() -> None:
    scores = span_overlap([((0, 5),), ((10, 12), (20, 30))], [(3, 8), (25, 26), (40, 50)])
    assert (scores.predicted_hit, scores.predicted, scores.gold_hit, scores.gold) == (2, 3, 2, 2)
    assert scores.precision == pytest.approx(2 / 3)
    assert scores.recall == 1.0


def test_polnear_score_doc_checks_source_and_cue_of_the_first_match(tmp_path: Path) -> None:
    doc = read_split(write_split(tmp_path) / "polnear_attribution" / "dev")[0]
    claims = [
        claim("the bridge would reopen", source="the city's mayor", cue="said"),
        claim("Rain", source=None, cue="is expected"),
        claim("Officials denied it", source="Officials", cue="denied"),  # no gold Content
    ]
    scores = score_doc(doc, claims)
    assert (scores.content.predicted_hit, scores.content.predicted) == (2, 3)
    assert (scores.content.gold_hit, scores.content.gold) == (2, 2)
    # "mayor" shared; the second relation has no Source; cue "said" right, "is expected" wrong
    assert (scores.with_source, scores.source_right, scores.cue_right) == (1, 1, 1)


def no_progress(items: Sequence[T], /, *, label: str) -> Iterable[T]:
    return items


def test_polnear_reports_content_source_and_cue(tmp_path: Path) -> None:
    claims = [
        claim("the bridge would reopen", source="The mayor", cue="said"),
        claim("Officials denied it", source="Officials", cue="denied"),
    ]
    result = run_polnear(
        data_dir=write_split(tmp_path, texts=3),
        sample="full",
        progress=no_progress,
        command="frontlines bench",
        find=fake_finder(claims),
    )
    assert result.status == "ok"
    values = {figure.name: figure.value for figure in result.figures}
    assert values == {
        "polnear: content precision": 0.5,
        "polnear: content recall": 0.5,
        "polnear: content F1": 0.5,
        "polnear: source right when matched": 1.0,
        "polnear: cue right when matched": 1.0,
    }
    assert all(figure.gated for figure in result.figures)
    assert "3 of 3 texts, 6 relations" in result.figures[0].dataset


def test_polnear_gate_reads_a_fixed_slice(tmp_path: Path) -> None:
    data = write_split(tmp_path, texts=40)
    runs = [
        run_polnear(
            data_dir=data, sample="gate", progress=no_progress, command="", find=fake_finder([])
        )
        for _ in range(2)
    ]
    texts = [run.details["texts"] for run in runs]
    assert len(texts[0]) == 30 and texts[0] == texts[1]
    assert runs[0].figures[0].value == 0.0  # no claims: precision 0, not a crash


def test_polnear_skips_cleanly_without_the_data(tmp_path: Path) -> None:
    result = run_polnear(
        data_dir=tmp_path, sample="full", progress=no_progress, command="", find=fake_finder([])
    )
    assert (result.status, result.figures) == ("skipped", ())
    assert "polnear_attribution" in result.reason


@pytest.mark.slow
def test_polnear_claims_finder_runs_the_claims_stage(resources: Resources) -> None:
    (found,) = claims_finder(resources)([TEXT])
    said = [c for c in found if c.cue == "said"]
    assert said and TEXT[said[0].start : said[0].end].startswith("the bridge")
