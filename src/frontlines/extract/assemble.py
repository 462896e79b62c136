"""From a group of mentions to one ``Event`` of the analysis contract."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from frontlines.extract.claimed import takes_claimant
from frontlines.extract.classify import Context, classify, typed
from frontlines.extract.crowd_clash import crowd_clash
from frontlines.extract.dates import EventDate
from frontlines.extract.demonstrations import CROWDS, in_crowd, intervener, response_frames
from frontlines.extract.mentions import EventMention
from frontlines.extract.merge import anchor
from frontlines.extract.notes import write_note
from frontlines.extract.opponents import NON_STATE, both_sides, opponent
from frontlines.extract.raids import raid_ending_in_arrests
from frontlines.extract.roles import Participant
from frontlines.extract.subtypes import refine
from frontlines.kb.loader import acled_country
from frontlines.model import (
    Actor,
    ActorRef,
    Article,
    Event,
    Location,
    Mention,
    Quantity,
)

Locate = Callable[[int, int], Location | None]
Score = Callable[[str], dict[str, float]]
# A country's state forces on a day (the knowledge base's main one), or None where it has none.
ForcesOf = Callable[[str, date | None], ActorRef | None]
# Where a state fights, bombs or kills, ACLED codes its forces ("Russia shelled the town").
ARMED_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})

# ACLED's names for actors no one named: "Civilians (Mali)", "Unidentified Armed Group (Mali)".
GENERIC = {
    "civilians": ("Civilians", "civilians"),
    "protesters": ("Protesters", "protesters"),
    "rioters": ("Rioters", "other"),
    "partisans": ("Rioters", "other"),
    "mob": ("Rioters", "other"),
    "armed_group": ("Unidentified Armed Group", "political militia"),
    "state_forces": ("State forces", "state forces"),
}
POLICE_HEADS = frozenset(
    {"police", "policeman", "policemen", "policewoman", "officer", "cop", "constable",
     "gendarme", "gendarmerie", "law-enforcer"}
)  # fmt: skip
# Unnamed forces that are soldiers even at a demonstration; "security forces" there are police.
MILITARY_HEADS = frozenset(
    {"soldier", "troop", "army", "military", "serviceman", "servicemen", "marine", "navy",
     "paratrooper", "commando", "junta", "airman", "sailor", "conscript"}
)  # fmt: skip
DEMONSTRATIONS = frozenset({"Protests", "Riots"})
CURFEW = re.compile(r"\bcurfews?\b", re.IGNORECASE)
# Protests that someone broke up: with no one named doing it, ACLED codes the police.
INTERVENED = frozenset({"Protest with intervention", "Excessive force against protesters"})
# A photo credit: a name, a slash, an agency ("H. Murdock/VOA"), or a name in brackets.
CREDIT = re.compile(r"\w/\w|^\(|\)")
DAYLIKE = frozenset({"day", "week"})
# Sub-types where someone unnamed must have acted: ACLED names the attacker "Unidentified Armed
# Group (country)" when the text does not ("a bomb exploded in the market").
UNNAMED_ATTACKER = frozenset(
    {
        "Suicide bomb",
        "Remote explosive/landmine/IED",
        "Grenade",
        "Attack",
        "Abduction/forced disappearance",
    }
)
# Bombs planted or carried among people, as against shells and air strikes aimed at a side.
PLANTED = frozenset({"Suicide bomb", "Remote explosive/landmine/IED", "Grenade"})
# Words that name an international organisation as a humanitarian one (the Red Cross, the UN
# refugee agency), which, attacked, ACLED counts among the civilians hit; an alliance (NATO) or
# a mission of troops is no civilian.
AID_WORDS = re.compile(
    r"red cross|red crescent|humanitarian|refugee|food|children|health|migration|relief",
    re.IGNORECASE,
)
# Strikes from afar that hit civilians where their dead or what they hit were civilian.
STRIKES = frozenset({"Shelling/artillery/missile attack", "Air/drone strike"})
CIVILIAN_PLACES = frozenset(
    {"village", "house", "home", "market", "school", "hospital", "neighbourhood",
     "neighborhood", "residence", "church", "mosque"}
)  # fmt: skip
CIVILIANS_HIT = frozenset({"Violence against civilians"})
# Named sides that at a demonstration are of its crowd: parties, groups, known people.
CROWD_KINDS = frozenset(
    {"other", "person", "civilians", "protesters", "international organisation",
     "media outlet", "news agency"}
)  # fmt: skip
# Generic names that fit one event type only: a crowd is "Rioters" only in a riot.
GENERIC_FOR = {"Rioters": "Riots"}
# A state or its government that fights, bombs or kills is coded as its forces.
SIDE_FOR_FORCES = frozenset({"state", "government"})
# Kinds that take part in an event as a side only when named as one ("Israel struck ...").
NOT_COMBATANTS = frozenset({"state", "government", "person", "media outlet", "news agency"})
PROTEST_FIRST = frozenset(
    {"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
     "Violent demonstration"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Setting:
    """What every event of an article shares: the article, where its places are, its time."""

    article: Article
    locate: Locate
    references: Sequence[EventDate | None]
    score: Score | None = None
    forces_of: ForcesOf | None = None
    country: str | None = None  # the article's focus country, for events placed nowhere
    claimant: ActorRef | None = None  # the one group that claims responsibility in the article
    forces: Sequence[Actor] = ()  # the article's fighting forces, the most-named first


def build_event(cluster: Sequence[EventMention], *, setting: Setting) -> Event | None:
    """The event the mentions report, or None when, taken together, they report no event."""
    main = anchor(cluster)
    context = _merged_context(cluster, main)
    found = classify(context)
    if found is None:
        return None
    if setting.score is not None:
        found = refine(found, setting.score(_told(cluster, setting.article)))
    if raid_ending_in_arrests(cluster):
        found = typed("Arrests")
    rioted = crowd_clash(found, context, cluster, text=setting.article.text)
    event_type, sub_event_type = found if rioted is None else rioted
    location = _location(cluster, setting, conflict=event_type is not None)
    country = (location.country if location else None) or setting.country
    actor1, assoc1, actor2, assoc2 = _actors(cluster, main)
    if rioted is not None and actor2 is None:
        actor1, actor2 = None, actor1  # the crowd first, whoever it fought second
    if sub_event_type == "Government regains territory" and _foreign(actor1, country):
        # ACLED: a foreign state's forces taking ground is no government regaining its own.
        event_type, sub_event_type = typed("Non-state actor overtakes territory")
    if sub_event_type in PROTEST_FIRST and _is_protesters(actor2) and not _is_protesters(actor1):
        actor1, actor2 = actor2, actor1
    if event_type == "Riots" and _rioting(actor2) and not _rioting(actor1):
        actor1, actor2 = actor2, actor1  # ACLED: the rioters first, the police who met them second
    if event_type == "Protests" and actor1 is None and actor2 is not None and _crowd(actor2):
        actor1, actor2 = actor2, None  # a protest's only unnamed people are its crowd
    if event_type in DEMONSTRATIONS and _organisation(actor1):
        # "BNP activists rallied": ACLED codes the crowd, the party as its associate.
        assoc1, actor1 = [a for a in (actor1,) if a is not None] + assoc1, None
    actor1, assoc1 = _as_civilians(actor1, assoc1, event_type=event_type, target=False)
    actor2, assoc2 = _as_civilians(actor2, assoc2, event_type=event_type, target=True)
    actor1 = _as_side(actor1, event_type=event_type, target=False)
    actor2 = _as_side(actor2, event_type=event_type, target=True)
    crowd = {"Protests": "protesters", "Riots": "rioters"}.get(event_type or "")
    ref1 = _ref(actor1, country, event_type=event_type, crowd=crowd)
    ref2 = _ref(actor2, country, event_type=event_type)
    if event_type in ARMED_TYPES:
        ref1 = _state_forces(actor1, ref1, setting)
        ref2 = _state_forces(actor2, ref2, setting)
    if event_type in DEMONSTRATIONS:
        ref2 = _police_of_state(actor2, ref2)
    claimant = setting.claimant
    if claimant and takes_claimant(event_type, ref1) and (ref2 is None or ref2.id != claimant.id):
        ref1 = claimant
        if ref2 is not None and takes_claimant(event_type, ref2):
            ref2 = None  # "a suicide bomber" the text put on the other side is the claimant
    ref1, ref2 = _generic_sides(
        ref1,
        ref2,
        found=(event_type, sub_event_type),
        country=country,
        crowd=crowd,
        civilians_hit=_civilians_hit(cluster, context, sub_event_type),
        curfew=any(
            CURFEW.search(setting.article.text, m.start, m.end) is not None for m in cluster
        ),
    )
    if ref1 is not None and ref2 is not None and ref1.id == ref2.id:
        ref2 = None  # one actor on both sides is a misreading of who fought whom
    ref1, ref2 = _story_sides((event_type, sub_event_type), ref1, ref2, setting.forces)
    event_date, precision = _date(cluster, main, setting)
    fatalities = _fatalities(cluster) if event_type is not None else None
    evidence = _evidence(cluster, setting.article)
    return Event(
        id=Event.make_id(setting.article.id, evidence),
        event_date=event_date,
        date_precision=precision,
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=ref1,
        assoc_actor_1=_refs(assoc1, country, event_type=event_type, exclude=(ref1, ref2)),
        actor2=ref2,
        assoc_actor_2=_refs(assoc2, country, event_type=event_type, exclude=(ref1, ref2)),
        location=location,
        fatalities=fatalities,
        quantities=_quantities(cluster),
        certainty=main.certainty,
        sources=tuple(dict.fromkeys(s for m in cluster for s in m.sources)),
        evidence=evidence,
        notes=write_note(
            event_date=event_date,
            precision=precision,
            event_type=event_type,
            sub_event_type=sub_event_type,
            actor1=ref1,
            actor2=ref2,
            location=location,
            fatalities=fatalities,
            certainty=main.certainty,
        ),
    )


def _generic_sides(
    ref1: ActorRef | None,
    ref2: ActorRef | None,
    *,
    found: tuple[str | None, str | None],
    country: str | None,
    crowd: str | None,
    civilians_hit: bool,
    curfew: bool = False,
) -> tuple[ActorRef | None, ActorRef | None]:
    """The generic sides ACLED names where the text names none: the unidentified attacker of
    a bombing or an attack, a demonstration's crowd, the civilians an attack, a looting or a
    strike on people hit."""
    event_type, sub_event_type = found
    if ref1 is None and sub_event_type in UNNAMED_ATTACKER and country:
        ref1 = _generic_ref("Unidentified Armed Group", "political militia", country)
    if ref1 is None and crowd is not None:
        # ACLED: a demonstration always has its crowd as actor1, named or not.
        name, kind = GENERIC[crowd]
        ref1 = _generic_ref(name, kind, country)
    if ref1 is None and curfew and event_type == "Strategic developments" and country:
        # "Curfew was imposed in the town": ACLED codes the government that imposed it.
        slug = re.sub(r"[^a-z0-9]+", "-", country.lower()).strip("-")
        name = f"Government of {acled_country(country)}"
        ref1 = ActorRef(id=f"generic-government-{slug}", name=name, kind="government")
    if ref1 is None and sub_event_type == "Arrests" and country:
        # "Five activists were arrested": no one is said to make the arrests; ACLED codes the
        # country's police.
        ref1 = _forces_ref("police", country)
    if ref2 is None and sub_event_type in INTERVENED and country:
        # "300 activists were arrested for taking out processions": a protest someone broke
        # up with no one named doing it was broken up by the country's police.
        ref2 = _forces_ref("police", country)
    if ref2 is None and country and (event_type in CIVILIANS_HIT or civilians_hit):
        # ACLED: violence against civilians and looting hit civilians; "a bomb went off in the
        # market, killing 22": no one named was hit, so people were.
        ref2 = _generic_ref("Civilians", "civilians", country)
    return ref1, ref2


def _civilians_hit(
    cluster: Sequence[EventMention], context: Context, sub_event_type: str | None
) -> bool:
    """Whether the event hit people no one names: a planted bomb that killed or wounded, a
    looting, or a strike whose dead or wounded, or what it hit, were civilians."""
    if sub_event_type == "Looting/property destruction":
        return True
    if sub_event_type in PLANTED and _people_hit(cluster):
        return True
    if sub_event_type not in STRIKES:
        return False
    return "civilians" in context.victims or bool(context.objects & CIVILIAN_PLACES)


def _story_sides(
    found: tuple[str | None, str | None],
    ref1: ActorRef | None,
    ref2: ActorRef | None,
    forces: Sequence[Actor],
) -> tuple[ActorRef | None, ActorRef | None]:
    """The sides the telling leaves out that the story gives: a battle's other side, an air
    strike's air force."""
    event_type, sub_event_type = found
    if event_type == "Battles":
        return _battle_sides(ref1, ref2, forces)
    if sub_event_type == "Air/drone strike" and ref1 is None and ref2 is not None:
        return _air_force(ref2, forces), ref2
    return ref1, ref2


