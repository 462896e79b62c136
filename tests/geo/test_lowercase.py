from __future__ import annotations

from typing import Any

import pytest

from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.geoparse import find_places
from frontlines.geo.lowercase import home_country, is_lower_case, lower_case_mentions

# A local paper's police report, all in lower case, with its "city:" dateline.
REPORT = (
    "surat: police fired at a riotous mob in the limbayat area on monday morning as violence "
    "continued in this south gujarat town. one person was stabbed in limbayat area on sunday "
    "night. the police arrested two persons, one of whom is the president of godhra "
    "municipality. the bsf has been sent to surat where fresh arson was reported. the army "
    "stood in front of the station and was in charge of the curfew all night long."
)


def test_a_text_in_lower_case_is_told_from_prose() -> None:
    assert is_lower_case(REPORT)
    prose = REPORT.replace("surat:", "Surat:").replace(". ", ". X ").title()
    assert not is_lower_case(prose)
    assert not is_lower_case("police fired at a mob.")  # too short to tell


def test_the_home_country_is_where_most_places_are() -> None:
    assert home_country(["IN", None, "IN", "PK"]) == "IN"
    assert home_country([None]) is None


@pytest.mark.slow
def test_lower_case_places_need_a_cue_and_the_home_country(nlp: Any, gazetteer: Gazetteer) -> None:
    parse = nlp(REPORT)
    found = lower_case_mentions(parse, gazetteer=gazetteer, home="IN", taken=[(0, 5)])
    names = [mention.text for mention in found]
    assert "godhra" in names  # "godhra municipality"
    assert "surat" in names  # "sent to surat", not the dateline (taken)
    assert names.count("limbayat") == 2  # unknown, but "in (the) limbayat area"
    assert not {"front", "charge", "station", "curfew"} & set(names)  # words, not villages
    abroad = lower_case_mentions(parse, gazetteer=gazetteer, home="SE", taken=[])
    assert {mention.text for mention in abroad} == {"limbayat"}  # no Indian town read in Sweden


@pytest.mark.slow
def test_find_places_reads_a_lower_case_text_in_its_home_country(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    from frontlines.stages.cleanup import find_masks

    masks = find_masks(REPORT)
    places = find_places(nlp(REPORT), text=REPORT, gazetteer=gazetteer, masks=masks)
    resolved = {(p.text, p.country, p.role) for p in places if p.resolved}
    assert ("surat", "India", "dateline") in resolved
    assert ("godhra", "India", "place") in resolved
    assert ("surat", "India", "place") in resolved
