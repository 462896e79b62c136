from __future__ import annotations

import pytest

from frontlines.extract.classify import Context, classify


def _sub(**fields: object) -> str | None:
    found = classify(Context(**fields))  # type: ignore[arg-type]
    assert found is not None
    return found[1]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"frames": frozenset({"shelling"}), "agent": "state"},
            "Shelling/artillery/missile attack",
        ),
        ({"frames": frozenset({"attack"}), "weapons": frozenset({"air"})}, "Air/drone strike"),
        ({"frames": frozenset({"attack"}), "weapons": frozenset({"suicide"})}, "Suicide bomb"),
        ({"frames": frozenset({"explosion"})}, "Remote explosive/landmine/IED"),
        (
            {"frames": frozenset({"kill"}), "agent": "armed", "target": "civilians"},
            "Attack",
        ),
        ({"frames": frozenset({"kill"}), "agent": "armed", "target": "state"}, "Armed clash"),
        (
            {"frames": frozenset({"territory"}), "agent": "armed", "territory": True},
            "Non-state actor overtakes territory",
        ),
        (
            {"frames": frozenset({"territory"}), "agent": "state", "territory": True},
            "Government regains territory",
        ),
        ({"frames": frozenset({"abduct"}), "agent": "armed"}, "Abduction/forced disappearance"),
        ({"frames": frozenset({"arrest"}), "agent": "state"}, "Arrests"),
        ({"frames": frozenset({"agreement"})}, "Agreement"),
    ],
)
def test_classify_follows_acled(fields: dict[str, object], expected: str) -> None:
    assert _sub(**fields) == expected


def test_classify_protests_by_what_happens_to_them() -> None:
    assert _sub(frames=frozenset({"protest"})) == "Peaceful protest"
    assert (
        _sub(frames=frozenset({"protest", "intervene"}), weapons=frozenset({"crowd_control"}))
        == "Protest with intervention"
    )
    assert (
        _sub(frames=frozenset({"protest", "kill"}), agent="state", weapons=frozenset({"firearm"}))
        == "Excessive force against protesters"
    )
    assert _sub(frames=frozenset({"protest", "riot"}), agent="protesters") == (
        "Violent demonstration"
    )


def test_classify_unarmed_groups_fighting_is_mob_violence() -> None:
    assert _sub(frames=frozenset({"clash"}), agent="partisans") == "Mob violence"
    assert _sub(frames=frozenset({"attack"}), agent="mob", target="person") == "Mob violence"


def test_classify_ground_fighting_with_artillery_is_a_battle() -> None:
    assert _sub(frames=frozenset({"clash", "attack"}), weapons=frozenset({"shelling"})) == (
        "Armed clash"
    )


def test_classify_diplomacy_has_no_acled_type() -> None:
    assert classify(Context(frames=frozenset({"diplomacy"}))) == (None, None)


def test_classify_intervention_alone_is_no_event() -> None:
    assert classify(Context(frames=frozenset({"intervene"}))) is None


def test_classify_dispersal_by_the_authorities_tells_of_a_protest() -> None:
    assert _sub(frames=frozenset({"intervene"}), agent="state") == "Protest with intervention"
    assert _sub(frames=frozenset({"protest", "lethal_force"})) == (
        "Excessive force against protesters"
    )


def test_classify_a_mob_dispersed_by_police_stays_a_riot() -> None:
    found = _sub(frames=frozenset({"riot", "intervene"}), agent="civilians")
    assert found is not None
    assert found != "Protest with intervention"


def test_classify_demonstrators_who_attack_make_a_violent_demonstration() -> None:
    frames = frozenset({"protest", "attack", "intervene"})
    assert _sub(frames=frames, agent="protesters") == "Violent demonstration"


def test_classify_suicide_bombing_that_opens_a_battle_is_the_battle() -> None:
    frames = frozenset({"attack", "clash"})
    assert _sub(frames=frames, weapons=frozenset({"suicide"}), agent="armed") == "Armed clash"


def test_classify_arrest_by_an_armed_group_is_an_abduction() -> None:
    assert _sub(frames=frozenset({"arrest"}), agent="armed") == "Abduction/forced disappearance"


def test_classify_people_taken_and_then_killed_were_attacked() -> None:
    abducted = frozenset({"abduct", "kill"})
    assert _sub(frames=abducted, agent="armed", target="civilians") == "Attack"
    arrested = frozenset({"arrest", "kill"})
    assert _sub(frames=arrested, agent="state", target="civilians") == "Attack"


def test_classify_a_civilian_killed_by_a_mine_is_no_mob() -> None:
    frames = frozenset({"explosion", "kill"})
    found = _sub(frames=frames, agent="civilians", weapons=frozenset({"explosive"}))
    assert found == "Remote explosive/landmine/IED"


