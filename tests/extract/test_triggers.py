from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from frontlines.extract.lexicon import Lexicon
from frontlines.extract.triggers import Trigger, find_triggers

pytestmark = pytest.mark.slow

Parse = Callable[[str], Any]


def _found(sentence: Any, lexicon: Lexicon) -> dict[str, Trigger]:
    return {trigger.lemma: trigger for trigger in find_triggers(sentence, lexicon)}


def test_triggers_verbs_report_events(sentence: Parse, lexicon: Lexicon) -> None:
    found = _found(sentence("Gunmen abducted two teachers and burned the school."), lexicon)
    assert found["abduct"].frame == "abduct"
    assert found["abduct"].status == "realized"


def test_triggers_realized_noun_versus_back_reference(sentence: Parse, lexicon: Lexicon) -> None:
    launched = _found(sentence("The army launched an offensive against the rebels."), lexicon)
    assert launched["offensive"].status == "realized"
    later = _found(sentence("The offensive has worried diplomats."), lexicon)
    assert later["offensive"].status == "anaphoric"


def test_triggers_phrases_consume_their_object(sentence: Parse, lexicon: Lexicon) -> None:
    found = _found(sentence("Soldiers opened fire on the crowd."), lexicon)
    assert found["open>fire"].frame == "attack"
    assert "fire" not in found


def test_triggers_weapon_verbs_need_a_weapon(sentence: Parse, lexicon: Lexicon) -> None:
    armed = _found(sentence("The militia used mortars against the camp."), lexicon)
    assert armed["use"].frame == "attack"
    unarmed = _found(sentence("The militia used the road to escape."), lexicon)
    assert "use" not in unarmed


def test_triggers_hyphenated_nouns(sentence: Parse, lexicon: Lexicon) -> None:
    found = _found(sentence("Teachers held a sit-in outside the ministry."), lexicon)
    assert found["sit-in"].frame == "protest"


def test_triggers_labour_strike_is_a_protest(sentence: Parse, lexicon: Lexicon) -> None:
    found = _found(sentence("Dock workers began a general strike on Monday."), lexicon)
    assert found["strike"].frame == "protest"


def test_triggers_war_crimes_is_not_a_war(sentence: Parse, lexicon: Lexicon) -> None:
    assert _found(sentence("Groups accused him of war crimes."), lexicon) == {}


def test_triggers_take_place_over_is_no_takeover(sentence: Parse, lexicon: Lexicon) -> None:
    found = _found(sentence("A clash took place in the village over a land dispute."), lexicon)
    assert "take>over" not in found
    taken = _found(sentence("Rebels took over the town on Monday."), lexicon)
    assert taken["take>over"].frame == "territory"


def test_triggers_intercepting_a_vehicle_is_no_disrupted_weapon(
    sentence: Parse, lexicon: Lexicon
) -> None:
    held_up = _found(sentence("Gunmen intercepted a bus and robbed the passengers."), lexicon)
    assert all(trigger.frame != "disrupted" for trigger in held_up.values())
    shot_down = _found(sentence("Air defences intercepted two missiles."), lexicon)
    assert shot_down["intercept>missile"].frame == "disrupted"


def test_triggers_unilateral_truce_changes_a_group_activity(
    sentence: Parse, lexicon: Lexicon
) -> None:
    found = _found(sentence("The rebels declared a unilateral ceasefire."), lexicon)
    assert found["ceasefire"].frame == "change_group"
    agreed = _found(sentence("The two sides signed a ceasefire."), lexicon)
    assert any(trigger.frame == "agreement" for trigger in agreed.values())


def test_triggers_security_measures_and_sexual_assault(sentence: Parse, lexicon: Lexicon) -> None:
    curfew = _found(sentence("The governor extended the curfew by three months."), lexicon)
    assert curfew["extend>curfew"].frame == "change_group"
    assault = _found(sentence("An aid worker was sexually assaulted near Menaka."), lexicon)
    assert assault["assault>sexually"].frame == "sexual"


def test_triggers_stopping_the_marchers_is_an_intervention(
    sentence: Parse, lexicon: Lexicon
) -> None:
    found = _found(sentence("Police stopped the demonstrators from reaching the office."), lexicon)
    assert found["stop>demonstrator"].frame == "intervene"


def test_triggers_a_participle_that_describes_is_no_event(
    sentence: Parse, lexicon: Lexicon
) -> None:
    found = _found(sentence("The town is held by fighters recruited in Iraq."), lexicon)
    assert "recruit" not in found
    killed = _found(sentence("Civilians killed in the raid were buried on Monday."), lexicon)
    assert killed["kill"].frame == "kill"