def _battle_sides(
    ref1: ActorRef | None, ref2: ActorRef | None, forces: Sequence[Actor]
) -> tuple[ActorRef | None, ActorRef | None]:
    """A battle's missing side taken from the story (``opponents``): ACLED codes two."""
    if ref1 is None and ref2 is None:
        return both_sides(forces) or (None, None)
    if ref2 is None and ref1 is not None:
        return ref1, opponent(ref1, forces)
    if ref1 is None and ref2 is not None:
        return opponent(ref2, forces), ref2
    return ref1, ref2


def _air_force(target: ActorRef, forces: Sequence[Actor]) -> ActorRef | None:
    """Who flew an air strike on an armed group no one is said to have struck ("airstrikes on
    rebel-held Aleppo"): the state forces the story has fight that group."""
    return opponent(target, forces) if target.kind in NON_STATE else None


def _merged_context(cluster: Sequence[EventMention], main: EventMention) -> Context:
    contexts = [m.context for m in cluster]
    union = frozenset[str]().union
    return Context(
        frames=union(*(response_frames(m, main) for m in cluster)),
        weapons=union(*(c.weapons for c in contexts)),
        agent=main.context.agent or next((c.agent for c in contexts if c.agent), None),
        target=main.context.target or next((c.target for c in contexts if c.target), None),
        victims=union(*(c.victims for c in contexts)),
        objects=union(*(c.objects for c in contexts)),
        territory=any(c.territory for c in contexts),
        property=any(c.property for c in contexts),
        materiel=any(c.materiel for c in contexts),
        lemmas=union(*(c.lemmas for c in contexts)),
        at_protest=main.context.at_protest,
    )


