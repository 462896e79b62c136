"""ACLED's values for an event's actors: dictionary names, inter codes, civilian targeting.

Names come from the actor knowledge base's ``acled_name`` where it knows the actor ("Military
Forces of Russia (2000-)" for our "State forces (Russia)"), and ACLED's generic forms otherwise
("Civilians (Mali)", "Unidentified Armed Group (Sudan)"). Codes follow ACLED's codebook: 1 state
forces, 2 rebel groups, 3 political militias, 4 identity militias, 5 rioters, 6 protesters,
7 civilians, 8 external/other forces (foreign state forces among them).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from frontlines.errors import NotFoundError
from frontlines.kb import ActorKB, KBActor
from frontlines.model import INTER_CODES, ActorRef

GENERIC_STATE_FORCES = "generic-state-forces-"
STATE_KINDS = ("state forces", "government")  # a state acting in its own country is 1
# ACLED's generic actor forms: the name before "(Country)", and the inter code it carries.
GENERIC_FORMS: dict[str, tuple[str, int]] = {
    "civilians": ("Civilians", 7),
    "protesters": ("Protesters", 6),
    "rioters": ("Rioters", 5),
    "unidentified armed group": ("Unidentified Armed Group", 3),
}
_WITH_COUNTRY = re.compile(r"^(?P<head>.+?)\s*\((?P<country>[^()]+)\)$")
# The types ACLED codes civilian targeting in: violence against civilians always; remote
# violence and riots when civilians are the side attacked. Never battles, protests or
# strategic developments.
CIVILIAN_TARGETING_TYPES = ("Explosions/Remote violence", "Riots")
# Who acts when a report names nobody: ACLED's generic actor for the type.
UNNAMED_ACTOR1 = {"Protests": "protesters", "Riots": "rioters"}
UNIDENTIFIED = "Unidentified Armed Group"


@dataclass(frozen=True, slots=True)
class AcledActor:
    """One side of an event as ACLED writes it."""

    name: str
    inter: int


@lru_cache(maxsize=1)
def actor_kb() -> ActorKB:
    return ActorKB.load()


def _kb_actor(kb: ActorKB, actor_id: str) -> KBActor | None:
    try:
        return kb.get(actor_id)
    except NotFoundError:
        return None


def acled_actor(
    ref: ActorRef, *, country: str | None, on: date | None, kb: ActorKB | None = None
) -> AcledActor:
    """ACLED's name and inter code for ``ref`` in an event in ``country`` on ``on``."""
    kb = kb or actor_kb()
    known = _kb_actor(kb, ref.id)
    if known is None and ref.id.startswith(GENERIC_STATE_FORCES):
        match = _WITH_COUNTRY.match(ref.name)
        forces_of = match["country"] if match else None
        known = kb.of_country(forces_of, kind="state forces", on=on)
    generic = _generic(ref.name, country=country)
    if generic is not None and (known is None or not known.acled_name):
        return generic
    name = known.acled_name if known is not None and known.acled_name else ref.name
    kind = known.kind if known is not None else ref.kind
    inter = 1 if kind in STATE_KINDS else INTER_CODES.get(kind, INTER_CODES["other"])
    if inter == 1 and known is not None and known.country and country:
        home = kb.countries.canonical(country)
        if home is not None and known.country != home:
            inter = 8  # foreign state forces are external forces
    return AcledActor(name=name, inter=inter)


def _generic(name: str, *, country: str | None) -> AcledActor | None:
    """ACLED's form of a generic actor ("Civilians (Mali)"), or None for a named one."""
    match = _WITH_COUNTRY.match(name)
    head = (match["head"] if match else name).strip().lower()
    where = match["country"] if match else country
    if head not in GENERIC_FORMS:
        return None
    form, inter = GENERIC_FORMS[head]
    return AcledActor(name=f"{form} ({where})" if where else form, inter=inter)


def unnamed_actor(event_type: str, *, country: str | None) -> AcledActor:
    """ACLED's actor1 when the reports name none: protesters, rioters or an unidentified group."""
    generic = _generic(UNNAMED_ACTOR1.get(event_type, "unidentified armed group"), country=country)
    assert generic is not None  # every value of UNNAMED_ACTOR1 is a generic form
    return generic


def acled_sides(
    event_type: str | None,
    side1: AcledActor | None,
    side2: AcledActor | None,
    *,
    country: str | None,
) -> tuple[AcledActor | None, AcledActor | None]:
    """The two sides as ACLED codes them: civilians are only ever the side acted upon, a riot's
    unnamed attackers are rioters, and an event type always has an actor1."""
    if not event_type:
        return side1, side2
    if side1 is not None and side1.inter == 7:
        side1, side2 = None, side2 or side1
    if side1 is not None and event_type == "Riots" and side1.name.startswith(UNIDENTIFIED):
        side1 = None
    if side1 is None:
        side1 = unnamed_actor(event_type, country=country)
    return side1, side2


def interaction(inter1: int, inter2: int | None) -> int:
    """ACLED's two-digit code, smaller first; a sole actor pairs with 0 (e.g. 60: protesters)."""
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def civilian_targeting(event_type: str, *, inter2: int | None) -> str | None:
    """ "Civilian targeting" where ACLED sets it, else None."""
    if event_type == "Violence against civilians":
        return "Civilian targeting"
    if event_type in CIVILIAN_TARGETING_TYPES and inter2 == 7:
        return "Civilian targeting"
    return None


def event_id_cnty(event_id: str, *, iso3: str | None) -> str:
    """ISO 3166 alpha-3 code and a number stable for the event (XXX: country unknown)."""
    number = int(hashlib.sha1(event_id.encode("utf-8"), usedforsecurity=False).hexdigest()[:12], 16)
    return f"{iso3 or 'XXX'}{number}"
