from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pytest

from frontlines.bench.protocols import T
from frontlines.bench.ptc import FramingFinder, framing_finder, read_labels, run_ptc
from frontlines.stages.resources import Resources

TEXT = "The tyrant's thugs stormed the square. Police said two people were hurt."


def at(article: str, technique: str, phrase: str) -> str:
    start = TEXT.index(phrase)
    return f"{article}\t{technique}\t{start}\t{start + len(phrase)}"


LABELS = "\n".join(
    (
        at("1", "Loaded_Language", "thugs"),
        at("1", "Name_Calling,Labeling", "thugs"),  # the same span twice counts once
        at("1", "Name_Calling,Labeling", "The tyrant"),
        at("1", "Doubt", "two people were hurt"),  # another technique: not gold here
    )
)


def write_data(folder: Path, *, articles: int = 1) -> Path:
    root = folder / "ptc_loaded_language"
    (root / "train-articles").mkdir(parents=True)
    (root / "train-task2-TC.labels").write_text(LABELS + "\n", encoding="utf-8")
    for number in range(1, articles + 1):
        (root / "train-articles" / f"article{number}.txt").write_text(TEXT, encoding="utf-8")
    return folder


def fake_finder(*phrases: str) -> FramingFinder:
    spans = [(TEXT.index(p), TEXT.index(p) + len(p)) for p in phrases]

    def find(texts: Iterable[str]) -> Iterator[list[tuple[int, int]]]:
        for _ in texts:
            yield spans

    return find


def no_progress(items: Sequence[T], /, *, label: str) -> Iterable[T]:
    return items


def test_ptc_read_labels_keeps_loaded_language_and_name_calling_once() -> None:
    gold = read_labels(LABELS)
    assert sorted(TEXT[start:end] for start, end in gold["1"]) == ["The tyrant", "thugs"]


def test_ptc_scores_flags_by_overlap(tmp_path: Path) -> None:
    result = run_ptc(
        data_dir=write_data(tmp_path, articles=2),
        sample="full",
        progress=no_progress,
        command="frontlines bench",
        find=fake_finder("tyrant", "stormed"),  # "tyrant" overlaps "The tyrant"
    )
    assert result.status == "ok"
    values = {figure.name.rsplit(" ", 1)[-1]: figure.value for figure in result.figures}
    # article 2 has no labels: its two flags count against precision only
    assert values == pytest.approx({"precision": 1 / 4, "recall": 1 / 2, "F1": 1 / 3})
    assert "2 of 2 articles, 2 spans" in result.figures[0].dataset
    assert all(figure.gated for figure in result.figures)


def test_ptc_gate_reads_a_fixed_slice(tmp_path: Path) -> None:
    data = write_data(tmp_path, articles=120)
    runs = [
        run_ptc(data_dir=data, sample="gate", progress=no_progress, command="", find=fake_finder())
        for _ in range(2)
    ]
    assert len(runs[0].details["articles"]) == 100
    assert runs[0].details["articles"] == runs[1].details["articles"]


def test_ptc_skips_cleanly_without_the_data(tmp_path: Path) -> None:
    result = run_ptc(
        data_dir=tmp_path, sample="full", progress=no_progress, command="", find=fake_finder()
    )
    assert (result.status, result.figures) == ("skipped", ())
    assert "train-task2-TC.labels not found" in result.reason


@pytest.mark.slow
def test_ptc_framing_finder_runs_the_framing_stage(resources: Resources) -> None:
    (found,) = framing_finder(resources)([TEXT])
    assert "tyrant" in [TEXT[start:end].lower() for start, end in found]