def _actors(
    cluster: Sequence[EventMention], main: EventMention
) -> tuple[Participant | None, list[Participant], Participant | None, list[Participant]]:
    ordered = [main, *(m for m in cluster if m is not main)]
    actor1 = next((m.roles.actor1 for m in ordered if m.roles.actor1), None)
    if main.family != "protest" and actor1 is not None and actor1.actor is None:
        # "The armed group robbed ..." after "MNLC members set up ...": the name, if given.
        actor1 = next((m.roles.actor1 for m in ordered if _named(m.roles.actor1)), actor1)
    actor2 = next((m.roles.actor2 for m in ordered if m.roles.actor2), None)
    if main.family == "protest" and actor2 is not None and _individual(actor2):
        actor2 = None  # a demonstration's other side is who acted on it, never one person
    if main.family == "protest" and (actor2 is None or in_crowd(actor2)):
        acted_on = intervener(ordered[1:], crowd=actor1)
        if acted_on is None and actor1 is not None and _crowd(actor1):
            # "hundreds of students protested": the people are the crowd, not its other side.
            actor2 = None
        actor2 = acted_on or actor2
    assoc1 = [a for m in ordered for a in m.roles.assoc1]
    assoc2 = [a for m in ordered for a in m.roles.assoc2]
    for mention in ordered:
        # Who else a later mention names on either side joins that side ("as well as Russian
        # forces ... were caught off guard"), if it is a fighting force, not a government.
        for person, side in ((mention.roles.actor1, assoc1), (mention.roles.actor2, assoc2)):
            if person is not None and _combatant(person):
                side.append(person)
        if mention.status in ("anaphoric", "weak", "consequence"):
            assoc2.extend(p for p in mention.roles.assoc2 if _combatant(p))
    return actor1, assoc1, actor2, assoc2


