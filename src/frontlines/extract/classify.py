"""ACLED's event type and sub-event type from an event's frames, means and participants.

The rules follow ACLED's codebook: the means decide among remote violence (air, artillery,
explosives) unless ground fighting is reported with them; the target decides between a battle and
violence against civilians; demonstrators and what happens to them decide among protests and riots;
unarmed groups fighting each other are mob violence; a few non-violent frames are strategic
developments. Diplomatic contact is a happening with no ACLED type (None, None).
"""

from __future__ import annotations

from dataclasses import dataclass

from frontlines.model import SUB_EVENT_TYPES

VIOLENT_FRAMES = frozenset(
    {"attack", "clash", "kill", "injure", "shelling", "airstrike", "explosion", "sexual", "abduct"}
)
HARM_FRAMES = frozenset({"attack", "clash", "kill", "injure"})
# Shooting at people, whatever the gun: lethal force at a demonstration.
SHOOTING = frozenset(
    {"open>fire", "fire>at", "fire>on", "shoot", "shoot>at", "fire>bullet", "fire>shot"}
)
BLOCKADES = frozenset({"blockade", "block>road", "block>highway", "block>street"})
# Clash-frame verbs that tell one side's act, not an exchange ("assaulted the marchers").
ONE_SIDED = frozenset({"assault", "storm", "raid"})
REMOTE_FRAMES = frozenset({"shelling", "airstrike", "explosion"})
TAKING_CONTROL = frozenset({"take>control", "seize>control", "gain>control", "assume>control"})
CONQUEST = frozenset(
    {"capture", "seize", "overrun", "retake", "recapture", "conquer", "storm", "liberate"}
)
# Blows to people: "beating three aid workers" is violence against them, whatever was taken.
BLOWS = frozenset({"beat", "torture", "stab", "hack", "punch", "kick", "slap", "whip", "flog"})
# Violence done to a person, not exchanged: with neither side named, it is an attack on people.
PERSONAL = frozenset(
    {"shoot", "stab", "shoot>dead", "gun>down", "stab>death", "beat>death", "hack>death",
     "murder", "behead", "assassinate", "lynch", "execute", "slay"}
)  # fmt: skip
# Bombs that are planted, not dropped: a state's forces "bombing" a place (not a building or a
# tower, which is blown up) otherwise do it from the air, as ACLED codes it.
PLANTED_BOMBS = frozenset(
    {"ied", "landmine", "mine", "device", "car", "vehicle", "suicide", "plant"}
)
AIRCRAFT = frozenset({"plane", "aircraft", "jet", "helicopter", "airplane", "warplane", "bomber"})
STRATEGIC = (
    ("disrupted", "Disrupted weapons use"),
    ("agreement", "Agreement"),
    ("loot", "Looting/property destruction"),
    ("base", "Headquarters or base established"),
    ("change_group", "Change to group/activity"),
    ("transfer", "Non-violent transfer of territory"),
    ("arrest", "Arrests"),
    ("other", "Other"),
)
UNARMED = frozenset({"civilians", "protesters", "rioters", "partisans", "person", "mob"})
ARMED = frozenset({"state", "armed"})
# Kinds of actor (analysis contract) and participant nouns, as the classes typing reasons with.
KIND_CLASSES = {
    "state forces": "state",
    "state": "state",
    "government": "state",
    "rebel group": "armed",
    "militia": "armed",
    "political militia": "armed",
    "identity militia": "armed",
    "mercenary": "armed",
    "civilians": "civilians",
    "protesters": "protesters",
    "person": "person",
    "state_forces": "state",
    "armed_group": "armed",
    "rioters": "rioters",
    "partisans": "partisans",
    "mob": "mob",
}
EventType = tuple[str | None, str | None]


@dataclass(frozen=True, slots=True)
class Context:
    """What typing looks at: frames, means, who acted, who or what was targeted."""

    frames: frozenset[str]
    weapons: frozenset[str] = frozenset()
    agent: str | None = None
    target: str | None = None
    victims: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    territory: bool = False
    property: bool = False
    materiel: bool = False
    lemmas: frozenset[str] = frozenset()
    named_agent: bool = False
    at_protest: bool = False


