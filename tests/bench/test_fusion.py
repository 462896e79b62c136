"""The fusion benchmark block, on small hand-written data (skips cleanly without any)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from frontlines.bench.acled_data import AcledRecord
from frontlines.bench.ecbplus import read_mentions
from frontlines.bench.fusion import run_fusion
from frontlines.bench.fusion_data import (
    LETHAL_KINDS,
    UCDP_FILES,
    busiest_months,
    is_daily_toll,
    names_place,
    ucdp_events,
)
from frontlines.bench.fusion_ecb import cross_validated, pair_recall, same_event_pairs
from frontlines.bench.fusion_reprints import edited_copy, is_reprint
from frontlines.model import Analysis
from tests.bench.test_ecbplus import QUAKE_A, QUAKE_B, QUAKE_C, record


def no_analysis(text: str, published: date | None, /) -> Analysis | None:
    return None


def test_fusion_bench_skips_without_data(tmp_path: Path) -> None:
    result = run_fusion(
        data_dir=tmp_path, sample="gate", analyse=no_analysis,
        progress=lambda items, *, label: items, command="frontlines bench --only fusion",
    )  # fmt: skip
    assert result.status == "skipped"
    assert "not found" in (result.reason or "")


def note(event_id: str, day: date, country: str = "Bangladesh") -> AcledRecord:
    return AcledRecord(
        event_id=event_id, notes=f"On {day}, a protest.", event_date=day, event_type="Protests",
        sub_event_type="Peaceful protest", actor1="", actor2="", country=country, admin1="",
        admin2="", latitude=None, longitude=None, geo_precision=None, fatalities=0,
    )  # fmt: skip


def test_fusion_busiest_month_of_each_country_counts_each_note_once() -> None:
    july, june = date(2024, 7, 18), date(2024, 6, 2)
    records = [
        note("A1", july), note("A1", july), note("A2", july), note("A3", june),
        note("A4", june), note("U1", date(2023, 3, 1), "Ukraine"),
    ]  # fmt: skip
    months = busiest_months(records)
    assert sorted(months) == ["Bangladesh 2024-06", "Ukraine 2023-03"]  # a tie: the earliest
    assert [r.event_id for r in months["Bangladesh 2024-06"]] == ["A3", "A4"]
    also = busiest_months(records, also=[("Bangladesh", "2024-07")])
    assert [r.event_id for r in also["Bangladesh 2024-07"]] == ["A1", "A2"]


def test_fusion_ecb_cross_validation_and_pair_recall(tmp_path: Path) -> None:
    records = []
    for topic in ("1", "2", "3"):
        for number, (chain, doc, text, head, lemma) in enumerate(
            [
                ("sonoma", "a", QUAKE_A, "struck", "strike"),
                ("sonoma", "b", QUAKE_B, "struck", "strike"),
                ("aceh", "c", QUAKE_C, "hit", "strike"),
            ]
        ):
            found = record(number, f"{topic}-{chain}", f"{topic}_{doc}", text, head, lemma)
            found.update(mention_id=f"{topic}-m{number}", topic_id=topic)
            records.append(found)
    path = tmp_path / "mentions.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    mentions = read_mentions(path)
    validated = cross_validated(mentions)
    assert set(validated.chosen) == {"1", "2", "3"}
    pairs = same_event_pairs(mentions)
    assert sorted(pairs) == [("1-m0", "1-m1"), ("2-m0", "2-m1"), ("3-m0", "3-m1")]
    assert pair_recall(pairs, validated.clusters) == 1.0
    assert pair_recall(pairs, [{m.id} for m in mentions]) == 0.0
    assert 0.0 < validated.scores.conll_f1 <= 1.0


def test_fusion_reprints_edits_are_found_and_template_notes_are_not() -> None:
    note_text = (
        "On 18 July 2024, students held a sit-in at {place} (Dhaka) demanding reform of the"
        " quota system in government jobs and the release of detained students, blocking the"
        " main road. Police dispersed them after several hours."
    )
    paltan, motijheel = note_text.format(place="Paltan"), note_text.format(place="Motijheel")
    assert is_reprint(paltan, motijheel) is False
    for number in range(4):
        assert is_reprint(paltan, edited_copy(paltan, number)) is True


def test_fusion_ucdp_headlines_naming_the_place_are_news_of_the_happening(tmp_path: Path) -> None:
    row = {"where_coordinates": "Al Bogeleyyah suburb"}
    assert names_place(row, "Clashes go on in the outskirts of al-Bogeleyyah")
    assert not names_place(row, "77 were killed yesterday including 15 members of the forces")
    folder = tmp_path / UCDP_FILES[0].split("/")[0]
    folder.mkdir()
    header = "id,date_start,where_coordinates,source_headline,source_date"
    rows = [
        '1,2018-03-19,Arbin town,"Shelter hit in Arbin kills 18;Arbin massacre toll rises to 20;'
        '77 were killed yesterday across Syria",2018-03-19;2018-03-20;2018-03-20',
        '2,2018-03-19,Duma town,"Airstrikes kill 14 in Duma;Syria Daily Report for the day",'
        "2018-03-19;2018-03-19",
    ]
    (tmp_path / UCDP_FILES[0]).write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    every = ucdp_events(tmp_path, size=10)
    placed = ucdp_events(tmp_path, size=10, naming_place=True)
    assert sorted(len(headlines) for headlines in every) == [2, 3]
    assert [[h.text for h in headlines] for headlines in placed] == [
        ["Shelter hit in Arbin kills 18", "Arbin massacre toll rises to 20"]
    ]


def test_fusion_ucdp_daily_toll_is_a_country_s_count_not_one_happening() -> None:
    assert is_daily_toll("77 were killed yesterday including 15 members of the regime forces")
    assert is_daily_toll("102 killed yesterday including 23 regime forces")
    assert not is_daily_toll("Aerial bombardment kills 25 in Aleppo")
    assert not is_daily_toll("A shell killed two yesterday in Duma")
    assert "Battles" in LETHAL_KINDS
    assert "Protests" not in LETHAL_KINDS
