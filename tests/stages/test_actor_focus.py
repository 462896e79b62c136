from __future__ import annotations

from typing import Any

import pytest

from frontlines.kb.countries import Countries
from frontlines.model import Place
from frontlines.stages.actor_focus import focus_country
from tests.stages.sample_docs import parsed

pytestmark = pytest.mark.slow

LOWER = (
    "police fired at a riotous mob on monday morning as violence went on in the old town. "
    "one person was stabbed on sunday night and his condition is said to be critical. the "
    "indian army was called in after the curfew was relaxed for two hours in the morning, "
    "and at least fifty persons were arrested for carrying weapons, police told us here."
)


def dateline(text: str, country: str) -> Place:
    return Place(
        text=text,
        start=0,
        end=len(text),
        name=text.title(),
        country=country,
        latitude=21.2,
        longitude=72.8,
        role="dateline",
    )


def test_the_dateline_is_a_weak_hint_of_the_focus_country(nlp: Any) -> None:
    countries = Countries.load()
    doc = parsed(nlp, "surat: police fired at a mob on monday.")
    assert focus_country(doc, countries=countries) is None
    doc.places = [dateline("surat", "India")]
    assert focus_country(doc, countries=countries) == "India"
    # ... weaker than a place the story names.
    text = "SEOUL - Militants stormed a gas plant in Algeria and held its workers."
    doc = parsed(nlp, text)
    start = text.index("Algeria")
    doc.places = [
        dateline("SEOUL", "South Korea"),
        Place(
            text="Algeria",
            start=start,
            end=start + 7,
            name="Algeria",
            country="Algeria",
            latitude=28.0,
            longitude=3.0,
        ),
    ]
    assert focus_country(doc, countries=countries) == "Algeria"


def test_lower_case_demonyms_count_in_a_lower_case_text(nlp: Any) -> None:
    countries = Countries.load()
    assert focus_country(parsed(nlp, LOWER), countries=countries) == "India"
    # In prose, sentences open with capitals and "indian" in lower case is no demonym.
    prose = ". ".join(part.capitalize() for part in LOWER.split(". "))
    assert focus_country(parsed(nlp, prose), countries=countries) is None
