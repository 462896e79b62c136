from __future__ import annotations

from datetime import date
from pathlib import Path

from frontlines.bench.acled_data import AcledRecord, allocate, read_records, stratified_sample

HEADER = (
    "event_id_cnty,event_date_iso,event_type,sub_event_type,actor1,assoc_actor_1,actor2,"
    "country,admin1,admin2,location,latitude,longitude,geo_precision,notes,fatalities\n"
)


def record(event_id: str, country: str) -> AcledRecord:
    return AcledRecord(
        event_id=event_id,
        notes=f"On 1 May 2021, something happened ({event_id}).",
        event_date=date(2021, 5, 1),
        event_type="Riots",
        sub_event_type="Mob violence",
        actor1="Rioters (Bangladesh)",
        actor2="",
        country=country,
        admin1="",
        admin2="",
        latitude=None,
        longitude=None,
        geo_precision=1,
        fatalities=0,
    )


def test_acled_data_reads_rows_and_empties_na_fields(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(
        HEADER
        + "MMR1,2021-03-28,Explosions/Remote violence,Air/drone strike,Military Forces of Myanmar"
        " (2021-),NA,NA,Myanmar,Kayin,Hpapun,Day Bu Noh,18.065,97.4449,2,"
        '"On 28 March 2021, jets fired.",0\n'
        + "MMR2,2021-03-29,Battles,Armed clash,A,,B,Myanmar,,,,,,1,,3\n",
        encoding="utf-8",
    )
    records = read_records(path)
    assert len(records) == 1  # the row without notes is left out
    first = records[0]
    assert first.actor2 == ""
    assert (first.latitude, first.longitude, first.geo_precision) == (18.065, 97.4449, 2)
    assert first.location == "Day Bu Noh"
    assert first.event_date == date(2021, 3, 28)
    assert first.fatalities == 0


def test_acled_data_allocate_gives_each_country_a_minimum_then_shares() -> None:
    quota = allocate({"A": 900, "B": 90, "C": 3, "D": 7}, size=100, minimum=5)
    assert sum(quota.values()) == 100
    assert quota["C"] == 3
    assert quota["D"] >= 5
    assert quota["A"] > quota["B"] > quota["D"]
    assert allocate({"A": 4, "B": 2}, size=10) == {"A": 4, "B": 2}


def test_acled_data_stratified_sample_is_fixed_and_stratified() -> None:
    records = [record(f"A{i}", "A") for i in range(200)] + [record(f"B{i}", "B") for i in range(10)]
    first = stratified_sample(records, size=30)
    again = stratified_sample(list(reversed(records)), size=30)
    assert [r.event_id for r in first] == [r.event_id for r in again]
    assert len(first) == 30
    assert sum(1 for r in first if r.country == "B") >= 5
    other_seed = stratified_sample(records, size=30, seed="other")
    assert {r.event_id for r in other_seed} != {r.event_id for r in first}


def test_acled_data_reads_acleds_own_date_column(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(
        "event_id_cnty,event_date,event_type,notes,fatalities\n"
        'XYZ1,14/07/2023 00:00:00,Protests,"Students held a sit-in.",0\n',
        encoding="utf-8",
    )
    [record] = read_records(path)
    assert record.event_date.isoformat() == "2023-07-14"
