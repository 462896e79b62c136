"""Which actor a candidate span stands for, and the kind of an actor the knowledge base lacks."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from frontlines.kb import ActorKB, KBActor, fold
from frontlines.kb.loader import acled_country
from frontlines.model import Place
from frontlines.stages.actor_match import HYPHENS, POSSESSIVES, ActorWords, Candidate

GENERIC_REBEL_WORDS = ("opposition", "rebel", "insurgent")
NON_WORD = re.compile(r"[^\w']+")
ABBREVIATION_DOT = re.compile(r"(?<=\b[A-Z])\.")
# "police", "policemen", "gendarmes": words naming a branch of the state forces that the
# knowledge base may hold apart from the army ("Police Forces of Bangladesh").
FORCE_BRANCH = re.compile(r"\b(police|gendarm)", re.IGNORECASE)
POLICE_BRANCHES = frozenset({"police", "gendarm"})


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name).lower()).strip("-")


@dataclass(frozen=True, slots=True)
class Target:
    """The actor a span names: from the knowledge base, or made up from the text (id ``unk-``)."""

    id: str
    name: str
    kind: str
    country: str | None = None

    @classmethod
    def of(cls, actor: KBActor) -> Target:
        return cls(id=actor.id, name=actor.name, kind=actor.kind, country=actor.country)

    @classmethod
    def unknown(cls, name: str, *, kind: str, country: str | None = None) -> Target:
        """An actor named by the text; "U.S. Congress" is named "US Congress"."""
        name = ABBREVIATION_DOT.sub("", name)
        return cls(id=f"unk-{slug(name)}", name=name, kind=kind, country=country)


@dataclass
class Resolver:
    kb: ActorKB
    words: ActorWords
    kind_cues: Sequence[tuple[str, tuple[str, ...]]]
    focus: str | None = None
    day: date | None = None
    places: Sequence[Place] = ()
    known_ids: dict[str, None] = field(default_factory=dict)  # in order of first mention
    case_fits: Callable[[str], bool] = field(default=lambda text: True)

    def resolve(self, parse: Any, candidate: Candidate) -> Target | None:
        how, key = candidate.how, candidate.key
        if how == "kb":
            return self._known(parse, candidate)
        if how == "descriptor":
            descriptor = self.kb.descriptor(key)
            if descriptor is None:
                return None
            return self.by_descriptor(descriptor.resolves_to, branch=force_branch(key))
        if how == "forces":
            words = parse[candidate.start : candidate.end].text
            return self.forces(key, branch=force_branch(words))
        if how in ("person_forces", "person_government"):
            country = self.kb.get(key).country or self.focus
            return self.forces(country) if how == "person_forces" else self.government(country)
        if how == "collective":
            entry = self.words.collectives[key]
            return Target.unknown(str(entry["name"]), kind=str(entry.get("kind", "other")))
        rule = {"government": self.government, "rebels": self.rebels}
        return rule.get(how, self.state)(key)

    def by_descriptor(self, resolves_to: str, *, branch: str | None = None) -> Target:
        generic = self.kb.lookup(resolves_to)
        if generic is not None and generic.kind == resolves_to:
            return self._generic(generic)
        if resolves_to == "unidentified-armed-group":
            return self._generic(self.kb.get(resolves_to))
        if resolves_to in ("civilians", "protesters"):
            name = resolves_to.capitalize()
            label = f"{name} ({self.focus})" if self.focus else name
            return Target.unknown(label, kind=resolves_to, country=self.focus)
        if resolves_to == "state_forces_of_focus_country":
            return self.forces(self.focus, branch=branch)
        rule = {
            "government_of_focus_country": self.government,
            "rebels_of_focus_country": self.rebels,
        }
        return rule.get(resolves_to, self.state)(self.focus)

    def forces(self, country: str | None, *, branch: str | None = None) -> Target:
        """The country's state forces: its police where ``branch`` is "police" (the knowledge
        base's police force, else ACLED's "Police Forces of X"), else its army."""
        actor = None
        if branch is not None:
            actor = self.kb.of_country(country, kind="state forces", on=self.day, named=branch)
            if actor is None and branch in POLICE_BRANCHES and country is not None:
                name = f"Police Forces of {acled_country(country)}"
                return Target.unknown(name, kind="state forces", country=country)
        actor = actor or self.kb.of_country(country, kind="state forces", on=self.day)
        if actor:
            return Target.of(actor)
        if country is None:
            return Target.unknown("Government forces", kind="state forces")
        name = f"Military Forces of {acled_country(country)}"
        return Target.unknown(name, kind="state forces", country=country)

    def government(self, country: str | None) -> Target:
        """The government; where the knowledge base has none, its forces stand for it (ACLED)."""
        actor = self.kb.of_country(country, kind="government", on=self.day)
        return Target.of(actor) if actor else self.forces(country)

    def state(self, country: str | None) -> Target:
        actor = self.kb.of_country(country, kind="state", on=self.day)
        if actor:
            return Target.of(actor)
        return Target.unknown(country or "Unidentified state", kind="state", country=country)

    def rebels(self, country: str | None) -> Target:
        """Rebels of a country: the first rebel group the article names (of that country, else
        a transnational one), else the country's generic opposition."""
        named = [self.kb.get(i) for i in self.known_ids]
        named = [a for a in named if a.kind == "rebel group" and a.country in (country, None)]
        named.sort(key=lambda actor: actor.country != country)
        if named:
            return Target.of(named[0])
        found = [
            actor
            for actor in self.kb
            if actor.kind == "rebel group" and country and actor.country == country
        ]
        for actor in found:
            if any(word in " ".join(actor.names).lower() for word in GENERIC_REBEL_WORDS):
                return Target.of(actor)
        known = self.kb.countries.get(country)
        adjective = known.adjectives[0] if known and known.adjectives else country
        name = f"{adjective} rebels" if adjective else "Rebels"
        return Target.unknown(name, kind="rebel group", country=country)

    def _known(self, parse: Any, candidate: Candidate) -> Target | None:
        found = list(self.kb.candidates(candidate.key))
        if not found:
            return None
        if self.kb.is_metonym(candidate.key):
            if not self._acts(parse, candidate.start, candidate.end):
                return None
        elif any(a.kind == "state" for a in found) and self._used_as_place(
            parse, candidate.start, candidate.end
        ):
            return None
        if len(found) == 1 and not self.kb.is_ambiguous(candidate.key):
            return self._generic(found[0])
        for choose in (
            lambda a: a.active.covers(self.day),
            lambda a: a.id in self.known_ids,
            lambda a: self.focus is not None and a.country == self.focus,
        ):
            chosen = [actor for actor in found if choose(actor)]
            if len(chosen) == 1:
                return self._generic(chosen[0])
            found = chosen or found
        return None

    def _generic(self, actor: KBActor) -> Target:
        """Civilians, protesters and unidentified armed groups take the article's country, as
        ACLED's "Civilians (Sudan)" and "Unidentified Armed Group (Mali)"."""
        categories = ("civilians", "protesters", "other")
        if actor.country is None and actor.parent is None and actor.kind in categories:
            label = f"{actor.name} ({self.focus})" if self.focus else actor.name
            return Target(id=actor.id, name=label, kind=actor.kind, country=self.focus)
        return Target.of(actor)

    def _acts(self, parse: Any, start: int, end: int) -> bool:
        """A capital or seat of government stands for its state only where it acts: "the
        Kremlin", "Moscow said", "by Moscow", "Kremlin-backed", "Moscow's decision", "contact
        Ankara"; "in Moscow" or "strikes hit Beirut" are places."""
        char_start = parse[start].idx
        if any(p.role == "metonym" and p.start <= char_start < p.end for p in self.places):
            return True
        if start > 0 and parse[start - 1].lower_ == "the":
            return True
        after = [t.text.lower() for t in parse[end : end + 5]]
        if len(after) >= 2 and after[0] in HYPHENS and after[1] in self.words.link_suffixes:
            return True
        if after[:1] in (["and"], ["or"]) and any(
            after[i] in HYPHENS and after[i + 1] in self.words.link_suffixes
            for i in range(1, len(after) - 1)
        ):
            return True
        root = parse[start:end].root
        head = root.head
        if root.dep_ == "nsubj" or (root.dep_ == "pobj" and head.lower_ == "by"):
            return True
        if root.dep_ == "dobj" and head.lemma_.lower() in self.words.address_verbs:
            return True
        return root.dep_ == "poss" and head.lower_ not in self.words.geo_nouns

    def _used_as_place(self, parse: Any, start: int, end: int, *, depth: int = 0) -> bool:
        """ "in Syria", "Syria's second-largest city", "Moscow-based": a place, not its state."""
        char_start, char_end = parse[start].idx, parse[end - 1].idx + len(parse[end - 1])
        if any(
            p.role == "metonym" and p.start < char_end and char_start < p.end for p in self.places
        ):
            return False
        before = start - 1
        if before >= 0 and parse[before].lower_ == "the":
            before -= 1
        if before >= 0:
            word = parse[before].lower_
            if word in self.words.locative_words and (word != "to" or parse[before].pos_ == "ADP"):
                return True
        head = parse[start].head
        coordinated = start > 0 and parse[start - 1].lower_ in ("and", "or", ",")
        if coordinated and parse[start].dep_ == "conj" and head.i < start and depth == 0:
            return self._used_as_place(parse, head.i, head.i + 1, depth=1)
        if end + 1 < len(parse) and parse[end].text in HYPHENS and parse[end + 1].lower_ == "based":
            return True
        if end < len(parse) and parse[end].text in POSSESSIVES:
            for token in parse[end + 1 : end + 6]:
                if token.pos_ in ("NOUN", "PROPN"):
                    return token.lower_ in self.words.geo_nouns
        return False

    def unknown(self, span: Any, *, label: str) -> Target | None:
        """An actor the knowledge base lacks, with a kind guessed from its name and context."""
        actor = self.kb.lookup(span.text) if self.case_fits(span.text) else None
        if actor is not None:
            return Target.of(actor)
        if self._placed(span):
            return None
        if label == "PERSON":
            return Target.unknown(span.text, kind="person")
        if label == "NORP" and (
            self.kb.countries.by_demonym(span.text) or span.root.tag_ not in ("NNS", "NNPS")
        ):
            return None
        context = list(_context(span))
        if label in ("GPE", "LOC", "FAC"):
            if self.kb.countries.get(span.text) or not context:
                return None
            if any(token.lower_ in self.words.geo_nouns for token in context):
                return None
            kind = self._kind("", context)
            return (
                None
                if kind == "other"
                else Target.unknown(span.text, kind=kind, country=self._country(context))
            )
        kind = self._kind(span.text, context)
        if kind == "other" and _reports(span):
            kind = "media outlet"
        return Target.unknown(span.text, kind=kind, country=self._country([*span, *context]))

    def _placed(self, span: Any) -> bool:
        """ "in Kramatorsk", "near northern Rakhine State", "Kherson Oblast": a place name the
        entity recogniser took for a person or an organisation."""
        if span[-1].lower_ in self.words.place_suffixes and len(span) > 1:
            return True
        i = span.start - 1
        while i >= 0 and span.start - i <= 3 and span.doc[i].pos_ in ("DET", "ADJ"):
            i -= 1
        if i < 0:
            return False
        word = span.doc[i]
        # "to" and "from" also introduce sources ("according to X", "a statement from X").
        locative = self.words.locative_words - {"to", "from"}
        return bool(word.lower_ in locative and word.pos_ == "ADP")

    def _kind(self, name: str, context: Iterable[Any]) -> str:
        for text in (name, " ".join(token.text for token in context)):
            padded = f" {NON_WORD.sub(' ', text.lower())} "
            for kind, cues in self.kind_cues:
                if any(f" {cue} " in padded for cue in cues):
                    return kind
        return "other"

    def _country(self, tokens: Iterable[Any]) -> str | None:
        for token in tokens:
            country = self.kb.countries.by_demonym(token.text) or self.kb.countries.get(token.text)
            if country and token.text[:1].isupper():
                return country.name
        return None


