"""Numbers an event report gives: fatalities, injured, prisoners, places taken, distances.

Fatalities follow ACLED's conservative rule: the lowest credible figure ("at least 12" is 12,
"between 5 and 8" is 5, "dozens" is 12), 0 when the text says nobody died, None when it does not
say. Vague words map to figures through numbers.yaml, where the convention is written down;
what a number counts (a unit, a counted noun, a verb beside it) is in counts.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from frontlines.extract.lexicon import Lexicon
from frontlines.extract.syntax import (
    children,
    clause_head,
    lemma_of,
    path_to_root,
    preps,
    with_conjuncts,
)
from frontlines.model import Quantity

FATALLY = frozenset({"fatally", "mortally"})
# A toll spread over many places or incidents counts many happenings, never one event's dead.
SPREAD = re.compile(
    r"\b(?:in|at) (?:various|different|several|separate|many|multiple) (?:places|parts|areas"
    r"|locations|incidents|districts|towns|villages)\b|\bacross the (?:state|country|region"
    r"|province|city)\b|\baltogether\b|\bcumulative\b"
)
MONTHS = "(?:january|february|march|april|may|june|july|august|september|october|november|december)"
# A toll over a long stretch of time counts a campaign's dead, never one event's: "four people
# were killed during protests over the last week", "thousands have died in this war", "so far",
# "400 civilian deaths between January and mid-May".
CAMPAIGN = re.compile(
    r"\b(?:over|during|in|throughout) the (?:last|past) (?:few |several |two |three )?"
    r"(?:days|weeks|months|years|week|month|year)\b|\bin recent (?:days|weeks|months|years)\b"
    r"|\bso far\b|\bto date\b|\bin total\b|\bsince the (?:start|beginning|outbreak)\b"
    r"|\bsince the (?:war|conflict|crisis|unrest|uprising|protests|offensive|fighting) "
    r"(?:began|started|erupted)\b|\bin (?:this|the) (?:war|conflict|campaign|insurgency)\b"
    r"|\bin this (?:battle|offensive)\b|\bin the battle for\b"
    rf"|\b(?:between|from) (?:early |mid-|late )?{MONTHS} (?:and|to|until) (?:early |mid-|late )?"
    rf"{MONTHS}\b"
)
# "the toll rose to 40", "taking the toll to 561": a figure a running total reaches.
RISES = frozenset({"rise", "climb", "jump", "reach", "mount", "soar", "increase"})
TOTALS = frozenset({"toll", "total", "tally", "count"})
NOBODY = re.compile(
    r"\bno (one|body|civilians?|people|soldiers?) (was|were) (killed|hurt|injured)"
    r"|\bno (casualties|fatalities|deaths|one died|loss of life)\b|\bwithout casualties\b"
    r"|\bnobody (was|were) (killed|hurt|injured)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Count:
    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    vague: float | None = None  # the figure a vague word stands for ("dozens": 12)

    @property
    def conservative(self) -> int | None:
        """ACLED's figure: the low end of a range, the number, else what a vague word means."""
        for figure in (self.low, self.value, self.vague):
            if figure is not None:
                return int(figure)
        return None


@dataclass(frozen=True, slots=True)
class Figures:
    """What one sentence says in numbers about one event."""

    quantities: tuple[Quantity, ...] = ()
    fatalities: int | None = None
    vague: bool = False  # the toll is only what a vague word stands for ("several were killed")


def read_figures(
    tokens: Sequence[Any], *, lexicon: Lexicon, killings: frozenset[int] = frozenset()
) -> Figures:
    """The numbers among ``tokens`` (one event's share of a sentence) that count something, and
    the single people its killings name (``killings``: the indices of the event's own triggers
    of the kill frame, "killed", "shot dead", "beaten to death")."""
    quantities: list[Quantity] = []
    fatal: list[int] = []
    explicit = False
    for token in tokens:
        count = read_count(token, lexicon)
        if count is None or _is_inner(token, lexicon):
            continue
        what, unit = _counted_thing(token, lexicon)
        if what is None:
            continue
        quantities.append(_quantity(what, count, unit))
        if what == "fatalities" and count.conservative is not None and not _running_total(token):
            fatal.append(count.conservative)
            explicit = explicit or count.low is not None or count.value is not None
    for token in tokens:
        if lemma_of(token) in ("prisoner", "captive") and not any(
            q.what == "prisoners" for q in quantities
        ):
            quantities.append(Quantity(what="prisoners", qualifier="number not given"))
    named = _named_victims([t for t in tokens if t.i in killings], lexicon)
    fatal.extend(1 for _ in named)
    explicit = explicit or bool(named)
    text = "".join(token.text_with_ws for token in tokens)
    if fatal and (SPREAD.search(text.lower()) or CAMPAIGN.search(text.lower())):
        fatal = []  # "47 have been killed in various places": a toll of many happenings
    fatalities = sum(fatal) if fatal else (0 if NOBODY.search(text) else None)
    vague = bool(fatalities) and not explicit
    return Figures(quantities=tuple(quantities), fatalities=fatalities, vague=vague)


