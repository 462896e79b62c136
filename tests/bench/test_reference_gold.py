from __future__ import annotations

from datetime import date
from pathlib import Path

from frontlines.bench.reference_gold import (
    claim_span,
    load_reference,
    parse_reference,
    reference_pairs,
)

EXPECTED = """
article: {published: 2024-11-04}
actors:
  - {name: Rebels, kind: rebel group, aliases: [opposition]}
  - {name: Associated Press, kind: news agency, aliases: [AP]}
events:
  - {id: E1, event_date: 2024-11-04, event_type: Battles, sub_event_type: Armed clash,
     actor1: Rebels, actor2: null, sources: [Associated Press], certainty: reported,
     location: {latitude: 35.93, longitude: 36.63, radius_km: 25}}
claims:
  - {source: AP, text: "Rebels attacked ... Idlib"}
places:
  - {text: Idlib, latitude: 35.93, longitude: 36.63}
  - {text: Syria}
"""


def test_reference_gold_reads_a_text_and_its_expected_file(tmp_path: Path) -> None:
    (tmp_path / "idlib.txt").write_text("Rebels attacked in Idlib, AP reports.", encoding="utf-8")
    (tmp_path / "idlib.expected.yaml").write_text(EXPECTED, encoding="utf-8")
    (tmp_path / "orphan.expected.yaml").write_text(EXPECTED, encoding="utf-8")
    pairs = reference_pairs(tmp_path)
    assert [(text.name, expected.name) for text, expected in pairs] == [
        ("idlib.txt", "idlib.expected.yaml")
    ]
    gold = load_reference(*pairs[0])
    assert gold.published == date(2024, 11, 4)
    event = gold.events[0]
    assert (event.event_type, event.actor1, event.actor2) == ("Battles", "Rebels", None)
    assert event.location is not None and event.location.radius_km == 25
    assert gold.places[0].point is not None and gold.places[1].point is None


def test_reference_gold_matches_actors_on_any_alias() -> None:
    gold = parse_reference(
        {"actors": [{"name": "Russia", "kind": "state", "aliases": ["Moscow", "Kremlin"]}]},
        text="",
        name="t",
    )
    assert gold.names_of("Russia") == {"russia", "moscow", "kremlin"}
    assert gold.canonical("the Kremlin") == "the kremlin"
    assert gold.canonical("KREMLIN") == "Russia"
    assert gold.names_of("Western governments") == {"western governments"}


def test_reference_gold_claim_span_follows_elisions_in_order() -> None:
    text = "Rebels attacked a base near Idlib on Monday, AP reports."
    assert claim_span(text, "Rebels attacked ... near Idlib ... Monday") == (0, 43)
    assert claim_span(text, "Monday ... Rebels") is None
    assert claim_span(text, "near Idlib") == (23, 33)
