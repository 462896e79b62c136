from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from frontlines.bench.ecbplus import (
    DOCUMENT_MEANING,
    Mention,
    argument_affinity,
    document_blocks,
    document_terms,
    fusion_clusters,
    gold_clusters,
    lemma_clusters,
    read_mentions,
    run_ecbplus,
    similarity,
    trigger_frames,
)
from frontlines.bench.ecbplus_meaning import meaning_affinity, trigger_meaning
from frontlines.embeddings import tokenizer_path

needs_tokenizer = pytest.mark.skipif(
    not tokenizer_path().is_file(), reason="MiniLM tokenizer absent: run make setup"
)

QUAKE_A = "An earthquake struck Sonoma County near The Geysers this morning , the survey said ."
QUAKE_B = "A magnitude 4.4 quake struck near The Geysers in Sonoma County on Tuesday morning ."
QUAKE_C = "Another earthquake hit Indonesia 's Aceh province , killing dozens in Banda Aceh ."


def record(number: int, chain: str, doc: str, text: str, head: str, lemma: str) -> dict[str, Any]:
    tokens = text.split()
    return {
        "mention_id": f"m{number}",
        "coref_chain": chain,
        "topic_id": "1",
        "subtopic_id": "1ecb" if "Aceh" not in text else "1ecbplus",
        "doc": doc,
        "mention_head_lemma": lemma,
        "mention_context": tokens,
        "tokens_number_context": [tokens.index(head)],
    }


def write_data(folder: Path) -> Path:
    records = [
        record(1, "quake-sonoma", "1_1ecb", QUAKE_A, "struck", "strike"),
        record(2, "quake-sonoma", "1_2ecb", QUAKE_B, "struck", "strike"),
        record(3, "quake-aceh", "1_3ecbplus", QUAKE_C, "hit", "strike"),
        record(4, "killing-aceh", "1_3ecbplus", QUAKE_C, "killing", "kill"),
    ]
    (folder / "ecbplus").mkdir(parents=True)
    (folder / "ecbplus" / "val_event_mentions.json").write_text(json.dumps(records))
    return folder


def test_ecbplus_documents_about_another_quake_are_another_block(tmp_path: Path) -> None:
    mentions = read_mentions(write_data(tmp_path) / "ecbplus" / "val_event_mentions.json")
    assert sorted(map(sorted, gold_clusters(mentions))) == [["m1", "m2"], ["m3"], ["m4"]]
    # the lemma baseline joins the two quakes; fusion's document blocking keeps them apart
    assert sorted(map(sorted, lemma_clusters(mentions))) == [["m1", "m2", "m3"], ["m4"]]
    assert sorted(map(sorted, fusion_clusters(mentions))) == [["m1", "m2"], ["m3"], ["m4"]]


def test_ecbplus_a_noun_and_its_verb_share_a_stemmed_lemma() -> None:
    shot = Mention.from_record(record(1, "c", "1_1ecb", QUAKE_A, "struck", "shooting"))
    shoot = Mention.from_record(record(2, "c", "1_1ecb", QUAKE_A, "struck", "shoot"))
    assert shot.lemma == shoot.lemma
    assert (shot.head_lemma, shoot.head_lemma) == ("shooting", "shoot")


def test_ecbplus_two_lemmas_of_one_trigger_frame_are_alike() -> None:
    frames = trigger_frames()
    assert frames["die"] == frames["kill"]
    died = Mention.from_record(record(1, "c", "1_1ecb", QUAKE_A, "struck", "die"), frames=frames)
    killed = Mention.from_record(record(2, "c", "1_2ecb", QUAKE_A, "struck", "kill"), frames=frames)
    said = Mention.from_record(record(3, "c", "1_2ecb", QUAKE_A, "struck", "say"), frames=frames)
    assert similarity(died, said) < similarity(died, killed) < similarity(killed, killed)


def test_ecbplus_documents_are_compared_on_names_and_numbers_too() -> None:
    terms = document_terms(QUAKE_B.split())
    assert {"number:4.4", "name:snm"} <= terms
    assert "number:4.4" not in document_terms(QUAKE_C.split())


def test_ecbplus_sentences_sharing_names_and_numbers_are_alike_up_to_the_argument_weight() -> None:
    sonoma = Mention.from_record(record(1, "c", "1_1ecb", QUAKE_A, "struck", "strike"))
    geysers = Mention.from_record(record(2, "c", "1_2ecb", QUAKE_B, "struck", "strike"))
    aceh = Mention.from_record(record(3, "c", "1_3ecb", QUAKE_C, "hit", "strike"))
    assert {"name:snm", "name:gsrs", "number:4.4"} <= geysers.arguments
    assert argument_affinity(sonoma, geysers) == 1.0  # Sonoma County, The Geysers
    assert argument_affinity(sonoma, aceh) == 0.0
    plain = similarity(sonoma, geysers)
    assert similarity(sonoma, geysers, argument=0.2) == pytest.approx(plain + 0.2)
    assert similarity(sonoma, aceh, argument=0.2) == similarity(sonoma, aceh)