def kind_class(kind: str | None) -> str | None:
    return KIND_CLASSES.get(kind) if kind else None


def classify(ctx: Context) -> EventType | None:
    """(event_type, sub_event_type); (None, None) for a non-conflict happening; None: no event."""
    frames = ctx.frames
    if frames <= {"diplomacy"}:
        return (None, None)
    if "suicide" in ctx.weapons and "clash" not in frames:
        # ACLED codes a suicide bombing that opens a ground assault as the battle it began.
        return typed("Suicide bomb")
    if "chemical" in ctx.weapons and frames & VIOLENT_FRAMES:
        return typed("Chemical weapon")
    if frames <= {"intimidate", "protest"} and "intimidate" in frames:
        # Threats count as an event only from an armed group ("militants gave villagers an
        # ultimatum to leave"), not from a government's statement.
        return typed("Other") if ctx.agent == "armed" else None
    blockade = "protest" in frames and ctx.lemmas & BLOCKADES and ctx.agent == "armed"
    if blockade and not frames & (HARM_FRAMES | {"loot", "abduct"}):
        return typed("Other")  # an armed group's blockade of a town is no demonstration
    for rule in (_protest, _riot, _remote):
        found = rule(ctx)
        if found is not None:
            return found
    if "sexual" in frames:
        return typed("Sexual violence")
    if "territory" in frames and ctx.territory:
        taken_quietly = ctx.lemmas & TAKING_CONTROL and not ctx.lemmas & CONQUEST
        if taken_quietly and not frames & HARM_FRAMES and ctx.agent == "armed":
            # "militants took control of the village and raised their flag": no fight is told,
            # so ACLED counts a non-violent transfer. An army "taking control" of a village in a
            # war is reporting a battle's outcome, and stays one.
            return typed("Non-violent transfer of territory")
        if ctx.agent == "state":
            return typed("Government regains territory")
        return typed("Non-state actor overtakes territory")
    taken = "abduct" in frames or ("arrest" in frames and ctx.agent == "armed")
    if taken and not frames & {"kill", "injure"}:
        # A non-state group's "arrest" is an abduction in ACLED's terms; people taken and then
        # killed or hurt were attacked.
        return typed("Abduction/forced disappearance")
    if {"transfer", "clash"} <= frames and ctx.territory and ctx.agent in ARMED:
        # "withdrew from the town after heavy fighting with the army": the other side took it.
        retaken = ctx.agent == "armed"
        return typed(
            "Government regains territory" if retaken else "Non-state actor overtakes territory"
        )
    if "disrupted" in frames and ctx.objects & AIRCRAFT:
        return typed("Armed clash")  # a crewed aircraft shot down; a drone is disrupted weapons
    if ctx.materiel and frames & {"disrupted", "territory"} and not frames & HARM_FRAMES:
        # "killed four militants and seized arms": the fight is the event.
        return typed("Disrupted weapons use")
    if "disrupted" in frames and not frames & HARM_FRAMES:
        return typed("Disrupted weapons use")
    seized = "territory" in frames and ctx.property
    # "occupied an office and made it their base" is the base; "set up a checkpoint and seized
    # a vehicle" is the seizure.
    moved_in = not seized or "occupy" in ctx.lemmas
    if "base" in frames and not frames & (HARM_FRAMES | {"loot"}) and moved_in:
        return typed("Headquarters or base established")  # "occupied a school as their base"
    if seized and not frames & HARM_FRAMES:
        return typed("Looting/property destruction")
    for frame, sub in STRATEGIC:
        if frame == "transfer" and not ctx.territory:
            continue  # a withdrawal from nowhere named is part of a battle, not a handover
        if frame in frames and not (frames & HARM_FRAMES):
            return typed(sub)
    if _robbery(ctx):
        return typed("Looting/property destruction")
    if frames & HARM_FRAMES or "territory" in frames:
        return _harm(ctx)
    if "riot" in frames:
        return typed("Looting/property destruction")
    if "diplomacy" in frames:
        return (None, None)
    return None


