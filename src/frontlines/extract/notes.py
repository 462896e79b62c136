"""An event's ``notes``: one neutral sentence in ACLED's style, and the fatality count.

"On 27 November 2024, Syrian opposition forces took territory from Syrian government forces near
Aleppo (Aleppo). Fatalities unreported." Actors are named by their knowledge-base names, the verb
comes from the sub-event type, never from the article's wording, so loaded words ("liberating",
"regime", "butchers") cannot leak into the note.
"""

from __future__ import annotations

from datetime import date

from frontlines.model import ActorRef, Location

UNKNOWN = "unidentified actors"
# {a1} agent, {a2} target, {h} hedge before the verb.
TEMPLATES: dict[str | None, tuple[str, str]] = {
    # sub-event type: (with a target, without one)
    "Armed clash": ("{a1} {h}clashed with {a2}", "{a1} were {h}involved in an armed clash"),
    "Government regains territory": (
        "{a1} {h}regained territory from {a2}",
        "{a1} {h}regained territory",
    ),
    "Non-state actor overtakes territory": (
        "{a1} {h}took territory from {a2}",
        "{a1} {h}took territory",
    ),
    "Chemical weapon": (
        "{a1} {h}used chemical weapons against {a2}",
        "{a1} {h}used chemical weapons",
    ),
    "Air/drone strike": (
        "{a1} {h}carried out air or drone strikes on {a2}",
        "{a1} {h}carried out air or drone strikes",
    ),
    "Suicide bomb": (
        "{a1} {h}carried out a suicide bombing against {a2}",
        "{a1} {h}carried out a suicide bombing",
    ),
    "Shelling/artillery/missile attack": ("{a1} {h}shelled {a2}", "{a1} {h}carried out shelling"),
    "Remote explosive/landmine/IED": (
        "an explosive device {h}detonated against {a2}",
        "an explosive device {h}detonated",
    ),
    "Grenade": ("{a1} {h}threw a grenade at {a2}", "{a1} {h}threw a grenade"),
    "Sexual violence": (
        "{a1} {h}committed sexual violence against {a2}",
        "{a1} {h}committed sexual violence",
    ),
    "Attack": ("{a1} {h}attacked {a2}", "{a1} {h}carried out an attack"),
    "Abduction/forced disappearance": ("{a1} {h}abducted {a2}", "{a1} {h}abducted people"),
    "Peaceful protest": ("{a1} {h}held a peaceful protest", "{a1} {h}held a peaceful protest"),
    "Protest with intervention": (
        "{a1} {h}held a protest in which {a2} intervened",
        "{a1} {h}held a protest that was intervened upon",
    ),
    "Excessive force against protesters": (
        "{a2} {h}used excessive force against {a1}",
        "force was {h}used against {a1}",
    ),
    "Violent demonstration": (
        "{a1} {h}held a violent demonstration",
        "{a1} {h}held a violent demonstration",
    ),
    "Mob violence": (
        "{a1} {h}engaged in mob violence against {a2}",
        "{a1} {h}engaged in mob violence",
    ),
    "Agreement": ("{a1} and {a2} {h}reached an agreement", "{a1} {h}reached an agreement"),
    "Arrests": ("{a1} {h}arrested {a2}", "{a1} {h}made arrests"),
    "Change to group/activity": (
        "{a1} {h}changed their activity",
        "{a1} {h}changed their activity",
    ),
    "Disrupted weapons use": (
        "{a1} {h}disrupted weapons use by {a2}",
        "{a1} {h}disrupted weapons use",
    ),
    "Headquarters or base established": (
        "{a1} {h}established a base",
        "{a1} {h}established a base",
    ),
    "Looting/property destruction": (
        "{a1} {h}looted or destroyed property of {a2}",
        "{a1} {h}looted or destroyed property",
    ),
    "Non-violent transfer of territory": (
        "{a1} {h}took over territory from {a2} without fighting",
        "{a1} {h}took over territory without fighting",
    ),
    "Other": ("{a1} {h}took action involving {a2}", "{a1} {h}took action"),
    None: ("{a1} and {a2} {h}had non-violent contact", "{a1} {h}took non-violent action"),
}
HEDGES = {
    "unconfirmed": "reportedly ",
    "claimed": "reportedly ",
    "denied": "allegedly ",
    "estimated": "",
    "reported": "",
    "expected": "were expected to have ",
}


def write_note(
    *,
    event_date: date | None,
    precision: str,
    event_type: str | None,
    sub_event_type: str | None,
    actor1: ActorRef | None,
    actor2: ActorRef | None,
    location: Location | None,
    fatalities: int | None,
    certainty: str,
) -> str:
    """One neutral ACLED-style sentence, then the fatality count for conflict events."""
    with_target, without = TEMPLATES.get(sub_event_type, TEMPLATES[None])
    template = with_target if actor2 is not None else without
    hedge = HEDGES.get(certainty, "")
    clause = template.format(
        a1=actor1.name if actor1 else UNKNOWN,
        a2=actor2.name if actor2 else UNKNOWN,
        h="" if hedge.startswith("were") else hedge,
    )
    if hedge.startswith("were"):
        clause += " (expected)"
    sentence = f"{_when(event_date, precision)}, {clause}{_where(location)}."
    if event_type is None:
        return sentence
    return f"{sentence} {_fatalities(fatalities)}"


def _when(event_date: date | None, precision: str) -> str:
    if event_date is None:
        return "On an unknown date"
    day = f"{event_date.day} {event_date:%B %Y}"
    if precision == "day":
        return f"On {day}"
    if precision == "week":
        return f"In the week of {day}"
    if precision == "month":
        return f"In {event_date:%B %Y}"
    return f"Around {day}"


def _where(location: Location | None) -> str:
    if location is None or not location.name:
        return ""
    preposition = "in" if location.geo_precision == 1 else "near"
    admin = location.admin1 or (location.country if location.country != location.name else None)
    suffix = f" ({admin})" if admin else ""
    return f" {preposition} {location.name}{suffix}"


def _fatalities(fatalities: int | None) -> str:
    if fatalities is None:
        return "Fatalities unreported."
    if fatalities == 0:
        return "No fatalities reported."
    if fatalities == 1:
        return "1 fatality reported."
    return f"{fatalities} fatalities reported."