def _running_total(token: Any) -> bool:
    """A figure the toll rose to ("taking the toll to 561", "the death toll rose to 40",
    "bringing the total to 12"): everyone killed so far, never one event's dead."""
    prep = token.head
    if prep.dep_ != "prep" or prep.lower_ != "to":
        return False
    verb = prep.head
    if lemma_of(verb) in RISES:
        return True
    return any(lemma_of(child) in TOTALS for child in verb.children if child.dep_ != "prep")


def _named_victims(killings: Sequence[Any], lexicon: Lexicon) -> list[Any]:
    """One death for each single person a killing names without a number: "killed a trader",
    "a soldier was shot dead", "executed him" (ACLED counts them; numbers are read apart)."""
    victims: list[Any] = []
    for token in killings:
        if token.pos_ not in ("VERB", "AUX") or children(token, "neg"):
            continue
        unreal = lexicon.cue("irrealis_heads") | lexicon.attempts
        if token.dep_ == "xcomp" and lemma_of(token.head) in unreal:
            continue  # "threatened to kill a teacher"; "claimed to have killed" still counts
        if token.dep_ == "acl" and token.tag_ == "VBN":
            found = [token.head]  # "a man killed in the raid"
        elif lemma_of(token) == "die":
            found = children(token, "nsubj")
            if not found and token.dep_ == "conj":
                found = children(token.head, "nsubj")  # "stepped on a mine and died"
        else:
            found = children(token, "dobj", "nsubjpass")
            if not found and token.dep_ == "conj":
                found = children(token.head, "nsubjpass")  # "was tied up and beaten to death"
        victims.extend(v for v in with_conjuncts(found) if _one_person(v, lexicon))
    return victims


def _one_person(token: Any, lexicon: Lexicon) -> bool:
    if token.pos_ == "PRON":
        return token.lower_ in ("him", "her", "himself", "herself", "he", "she")
    if token.tag_ not in ("NN", "NNP") or lemma_of(token) in lexicon.not_one_person:
        return False
    if any(read_count(child, lexicon) is not None for child in token.children):
        return False  # a number counts it already
    things = lexicon.property_nouns | lexicon.territory_nouns | lexicon.materiel_nouns
    return lemma_of(token) not in things and token.ent_type_ not in ("GPE", "LOC", "FAC", "ORG")


def _quantity(what: str, count: Count, unit: str | None) -> Quantity:
    return Quantity(
        what=what,
        value=count.value,
        low=count.low,
        high=count.high,
        unit=unit,
        qualifier=count.qualifier,
    )


def _is_inner(token: Any, lexicon: Lexicon) -> bool:
    """Parts of a number already read from its first word ("two hundred", "7 and 10")."""
    head = token.head
    if token.dep_ == "conj" and read_count(head, lexicon) is not None:
        return True
    return (
        token.dep_ in ("compound", "nummod", "quantmod") and read_count(head, lexicon) is not None
    )


def read_count(token: Any, lexicon: Lexicon) -> Count | None:
    """The count a number word stands for, with its qualifier and range, or None."""
    value = number_value(token, lexicon)
    vague = lexicon.vague_numbers.get(token.lower_)
    if value is None and vague is None:
        return None
    if token.lower_ in ("a", "an", "one", "some", "no", "both") and token.pos_ == "DET":
        return None
    if token.lower_ == "one" and token.i > 0 and token.doc[token.i - 1].lower_ == "no":
        return Count(value=0)  # "hurting no one"
    qualifier = _qualifier(token, lexicon)
    if value is None:
        if token.lower_ == "few" and qualifier is None:
            qualifier = "a few"
        return Count(value=None, qualifier=qualifier or token.lower_, vague=vague)
    high = next(
        (number_value(c, lexicon) for c in token.children if c.dep_ == "conj"), None
    ) or _to_range(token, lexicon)
    if high is not None and high > value:
        return Count(value=None, low=value, high=high, qualifier=_estimated(token) or qualifier)
    return Count(value=value, qualifier=qualifier)