def typed(sub: str) -> EventType:
    """(event_type, sub_event_type) for an ACLED sub-event type."""
    return (SUB_EVENT_TYPES[sub], sub)


def _protest(ctx: Context) -> EventType | None:
    frames = ctx.frames
    crowd = "protesters" in (ctx.agent, ctx.target, *ctx.victims)
    # "Police dispersed them" tells of a demonstration; a mob that rioted or gunmen who
    # "removed" goods do not.
    dispersal = (
        ctx.agent == "state"
        and "intervene" in frames
        and not frames & (HARM_FRAMES | {"riot", "loot"})
    )
    if "protest" not in frames and not crowd and not dispersal:
        return None
    responses = {"riot", "loot", "intervene", "lethal_force"}
    if "protest" not in frames and not (frames & (HARM_FRAMES | responses)):
        return None
    demonstrators_act = ctx.agent in ("protesters", "partisans", "rioters", "civilians", None)
    lethal = is_lethal(ctx)
    one_sided = frames & HARM_FRAMES and ("clash" not in frames or ONE_SIDED & ctx.lemmas)
    if ctx.at_protest and ctx.agent in ("state", "armed", "partisans") and one_sided:
        # Someone else's violence at a demonstration is an intervention in it; a clash there
        # is the demonstration turning violent.
        sub = "Excessive force against protesters" if lethal else "Protest with intervention"
        return typed(sub)
    if demonstrators_act and frames & {"riot", "loot"}:
        return typed("Violent demonstration")
    if demonstrators_act and "crude_bomb" in ctx.weapons:
        return typed("Violent demonstration")
    assaulted = ctx.target in ("protesters", "partisans") and not demonstrators_act
    if "clash" in frames and (demonstrators_act or (assaulted and not one_sided)):
        return typed("Violent demonstration")
    if frames & HARM_FRAMES and demonstrators_act and "crowd_control" not in ctx.weapons:
        return typed("Violent demonstration")  # whatever the police did next
    # Lethal force counts as excessive only against a demonstration that was not violent.
    armed_lethal = (ctx.agent in ARMED and lethal) or "lethal_force" in frames
    if armed_lethal and "crowd_control" not in ctx.weapons:
        return typed("Excessive force against protesters")
    intervened = (
        frames & {"arrest", "intervene"}
        or "crowd_control" in ctx.weapons
        or (frames & HARM_FRAMES and ctx.agent in ("state", "partisans", "armed"))
    )
    if intervened:
        return typed("Protest with intervention")
    return typed("Peaceful protest")


def is_lethal(ctx: Context) -> bool:
    """Killing, or shooting with guns (not tear gas or rubber bullets)."""
    shooting = bool(ctx.lemmas & SHOOTING) and "crowd_control" not in ctx.weapons
    return "kill" in ctx.frames or "firearm" in ctx.weapons or shooting


def _riot(ctx: Context) -> EventType | None:
    frames = ctx.frames
    violent = frames & (HARM_FRAMES | {"riot", "loot", "explosion", "attack"})
    if "mob" in frames or (ctx.agent == "mob" and violent):
        return typed("Mob violence")
    if ctx.agent in ("rioters", "protesters") and violent:
        return typed("Violent demonstration")
    if ctx.at_protest and ctx.agent in (None, "civilians") and violent:
        return typed("Violent demonstration")  # rioting during a demonstration is part of it
    if "crude_bomb" in ctx.weapons and not (ctx.agent == "state" or ctx.named_agent):
        return typed("Mob violence")
    if ctx.agent == "partisans" and violent:
        return typed("Mob violence")
    if _communal_clash(ctx):
        return typed("Mob violence")
    if ctx.agent in (None, "civilians") and ctx.target == "partisans" and violent:
        return typed("Mob violence")
    remote = frames & REMOTE_FRAMES or ctx.weapons & {"air", "shelling", "explosive"}
    if ctx.agent == "civilians" and frames & HARM_FRAMES and ctx.target not in ARMED:
        # "a man stepped on a landmine and died": the man is the victim of the mine.
        return None if remote else typed("Mob violence")
    if "riot" in frames and not (ctx.agent == "state" or ctx.named_agent):
        # Vandalism and arson by people no one names: a mob, not an armed group.
        return typed("Mob violence")
    return None