def test_triggers_phrases_read_the_passive(sentence: Parse, lexicon: Lexicon) -> None:
    found = _found(sentence("A nightly curfew was imposed in the province."), lexicon)
    assert found["impose>curfew"].frame == "change_group"


def test_triggers_a_named_operation_completes_the_phrase(sentence: Parse, lexicon: Lexicon) -> None:
    found = _found(sentence("The army launched Operation Ndofou in the north."), lexicon)
    assert found["launch>operation"].frame == "change_group"


def test_triggers_a_participle_that_makes_a_phrase_with_its_noun(
    sentence: Parse, lexicon: Lexicon
) -> None:
    found = _found(sentence("Members staged a demonstration by burning tyres."), lexicon)
    assert found["burn>tyre"].frame == "riot"


def test_triggers_a_demonstration_acted_on_happened(sentence: Parse, lexicon: Lexicon) -> None:
    found = _found(sentence("A banned march was dispersed by police."), lexicon)
    assert found["march"].status == "realized"


def test_triggers_a_human_chain_is_a_protest(sentence: Parse, lexicon: Lexicon) -> None:
    found = _found(sentence("Teachers formed a human chain outside the ministry."), lexicon)
    assert any(trigger.frame == "protest" for trigger in found.values())


@pytest.mark.parametrize(
    "text",
    [
        "Civil servants staged a protest meeting in front of the town hall.",
        "Finance officers participated in a sit-in outside the ministry.",
    ],
)
def test_triggers_protest_meetings_and_taking_part_report_a_protest(
    sentence: Parse, lexicon: Lexicon, text: str
) -> None:
    found = find_triggers(sentence(text), lexicon)
    assert any(t.frame == "protest" and t.status == "realized" for t in found)


def test_triggers_take_hostage_when_hostage_is_parsed_inside_the_object(
    sentence: Parse, lexicon: Lexicon
) -> None:
    text = "Islamists stormed the refinery and took dozens of foreign workers hostage."
    found = _found(sentence(text), lexicon)
    assert found["take>hostage"].frame == "abduct"


def test_triggers_a_march_taken_out_was_held(sentence: Parse, lexicon: Lexicon) -> None:
    held = _found(sentence("About 100 villagers took out a procession on Monday."), lexicon)
    assert held["procession"].frame == "protest"
    assert held["procession"].status == "realized"
    marched = _found(sentence("Hundreds of women took out a march in the city."), lexicon)
    assert marched["march"].status == "realized"
    assert not marched["march"].weak
    passive = _found(sentence("Rallies were taken out at district headquarters."), lexicon)
    assert passive["rally"].status == "realized"


def test_triggers_a_place_in_a_prepositional_phrase_is_no_takeover(
    sentence: Parse, lexicon: Lexicon
) -> None:
    found = _found(sentence("Hundreds of women took out a march in the holy city."), lexicon)
    assert all(trigger.frame != "territory" for trigger in found.values())
    taken = _found(sentence("The rebels took the city on Monday."), lexicon)
    assert taken["take>city"].frame == "territory"


def test_triggers_a_flag_march_is_no_demonstration(sentence: Parse, lexicon: Lexicon) -> None:
    found = _found(sentence("The rapid action force took a flag march in the city."), lexicon)
    assert all(trigger.frame != "protest" for trigger in found.values())


def test_triggers_south_asian_words_for_riots_and_strikes(
    sentence: Parse, lexicon: Lexicon
) -> None:
    pelting = _found(sentence("Incidents of stone pelting were reported on Friday."), lexicon)
    assert pelting["pelting"].frame == "riot"
    mobbed = _found(sentence("The minister's car was mobbed outside the hall."), lexicon)
    assert mobbed["mob"].frame == "mob"
    bandh = _found(sentence("Traders observed a bandh on Monday."), lexicon)
    assert bandh["observe>bandh"].frame == "protest"


def test_triggers_a_phrase_before_the_verb_sets_the_scene(
    sentence: Parse, lexicon: Lexicon
) -> None:
    scene = _found(sentence("At the village, the police fired in the air on Sunday."), lexicon)
    assert "fire>at" not in scene
    aimed = _found(sentence("Soldiers fired at the crowd on Monday."), lexicon)
    assert aimed["fire>at"].frame == "attack"