def _as_civilians(
    person: Participant | None,
    assoc: list[Participant],
    *,
    event_type: str | None,
    target: bool,
) -> tuple[Participant | None, list[Participant]]:
    """ACLED names civilians by the country they were hit in: aid workers, journalists,
    "residents" the knowledge base knows without a country, and an aid organisation hit by
    violence, are "Civilians (X)", the named group its associate."""
    if person is None or person.actor is None or person.actor.country is not None:
        return person, assoc
    kind = person.actor.kind
    if kind == "civilians" or (target and _aid(person.actor) and event_type in ARMED_TYPES):
        generic = replace(person, actor=None, kind="civilians")
        return generic, [person, *assoc] if person.actor.id != "civilians" else assoc
    return person, assoc


def _aid(actor: Actor) -> bool:
    """A humanitarian international organisation: the ICRC, the WFP, UNHCR (AID_WORDS)."""
    if actor.kind != "international organisation":
        return False
    return any(AID_WORDS.search(name) for name in (actor.name, *actor.aliases))


def _organisation(person: Participant | None) -> bool:
    """A named side that takes no arms: a party, a union, a known person (CROWD_KINDS)."""
    return person is not None and person.actor is not None and person.actor.kind in CROWD_KINDS


def _rioting(person: Participant | None) -> bool:
    """A mob, rioters or demonstrators, named or not."""
    if person is None:
        return False
    kind = person.actor.kind if person.actor else person.kind
    return kind in ("mob", "rioters", "protesters")