def test_classify_looting_at_a_new_checkpoint_is_looting() -> None:
    assert _sub(frames=frozenset({"base", "loot"}), agent="armed") == (
        "Looting/property destruction"
    )


def test_classify_withdrawal_after_fighting_is_a_territorial_change() -> None:
    fields: dict[str, object] = {"frames": frozenset({"transfer", "clash"}), "territory": True}
    assert _sub(**fields, agent="armed") == "Government regains territory"
    assert _sub(**fields, agent="state") == "Non-state actor overtakes territory"


def test_classify_coups_and_mutinies_without_fighting_are_other() -> None:
    assert _sub(frames=frozenset({"other"}), agent="state") == "Other"


def test_classify_lethal_force_on_protesters_by_anyone_armed_is_excessive() -> None:
    frames = frozenset({"protest", "kill"})
    assert _sub(frames=frames, agent="armed", weapons=frozenset({"firearm"})) == (
        "Excessive force against protesters"
    )


def test_classify_lethal_force_on_a_violent_demonstration_stays_a_riot() -> None:
    frames = frozenset({"protest", "clash", "lethal_force"})
    assert _sub(frames=frames, agent="protesters") == "Violent demonstration"


def test_classify_a_base_in_an_occupied_building_is_a_base() -> None:
    lemmas = frozenset({"occupy", "establish>base"})
    fields: dict[str, object] = {"frames": frozenset({"territory", "base"}), "property": True}
    assert _sub(**fields, lemmas=lemmas, agent="armed") == "Headquarters or base established"
    seized = frozenset({"seize", "establish>checkpoint"})
    assert _sub(**fields, lemmas=seized, agent="armed") == "Looting/property destruction"


def test_classify_curfews_and_operations_change_a_group_activity() -> None:
    assert _sub(frames=frozenset({"change_group"}), agent="state") == "Change to group/activity"


def test_classify_others_attacking_a_demonstration_intervene_in_it() -> None:
    fields: dict[str, object] = {"frames": frozenset({"protest", "attack"}), "at_protest": True}
    assert _sub(**fields, agent="partisans") == "Protest with intervention"
    assert _sub(**fields, agent="state", weapons=frozenset({"firearm"})) == (
        "Excessive force against protesters"
    )
    assert _sub(**fields, agent="protesters") == "Violent demonstration"


def test_classify_a_clash_at_a_demonstration_is_a_violent_demonstration() -> None:
    frames = frozenset({"protest", "clash"})
    assert _sub(frames=frames, agent="partisans", at_protest=True) == "Violent demonstration"


def test_classify_an_assault_at_a_demonstration_is_one_sided() -> None:
    frames = frozenset({"protest", "clash"})
    lemmas = frozenset({"assault", "demonstration"})
    assert _sub(frames=frames, agent="partisans", at_protest=True, lemmas=lemmas) == (
        "Protest with intervention"
    )


def test_classify_tear_gas_is_the_police_not_the_demonstrators() -> None:
    frames = frozenset({"protest", "attack"})
    weapons = frozenset({"crowd_control"})
    assert _sub(frames=frames, weapons=weapons) == "Protest with intervention"


def test_classify_shooting_at_demonstrators_is_excessive_force() -> None:
    frames = frozenset({"protest", "attack"})
    lemmas = frozenset({"fire>at"})
    assert _sub(frames=frames, agent="state", lemmas=lemmas) == (
        "Excessive force against protesters"
    )
    tear_gas = frozenset({"crowd_control"})
    assert _sub(frames=frames, agent="state", lemmas=lemmas, weapons=tear_gas) == (
        "Protest with intervention"
    )


def test_classify_an_armed_groups_threats_and_blockades_are_other() -> None:
    assert _sub(frames=frozenset({"intimidate"}), agent="armed") == "Other"
    assert classify(Context(frames=frozenset({"intimidate"}), agent="state")) is None
    blockade = frozenset({"blockade"})
    assert _sub(frames=frozenset({"protest"}), agent="armed", lemmas=blockade) == "Other"
    rally = frozenset({"rally"})
    assert _sub(frames=frozenset({"protest"}), agent="armed", lemmas=rally) == "Peaceful protest"


def test_classify_arms_seized_in_a_fight_leave_the_fight_the_event() -> None:
    frames = frozenset({"kill", "disrupted"})
    found = _sub(frames=frames, agent="state", target="armed", materiel=True)
    assert found == "Armed clash"
    assert _sub(frames=frozenset({"disrupted"}), materiel=True) == "Disrupted weapons use"


def test_classify_a_crewed_aircraft_shot_down_is_a_battle() -> None:
    frames = frozenset({"disrupted"})
    assert _sub(frames=frames, agent="state", objects=frozenset({"jet"})) == "Armed clash"
    assert _sub(frames=frames, agent="state", objects=frozenset({"drone"})) == (
        "Disrupted weapons use"
    )