def _communal_clash(ctx: Context) -> bool:
    """ "a clash between two communities", "communal clashes": with no armed side named, no
    guns and no bombs, ACLED codes people of two communities fighting as mob violence."""
    if "communal" not in ctx.lemmas or "clash" not in ctx.frames:
        return False
    armed = ctx.agent in ARMED or ctx.target in ARMED or bool(ctx.victims & ARMED)
    weapons = ctx.weapons & {"firearm", "air", "shelling", "explosive", "grenade"}
    return not armed and not weapons and not ctx.frames & REMOTE_FRAMES


def _remote(ctx: Context) -> EventType | None:
    frames = ctx.frames
    weapons = ctx.weapons
    remote_means = weapons & {"air", "shelling", "explosive", "grenade"}
    if not frames & (HARM_FRAMES | REMOTE_FRAMES) and not (remote_means and frames & {"loot"}):
        return None
    if "clash" in frames:
        return None  # ground fighting, even with artillery or air support, is a battle
    if "airstrike" in frames or ("air" in weapons and "air_defense" not in weapons):
        return typed("Air/drone strike")
    if "shelling" in frames or "shelling" in weapons:
        return typed("Shelling/artillery/missile attack")
    if (
        ctx.agent == "state"
        and "bomb" in ctx.lemmas
        and not ctx.lemmas & PLANTED_BOMBS
        and not ctx.property
    ):
        return typed("Air/drone strike")  # "the army bombed the town": from the air
    if "grenade" in weapons:
        return typed("Grenade")
    if "explosion" in frames or "explosive" in weapons:
        return typed("Remote explosive/landmine/IED")
    return None


def _robbery(ctx: Context) -> bool:
    """ "ambushed an aid convoy and looted the trucks", no one hurt: ACLED counts the looting,
    not an attack; anyone killed or hurt, or soldiers on the other side, make it violence."""
    frames = ctx.frames
    looted = "loot" in frames or ("territory" in frames and ctx.property)
    armed_side = ctx.target in ARMED or bool(ctx.victims & ARMED)
    hurt = frames & {"kill", "injure", "sexual", "abduct"} or ctx.lemmas & BLOWS
    fought = "clash" in frames and not ONE_SIDED & ctx.lemmas
    # Shooting at people or shelling is violence whether or not anyone was hit.
    fired = ctx.lemmas & SHOOTING or ctx.weapons & {"shelling", "air", "explosive", "firearm"}
    raided = bool(frames & {"attack", "clash"}) and not fought
    return looted and raided and not (hurt or armed_side or fired)


def _harm(ctx: Context) -> EventType:
    if "air_defense" in ctx.weapons:
        return typed("Armed clash")
    civilian_targets = ctx.target in UNARMED or bool(ctx.victims & UNARMED)
    armed_targets = ctx.target in ARMED or bool(ctx.victims & ARMED)
    if "clash" in ctx.frames and ctx.target not in UNARMED:
        return typed("Armed clash")
    if civilian_targets and not armed_targets and ctx.agent not in UNARMED:
        return typed("Attack")
    if ctx.property and not armed_targets and "clash" not in ctx.frames:
        return typed("Attack")
    if "terror" in ctx.lemmas and not armed_targets and "clash" not in ctx.frames:
        return typed("Attack")  # "a terror attack" told with no target is on civilians
    one_sided = ctx.frames & {"kill", "injure"} and "clash" not in ctx.frames
    if one_sided and ctx.agent in ARMED and ctx.target is None and not armed_targets:
        return typed("Attack")
    unknown_sides = ctx.agent is None and ctx.target is None and not armed_targets
    if unknown_sides and ctx.frames <= HARM_FRAMES - {"clash"} and ctx.lemmas & PERSONAL:
        return typed("Attack")  # "both shot in the head": people were shot, no side fought
    return typed("Armed clash")
