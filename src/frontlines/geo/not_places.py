"""Names that the gazetteer knows as some town but that conflict news uses for weapons and
movements: "Grad" rockets, an "Iskander" missile, the "Azov" regiment, the "Maidan" movement;
and the viruses named after places ("Reston ebolavirus", "West Nile virus"); parties named
"United" or "Just" and a country ("United Russia", "A Just Russia").

A name followed by a weapon or unit word ("Grad rockets", "Tornado launchers", "Azov
regiment") is never a place. A name on ``WEAPON_NAMES`` is a place only where the words before
it say so ("in Tomahawk", "the village of Grad"); anywhere else it is the weapon.
"""

from __future__ import annotations

import re

# Weapon systems, aircraft and armour whose names are also towns somewhere.
WEAPON_NAMES = frozenset(
    {"grad", "iskander", "tochka", "tochka-u", "kinzhal", "kalibr", "shahed", "geran", "lancet"}
    | {"bayraktar", "tomahawk", "tornado", "uragan", "smerch", "krasnopol", "neptune", "pantsir"}
    | {"buk", "tor", "osa", "strela", "igla", "metis", "kornet", "konkurs", "fagot", "avangard"}
    | {"stryker", "bradley", "archer", "javelin", "stinger", "patriot", "hellfire", "harpoon"}
    | {"himars", "katyusha", "qassam", "mig", "sukhoi", "storm shadow", "scalp", "caesar"}
    | {"leopard", "abrams", "challenger", "marder", "gvozdika", "akatsiya", "msta", "krab"}
    | {"zircon", "onyx", "oniks", "vilkha", "excalibur", "switchblade", "orlan", "mohajer"}
)
# Words after a name that make it a weapon, a unit, a movement or a disease, not a place.
_NOT_PLACE_AFTER = re.compile(
    r"^[\s-]*(?-i:[A-Z0-9][\w-]{0,6}\s+)?(?:rockets?|missiles?|launchers?|drones?|tanks?"
    r"|howitzers?|jets?|fighters?|bombers?|helicopters?|shells?|munitions?|warheads?"
    r"|multiple[- ]rocket|battalion|regiment|brigade|movement|militia|\w*virus(?:es)?|fever)\b",
    re.IGNORECASE,
)
# A party's name: "United" or "Just" before a country ("United Russia"; "United States" is
# one name).
_PARTY_BEFORE = re.compile(r"(?<![\w.])(?:United|Just)\s+$")
# What must stand before a weapon's name for it to be read as the town.
_PLACE_BEFORE = re.compile(
    r"\b(?:in|near|outside|at|into|village\s+of|town\s+of|city\s+of|outskirts\s+of)\s+$",
    re.IGNORECASE,
)


def names_a_weapon_or_unit(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names a weapon, a unit or a movement rather than a place."""
    if _NOT_PLACE_AFTER.match(text[end : end + 40]):
        return True
    if " ".join(text[start:end].lower().split()) not in WEAPON_NAMES:
        return False
    return not _PLACE_BEFORE.search(text[max(0, start - 30) : start])


def names_a_party(text: str, start: int) -> bool:
    """Whether the name at ``start`` ends a party's name ("Russia" of "United Russia")."""
    return _PARTY_BEFORE.search(text[max(0, start - 10) : start]) is not None