def number_value(token: Any, lexicon: Lexicon) -> float | None:
    text = token.lower_.replace(",", "")
    if re.fullmatch(r"\d+(\.\d+)?", text):
        value = float(text)
    elif text in lexicon.number_words and token.pos_ in ("NUM", "NOUN"):
        value = float(lexicon.number_words[text])
    else:
        return None
    for child in token.children:
        multiplier = lexicon.number_words.get(child.lower_)
        if child.dep_ in ("compound", "nummod") and multiplier and child.i > token.i:
            value *= multiplier
    if text in ("hundred", "thousand", "million", "dozen"):
        factors = [
            number_value(c, lexicon) for c in token.children if c.dep_ in ("compound", "nummod")
        ]
        value *= next((f for f in factors if f), 1.0)
    return value


def _to_range(token: Any, lexicon: Lexicon) -> float | None:
    """ "7 to 10", "7-10": the upper figure when the parse splits the range."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].lower_ in ("to", "-", "–"):
        return number_value(doc[token.i + 2], lexicon)
    return None


def _qualifier(token: Any, lexicon: Lexicon) -> str | None:
    doc = token.doc
    before = " ".join(t.lower_ for t in doc[max(0, token.i - 3) : token.i])
    matches = [
        phrase
        for phrase in lexicon.qualifiers
        if before.endswith(phrase)
        and (len(before) == len(phrase) or before[-len(phrase) - 1] == " ")
    ]
    if not matches:
        return None
    return lexicon.qualifiers[max(matches, key=len)]


def _estimated(token: Any) -> str | None:
    ancestors = list(path_to_root(token))[:5]
    return "estimated" if any(lemma_of(a) == "estimate" for a in ancestors) else None


def _counted_thing(token: Any, lexicon: Lexicon) -> tuple[str | None, str | None]:
    """What a number counts, and in which unit."""
    head = token.head if token.dep_ in ("nummod", "amod", "det", "quantmod") else token
    if token.dep_ == "quantmod":
        head = head.head if head.dep_ == "nummod" else head
    while head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN", "NUM"):
        # "four soldiers and three attackers died": the second count shares the first's verb.
        head = head.head
    head_lemma = lemma_of(head)
    unit = lexicon.distance_units.get(head_lemma)
    if unit is not None:
        return _distance_counted(head, lexicon), unit
    verb = clause_head(head)
    verb_lemma = lemma_of(verb)
    if head_lemma in lexicon.place_counts:
        taken = verb_lemma in lexicon.territory_verbs
        return (f"{head_lemma}s captured", None) if taken else (None, None)
    if head_lemma in lexicon.noun_counts:
        return lexicon.noun_counts[head_lemma], None
    for child in head.children:
        counted = lexicon.verb_counts.get(lemma_of(child))
        if counted is not None and child.dep_ in ("acl", "amod", "oprd", "acomp"):
            return counted, None
    person = head_lemma in lexicon.participants or head.pos_ in ("NUM", "PRON") or head.i == token.i
    for sibling in verb.children:
        if sibling.dep_ in ("oprd", "acomp", "xcomp") and sibling.lower_ in ("dead", "injured"):
            return lexicon.verb_counts[sibling.lower_], None
    if person and _fatal(verb) and head.dep_ in ("dobj", "nsubjpass"):
        return "fatalities", None  # "three people were fatally shot"
    if person and verb_lemma in lexicon.verb_counts and head.dep_ in ("dobj", "nsubjpass", "nsubj"):
        if head.dep_ == "nsubj" and verb_lemma not in ("die", "flee"):
            return None, None
        return lexicon.verb_counts[verb_lemma], None
    if head_lemma == "toll" or any(lemma_of(c) == "toll" for c in verb.children):
        return "fatalities", None
    return None, None


def _fatal(verb: Any) -> bool:
    """ "fatally shot", "mortally wounded": a hurt that killed."""
    return any(child.lower_ in FATALLY for child in verb.children if child.dep_ == "advmod")


def _distance_counted(unit_token: Any, lexicon: Lexicon) -> str:
    """ "within 5 km of Aleppo" is a distance to Aleppo; "20 km of territory" was captured."""
    prep = unit_token.head
    if prep.dep_ == "prep" and prep.lower_ in ("within", "from"):
        place = next(iter(preps(unit_token, "of", "from")), None)
        return f"distance to {place.text}" if place is not None else "distance"
    verb = clause_head(unit_token)
    for _ in range(3):
        if lemma_of(verb) in lexicon.territory_verbs:
            return "territory captured"
        for subject in verb.children:
            if subject.dep_ in ("nsubj", "nsubjpass") and subject.pos_ == "NOUN":
                inner = next(iter(preps(subject, "of")), None)
                name = lemma_of(subject)
                return f"{name} of {lemma_of(inner)}" if inner is not None else name
        if verb.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or verb.head.i == verb.i:
            break
        verb = clause_head(verb.head)
    return "distance"