def _crowd(person: Participant) -> bool:
    return in_crowd(person) or _is_protesters(person)


def _individual(person: Participant | None) -> bool:
    """A person the knowledge base does not know: ACLED codes no one person as a side."""
    return (
        person is not None
        and person.actor is not None
        and person.actor.kind == "person"
        and person.actor.id.startswith("unk-")
    )


def _unplaced(person: Participant) -> bool:
    """A name the text gives that is neither in the knowledge base nor of a known kind ("A
    Algarro" of a photo credit, a victim's name): at a demonstration, no side of its own."""
    actor = person.actor
    return actor is not None and actor.kind == "other" and actor.id.startswith("unk-")


def _credit(person: Participant) -> bool:
    """An unknown name written as a photo credit is: "(H. Murdock/VOA)", "A. Algarro/VOA"."""
    return (
        _unplaced(person)
        and person.actor is not None
        and CREDIT.search(person.actor.name) is not None
    )


def _as_side(
    person: Participant | None, *, event_type: str | None, target: bool
) -> Participant | None:
    """An individual named as a side stands for ACLED's generic actor: a person hit by
    violence is a civilian; a person at a demonstration one of its crowd; a person who
    attacks an unidentified attacker."""
    demonstration = event_type in DEMONSTRATIONS
    if person is not None and _credit(person):
        return None  # "(H. Murdock/VOA)" of a photo credit is no side of anything
    if person is None or not (_individual(person) or (demonstration and _unplaced(person))):
        return person
    if demonstration:
        return None if target else replace(person, actor=None, kind="protesters")
    if event_type in ARMED_TYPES:
        return replace(person, actor=None, kind="civilians") if target else None
    return person


def _foreign(person: Participant | None, country: str | None) -> bool:
    if person is None:
        return False
    home = person.actor.country if person.actor is not None else person.country
    return home is not None and country is not None and home != country


def _named(person: Participant | None) -> bool:
    return person is not None and person.actor is not None


def _combatant(person: Participant | None) -> bool:
    return (
        person is not None and person.actor is not None and person.actor.kind not in NOT_COMBATANTS
    )


def _is_protesters(person: Participant | None) -> bool:
    if person is None:
        return False
    kind = person.actor.kind if person.actor else None
    return kind == "protesters" or person.kind == "protesters"