def force_branch(words: str) -> str | None:
    """ "police" for "riot police" or "policemen", "gendarm" for "gendarmes"; else None."""
    found = FORCE_BRANCH.search(words)
    return found.group(1).lower() if found else None


def trim(ent: Any) -> Any:
    """An entity without a leading "the", a possessive or edge punctuation; None if empty."""
    tokens = [t for t in ent if not (t.text in POSSESSIVES or t.lower_ == "the" or t.is_punct)]
    if not tokens:
        return None
    return ent.doc[tokens[0].i : tokens[-1].i + 1]


def _context(span: Any) -> Iterable[Any]:
    """Words that describe an entity: its appositive ("Militarnyi, a Ukrainian media outlet"),
    and the noun it modifies ("the Wagner mercenaries")."""
    root = span.root
    for child in root.children:
        if child.dep_ == "appos":
            yield from child.subtree
    if root.dep_ in ("compound", "amod") and root.head.i >= span.end:
        yield root.head
    if root.dep_ == "appos":
        yield root.head


def _reports(span: Any) -> bool:
    """ "… , Associated Press reports": an unknown organisation that reports is a news outlet."""
    root = span.root
    return bool(root.dep_ == "nsubj" and root.head.lemma_ in ("report", "broadcast", "publish"))


def kind_cues(data: Mapping[str, Any]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(
        (str(entry["kind"]), tuple(str(word).lower() for word in entry["words"]))
        for entry in data.get("kind_cues") or ()
    )
