"""A raid that ends in arrests is an arrest.

"Police stormed a bath house ... they arrested two dozen men"; "police launched raids in east
London ... a number of people were detained": the raid is how the arrests were made, not an attack
on the people arrested. ACLED codes such a happening once, as Strategic developments / Arrests,
when the raid hurt nobody. A happening told only by raid words (no shooting, no killing, no
clash) of which one telling is an arrest, whose raid names the forces that made it (police,
troops, security forces: the state forces that arrest) and which counts no dead or wounded, is
typed so. A raid by "the government" or by no one named keeps its type.
"""

from __future__ import annotations

from collections.abc import Sequence

from frontlines.extract.mentions import EventMention

# Words that tell a forced entry or a sweep, and nothing of what was done to people there.
RAIDS = frozenset({"raid", "storm", "swoop", "sweep", "comb", "search", "crackdown"})
ARREST = "arrest"
FORCES = "state_forces"


def raid_ending_in_arrests(cluster: Sequence[EventMention]) -> bool:
    """Whether the mentions tell a raid whose only told outcome is arrests."""
    arrests = [m for m in cluster if m.family == ARREST]
    others = [m for m in cluster if m.family != ARREST]
    if not arrests or not others:
        return False
    if any(not m.lemmas or not m.lemmas <= RAIDS for m in others):
        return False
    if not any(m.roles.actor1 is not None and m.roles.actor1.kind == FORCES for m in others):
        return False
    return not any(_hurt(m) for m in cluster)


def _hurt(mention: EventMention) -> bool:
    figures = mention.figures
    return bool(figures.fatalities) or any(
        q.what in ("fatalities", "injured") and (q.value is None or q.value > 0)
        for q in figures.quantities
    )