def _ref(
    person: Participant | None,
    country: str | None,
    *,
    event_type: str | None,
    crowd: str | None = None,
) -> ActorRef | None:
    """The actor's reference; for an unnamed participant, ACLED's generic name for its kind.

    ``crowd`` names unnamed demonstrators by what the event makes them ("protesters", "rioters");
    a generic name that does not fit ``event_type`` is left out.
    """
    if person is None:
        return None
    if person.actor is not None:
        return person.actor.ref()
    kind_key = person.kind or ""
    if crowd is not None and kind_key in CROWDS:
        kind_key = crowd
    generic = GENERIC.get(kind_key)
    if generic is None:
        return None
    name, kind = generic
    if GENERIC_FOR.get(name, event_type) != event_type:
        return None  # community leaders in an agreement are no rioters
    home = person.country or country
    if kind_key == "state_forces" and home:
        at_demonstration = event_type in DEMONSTRATIONS and person.head not in MILITARY_HEADS
        return _forces_ref("police" if at_demonstration else person.head, home)
    return _generic_ref(name, kind, home)


def _forces_ref(head: str, country: str) -> ActorRef:
    """ACLED's name for a country's unnamed forces: "Police Forces of India" for police and
    officers, "Military Forces of Mali" for soldiers and troops."""
    branch = "Police" if head in POLICE_HEADS else "Military"
    slug = re.sub(r"[^a-z0-9]+", "-", country.lower()).strip("-")
    return ActorRef(
        id=f"generic-state-forces-{slug}",
        name=f"{branch} Forces of {acled_country(country)}",
        kind="state forces",
    )


def _state_forces(
    person: Participant | None, ref: ActorRef | None, setting: Setting
) -> ActorRef | None:
    """A state that fights stands for its forces: the knowledge base's, else ACLED's name."""
    if ref is None or ref.kind not in SIDE_FOR_FORCES or person is None or person.actor is None:
        return ref
    country = person.actor.country
    if not country:
        return ref
    forces = setting.forces_of(country, setting.article.published) if setting.forces_of else None
    if forces is not None:
        return forces
    slug = re.sub(r"[^a-z0-9]+", "-", country.lower()).strip("-")
    name = f"Military Forces of {acled_country(country)}"
    return ActorRef(id=f"forces-{slug}", name=name, kind="state forces")


def _police_of_state(person: Participant | None, ref: ActorRef | None) -> ActorRef | None:
    """At a demonstration a state or its government acts through its police ("Russia detained
    hundreds of protesters"): ACLED codes "Police Forces of Russia"."""
    if ref is None or ref.kind not in SIDE_FOR_FORCES or person is None or person.actor is None:
        return ref
    country = person.actor.country
    return _forces_ref("police", country) if country else ref


def _generic_ref(name: str, kind: str, country: str | None) -> ActorRef:
    """ACLED's generic actor of ``name`` in ``country``: "Unidentified Armed Group (Mali)"."""
    full = f"{name} ({country})" if country else name
    slug = re.sub(r"[^a-z0-9]+", "-", full.lower()).strip("-")
    return ActorRef(id=f"generic-{slug}", name=full, kind=kind)


def _refs(
    people: Sequence[Participant],
    country: str | None,
    *,
    event_type: str | None,
    exclude: tuple[ActorRef | None, ...],
) -> tuple[ActorRef, ...]:
    seen = {ref.id for ref in exclude if ref is not None}
    refs: list[ActorRef] = []
    for person in people:
        ref = _ref(person, country, event_type=event_type)
        if ref is not None and ref.id not in seen:
            seen.add(ref.id)
            refs.append(ref)
    return tuple(refs)


def _date(
    cluster: Sequence[EventMention], main: EventMention, setting: Setting
) -> tuple[date | None, str]:
    published = setting.article.published
    explicit = main.date or next((m.date for m in cluster if m.date is not None), None)
    # Without a publication day only dates that name their year are read ("On 17 September
    # 2019"), so the story's date stands even then.
    reference = setting.references[main.sentence]
    if main.date is None and _finer(reference, explicit):
        # The main clause is dated by the story ("on Oct. 17 ... fighters attacked"); a coarser
        # date another mention carries ("a response to shelling last month") does not override it.
        explicit = reference
    explicit = _narrowed(explicit, [m.date for m in cluster])
    if explicit is not None and explicit.value is not None:
        found = (explicit.value, explicit.precision)
    elif published is None:
        if reference is None or reference.value is None:
            return None, "approximate"
        found = (reference.value, reference.precision)
    else:
        found = (
            (reference.value, reference.precision)
            if reference and reference.value
            else (published, "approximate")
        )
    if main.iterative and found[1] == "day":
        return found[0], "approximate"
    return found