def test_classify_control_taken_without_a_fight_is_a_non_violent_transfer() -> None:
    quiet = {"frames": frozenset({"territory"}), "agent": "armed", "territory": True}
    assert _sub(**quiet, lemmas=frozenset({"take>control"})) == "Non-violent transfer of territory"
    captured = frozenset({"capture", "take>control"})
    assert _sub(**quiet, lemmas=captured) == "Non-state actor overtakes territory"
    fought = {**quiet, "frames": frozenset({"territory", "clash"})}
    assert _sub(**fought, lemmas=frozenset({"take>control"})) != (
        "Non-violent transfer of territory"
    )


def test_classify_rioting_during_a_demonstration_is_a_violent_demonstration() -> None:
    frames = frozenset({"riot"})
    assert _sub(frames=frames, agent="civilians", at_protest=True) == "Violent demonstration"
    assert _sub(frames=frames, agent="civilians") == "Mob violence"


def test_classify_a_raid_that_only_robs_is_looting() -> None:
    robbed = {"frames": frozenset({"attack", "loot"}), "agent": "armed", "target": "civilians"}
    assert _sub(**robbed) == "Looting/property destruction"
    assert _sub(**{**robbed, "frames": frozenset({"attack", "loot", "injure"})}) == "Attack"
    assert _sub(**robbed, lemmas=frozenset({"shoot>at", "loot"})) == "Attack"
    assert _sub(**robbed, lemmas=frozenset({"beat", "loot"})) == "Attack"
    soldiers = {**robbed, "target": "state"}
    assert _sub(**soldiers) == "Armed clash"


def test_classify_an_assault_on_demonstrators_is_no_violent_demonstration() -> None:
    frames = frozenset({"clash"})
    assaulted = {"frames": frames, "target": "protesters", "lemmas": frozenset({"assault"})}
    assert _sub(**assaulted, agent="state") == "Protest with intervention"
    fought = {"frames": frames, "target": "protesters", "lemmas": frozenset({"clash"})}
    assert _sub(**fought, agent="state") == "Violent demonstration"


def test_classify_a_state_bombing_a_place_strikes_from_the_air() -> None:
    bombed = {"frames": frozenset({"attack"}), "weapons": frozenset({"explosive"})}
    assert _sub(**bombed, agent="state", lemmas=frozenset({"bomb"})) == "Air/drone strike"
    assert _sub(**bombed, agent="armed", lemmas=frozenset({"bomb"})) == (
        "Remote explosive/landmine/IED"
    )
    planted = frozenset({"plant", "bomb"})
    assert _sub(**bombed, agent="state", lemmas=planted) == "Remote explosive/landmine/IED"
    # "bombed and destroyed the telecom tower": a charge set on property, not an air strike
    tower = _sub(**bombed, agent="state", lemmas=frozenset({"bomb"}), property=True)
    assert tower == "Remote explosive/landmine/IED"


def test_classify_a_terror_attack_told_without_a_target_is_an_attack_on_civilians() -> None:
    assert _sub(frames=frozenset({"attack"})) == "Armed clash"
    assert _sub(frames=frozenset({"attack"}), lemmas=frozenset({"attack", "terror"})) == "Attack"
    on_soldiers = _sub(
        frames=frozenset({"attack"}), lemmas=frozenset({"attack", "terror"}), target="state"
    )
    assert on_soldiers == "Armed clash"


def test_classify_people_shot_with_no_side_named_were_attacked() -> None:
    shot = _sub(frames=frozenset({"attack"}), lemmas=frozenset({"shoot"}))
    assert shot == "Attack"
    assert _sub(frames=frozenset({"attack"}), lemmas=frozenset({"attack"})) == "Armed clash"
    soldiers = _sub(frames=frozenset({"attack"}), lemmas=frozenset({"shoot"}), target="state")
    assert soldiers == "Armed clash"


def test_classify_communal_clashes_with_no_armed_side_are_mob_violence() -> None:
    communal = frozenset({"clash", "communal"})
    assert _sub(frames=frozenset({"clash"}), lemmas=communal) == "Mob violence"
    injured = frozenset({"clash", "injure"})
    assert _sub(frames=injured, lemmas=communal, victims=frozenset({"civilians"})) == (
        "Mob violence"
    )
    assert _sub(frames=frozenset({"clash"}), lemmas=communal, agent="armed") == "Armed clash"
    shot = _sub(frames=frozenset({"clash"}), lemmas=communal, weapons=frozenset({"firearm"}))
    assert shot == "Armed clash"
    assert _sub(frames=frozenset({"clash"}), lemmas=frozenset({"clash"})) == "Armed clash"
