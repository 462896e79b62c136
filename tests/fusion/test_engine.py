from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from frontlines.fusion import Constraint, Report, fuse, fused_id_of, linked
from frontlines.model import Location
from tests.fusion.samples import KHARKIV_TEXTS, SARAQIB, as_report, make_article, make_event


def kharkiv_reports() -> list[Report]:
    return [
        as_report(article, make_event(article, article.text[:25]))
        for article in (
            make_article(text, outlet=outlet, published=date(2024, 11, 14) + timedelta(days=n))
            for n, (outlet, text) in enumerate(KHARKIV_TEXTS.items())
        )
    ]


def scattered_reports(count: int, *, seed: int) -> list[Report]:
    """Happenings in eight towns over 40 days, each told by one to four outlets: a block can
    chain happenings of one town on following days that clustering must keep apart."""
    chance = random.Random(seed)
    found: list[Report] = []
    happening = 0
    while len(found) < count:
        happening += 1
        when = date(2024, 10, 1) + timedelta(days=chance.randrange(40))
        town = chance.randrange(8)  # towns see several happenings, some on following days
        lat, lon = 48 + town / 10, 36 + town / 10
        for outlet in range(chance.randint(1, 4)):
            text = f"Happening {happening} told by outlet {outlet}: shelling hit the town."
            article = make_article(text, outlet=f"Outlet {outlet}")
            where = Location(name=f"Town {town}", country="Ukraine", admin1="North",
                             latitude=lat + chance.uniform(-0.02, 0.02), longitude=lon,
                             geo_precision=1)  # fmt: skip
            event = make_event(
                article, "shelling hit the town", where=where, fatalities=chance.randint(0, 9),
                when=when + timedelta(days=chance.choice([0, 0, 1])),
            )  # fmt: skip
            found.append(as_report(article, event))
    return found


def snapshot(reports: list[Report], **options: object) -> list[object]:
    return [
        (item.event, item.block_id, item.reports, item.origins, item.contested)
        for item in fuse(reports, **options)  # type: ignore[arg-type]
    ]


def test_engine_three_outlets_one_strike_make_one_event() -> None:
    reports = kharkiv_reports()
    [fused] = fuse(reports)
    assert fused.event.id == fused_id_of(r.id for r in reports)
    assert fused.event.id.startswith("fev_")
    assert (fused.report_count, fused.independent_source_count) == (3, 3)
    assert fused.lead.outlet == "Frontline Wire"  # published first
    assert fused.event.evidence == fused.lead.event.evidence


def test_engine_result_does_not_depend_on_the_order_of_reports() -> None:
    reports = scattered_reports(300, seed=4)
    expected = snapshot(reports)
    assert 50 < len(expected) < 250
    for seed in range(3):
        shuffled = reports[:]
        random.Random(seed).shuffle(shuffled)
        assert snapshot(shuffled) == expected


def test_engine_blocks_fused_one_at_a_time_give_what_fusing_everything_gives() -> None:
    reports = scattered_reports(200, seed=5)
    everything = fuse(reports)
    blocks: dict[str, list[object]] = {}
    for item in everything:
        blocks.setdefault(item.block_id, []).append(item)
    assert any(len(items) > 1 for items in blocks.values())  # some blocks split into events
    for block_id, items in blocks.items():
        members = {r.id for item in items for r in item.reports}  # type: ignore[attr-defined]
        assert fuse([r for r in reports if r.id in members]) == items, block_id


def test_engine_linked_finds_the_reports_a_new_one_joins() -> None:
    first, second, third = kharkiv_reports()
    far = replace(third, event=replace(third.event, location=SARAQIB), article_id="art_far")
    assert linked([first], [second, third, far]) == {second.id, third.id}
    assert linked([first], []) == set()


def test_engine_constraints_split_and_merge() -> None:
    first, second, third = kharkiv_reports()
    apart = fuse([first, second, third], constraints=[Constraint("cannot", first.id, second.id)])
    assert sorted(item.report_count for item in apart) == [1, 2]
    distant = replace(third, event=replace(third.event, location=SARAQIB))
    together = fuse([first, distant], constraints=[Constraint("must", first.id, distant.id)])
    assert [item.report_count for item in together] == [2]


def test_engine_single_reports_keep_their_event_id() -> None:
    report = kharkiv_reports()[0]
    [fused] = fuse([report])
    assert fused.event.id == report.event.id == fused_id_of([report.id])