def _narrowed(explicit: EventDate | None, others: Sequence[EventDate | None]) -> EventDate | None:
    """A week or month date made a day where another telling names a day inside it ("protests
    this week" and "he was shot at a protest on Tuesday")."""
    if explicit is None or explicit.value is None or explicit.precision not in ("week", "month"):
        return explicit
    start = explicit.value
    for day in others:
        if day is None or day.value is None or day.precision != "day":
            continue
        inside = (
            0 <= (day.value - start).days <= 6
            if explicit.precision == "week"
            else (day.value.year, day.value.month) == (start.year, start.month)
        )
        if inside:
            return day
    return explicit


def _finer(reference: EventDate | None, other: EventDate | None) -> bool:
    """Whether ``reference`` names a day or week and ``other``, if any, only something coarser."""
    if reference is None or reference.value is None or reference.precision not in DAYLIKE:
        return False
    return other is not None and other.precision not in DAYLIKE


def _location(
    cluster: Sequence[EventMention], setting: Setting, *, conflict: bool
) -> Location | None:
    """Where the event happened: the place of its main telling, else of the first telling that
    names one in its own words ("Demonstrators chanted ..." then "Demonstrators also took to the
    streets in New York City": New York), else the place the first telling is read at."""
    main = anchor(cluster)
    found_at = [(m, setting.locate(*(m.site or (m.start, m.end)))) for m in (main, *cluster)]
    own = next((f for _, f in found_at if f is not None and f.note is None), None)
    if own is not None:
        return own
    if not conflict:
        return None
    return next((f for m, f in found_at[1:] if f is not None), None)


def _fatalities(cluster: Sequence[EventMention]) -> int | None:
    """ACLED's conservative figure: the lowest death toll the article reports without a hedge
    (hedged or claimed tolls only when there is no other, and figures a vague word stands for
    only when none is explicit); 0 only when nobody died. A death
    told for a later day ("one of the wounded died overnight") is no alternative toll."""
    first = next((m.date.value for m in cluster if m.date is not None), None)
    tolls = [
        m
        for m in cluster
        if not (m.status == "consequence" and m.date is not None and m.date.value != first)
    ]
    plain = [m.figures.fatalities for m in tolls if m.certainty == "reported"]
    hedged = [m.figures.fatalities for m in tolls if m.certainty != "reported"]
    # An explicit figure beats what a vague word stands for ("several" is 3, "dozens" 12).
    exact = [m for m in tolls if not m.figures.vague]
    for figures in (
        [m.figures.fatalities for m in exact if m.certainty == "reported"],
        [m.figures.fatalities for m in exact if m.certainty != "reported"],
        plain,
        hedged,
    ):
        positive = [f for f in figures if f]
        if positive:
            return min(positive)
    if any(f == 0 for f in plain + hedged):
        return 0
    return None


def _people_hit(cluster: Sequence[EventMention]) -> bool:
    """Whether the mentions count dead or wounded (not "no one was hurt")."""
    return any(
        m.figures.fatalities
        or any(q.what in ("fatalities", "injured") and _some(q) for q in m.figures.quantities)
        for m in cluster
    )


def _some(quantity: Quantity) -> bool:
    figure = quantity.low if quantity.low is not None else quantity.value
    return figure is None or figure > 0


def _quantities(cluster: Sequence[EventMention]) -> tuple[Quantity, ...]:
    found: dict[tuple[object, ...], Quantity] = {}
    for mention in cluster:
        for quantity in mention.figures.quantities:
            key = (quantity.what, quantity.value, quantity.low, quantity.high, quantity.unit)
            found.setdefault(key, quantity)
    return tuple(found.values())


def _told(cluster: Sequence[EventMention], article: Article) -> str:
    """The sentences that tell the event, in order."""
    spans = sorted({(m.start, m.end) for m in cluster})
    return " ".join(article.text[start:end] for start, end in spans)


def _evidence(cluster: Sequence[EventMention], article: Article) -> tuple[Mention, ...]:
    spans = sorted({(m.start, m.end) for m in cluster})
    return tuple(article.mention(start, end) for start, end in spans)