def test_ecbplus_reports_the_standard_measures(tmp_path: Path) -> None:
    result = run_ecbplus(data_dir=write_data(tmp_path), command="frontlines bench")
    assert result.status == "ok"
    fusion = {f.name: f for f in result.figures if "fusion" in f.name}
    assert set(fusion) == {
        f"ecbplus: fusion {measure} F1" for measure in ("MUC", "B3", "CEAF-e", "CoNLL")
    }
    assert fusion["ecbplus: fusion CoNLL F1"].value == 1.0
    assert all(f.gated for f in fusion.values())
    assert not any(f.gated for f in result.figures if "fusion" not in f.name)


def test_ecbplus_skips_cleanly_without_the_data(tmp_path: Path) -> None:
    result = run_ecbplus(data_dir=tmp_path, command="frontlines bench")
    assert (result.status, result.figures) == ("skipped", ())
    assert "val_event_mentions.json not found" in result.reason


@needs_tokenizer
def test_ecbplus_triggers_of_one_meaning_are_alike_where_lemmas_differ(tmp_path: Path) -> None:
    text = "He was arrested for DUI after drunken driving on the highway ."
    dui = record(1, "c", "1_1ecb", text, "DUI", "dui")
    driving = record(2, "c", "1_2ecb", text, "driving", "driving")
    quake = record(3, "c", "1_2ecb", QUAKE_A, "struck", "strike")
    path = tmp_path / "mentions.json"
    path.write_text(json.dumps([dui, driving, quake]), encoding="utf-8")
    first, second, third = read_mentions(path)
    assert first.vector is not None
    assert meaning_affinity(first.vector, second.vector) > meaning_affinity(
        first.vector, third.vector
    )
    assert similarity(first, second) > similarity(first, second, synonym=0.0)
    assert similarity(first, third) == similarity(first, third, synonym=0.0)  # nothing alike


def test_ecbplus_without_vectors_triggers_are_compared_on_lemmas_and_frames() -> None:
    dui = Mention.from_record(record(1, "c", "1_1ecb", QUAKE_A, "struck", "dui"))
    driving = Mention.from_record(record(2, "c", "1_2ecb", QUAKE_A, "struck", "driving"))
    assert dui.vector is None
    assert meaning_affinity(dui.vector, driving.vector) == 0.0
    assert similarity(dui, driving) == similarity(dui, driving, synonym=0.0)


@needs_tokenizer
def test_ecbplus_documents_alike_in_meaning_fall_in_one_group(tmp_path: Path) -> None:
    quake = "A strong earthquake shook northern California on Tuesday , damaging homes ."
    tremor = "A powerful quake rattled the north of California , cracking houses ."
    phone = "The company unveiled its lightest smartphone yet , with a bigger camera ."
    records = [
        record(1, "quake", "1_1ecb", quake, "shook", "shake"),
        record(2, "quake", "1_2ecb", tremor, "rattled", "rattle"),
        record(3, "phone", "1_3ecb", phone, "unveiled", "unveil"),
    ]
    path = tmp_path / "mentions.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    mentions = read_mentions(path)
    assert all(m.document_vector is not None for m in mentions)

    def groups(meaning: float) -> list[list[str]]:
        found = document_blocks(mentions, document_threshold=0.45, meaning=meaning)
        return sorted(sorted(m.doc for m in block) for block in found)

    assert groups(0.0) == [["1_1ecb"], ["1_2ecb"], ["1_3ecb"]]  # few words in common
    assert groups(DOCUMENT_MEANING) == [["1_1ecb", "1_2ecb"], ["1_3ecb"]]


def test_ecbplus_a_mention_knows_where_its_trigger_lies_in_its_sentence() -> None:
    text = "The quake hit . " + QUAKE_C
    mention = Mention.from_record(record(1, "c", "1_1ecb", text, "killing", "kill"))
    assert mention.context == QUAKE_C
    start, end = mention.span
    assert mention.context[start:end] == "killing" == mention.trigger


def test_ecbplus_a_triggers_meaning_blends_its_words_and_its_sentence() -> None:
    alone, in_sentence = np.array([1.0, 0.0]), np.array([0.0, 1.0])
    blended = trigger_meaning(alone, in_sentence)
    assert np.allclose(blended, [2**-0.5, 2**-0.5])
    assert trigger_meaning(alone, None) is alone
