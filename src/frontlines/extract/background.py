"""News or background: is a trigger an event of the reporting days, or context?

Context is what a reporter adds to explain: the war's length ("the 13-year civil war"), the past
("which the opposition lost in 2017", "had been deployed"), what did not or may not happen
("not directly involved in combat", "would weaken", "their capacity to sustain a campaign"), causes
of a state ("weakened after losing fighters in clashes"), what happens habitually ("shelled
repeatedly over the years", "strikes attributed to X have hit the area") and descriptions that only
borrow an event word ("places that capture the mood", "the hill faces the captured village"). Each
check returns the reason, or None when the trigger reads as news.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from frontlines.extract.lexicon import Lexicon
from frontlines.extract.non_events import accidental, generic, period_tally, reference, walkout
from frontlines.extract.syntax import (
    VERBAL,
    children,
    clause_head,
    lemma_of,
    modal_scope,
    path_to_root,
)

PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# "late on Monday, when a drone struck": a clause on a time tells when, not about a place.
TIME_ENTS = frozenset({"DATE", "TIME"})
# "the 13-year civil war", "a decade-long insurgency": the length of a long conflict.
DURATION_WORDS = ("-year", "decade", "years-long", "year-long", "-years")
# An event dated this long before publication is history, not news (a month or a week counted
# from its last day).
STALE_DAYS = 60
# A report dates its own happenings by the day; a happening it dates only by a week or a month
# ("last week", "in April", "last month") that is over before the report and began more than
# this many days before it is context told in passing.
VAGUE_STALE_DAYS = 7
VAGUE = frozenset({"week", "month"})
# Dependents that open a clause of their own: what they say is not the trigger's clause.
SUBCLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "acl", "csubj", "parataxis", "conj"})
# "in the past week" dates one event; "in the past" alone is history.
TIME_UNIT_AFTER = r"(?! (day|week|month|year|hour|night|few|two|three|several|\d))"

# Photo captions: "Police arrest a man ..., July 9, 2016", "Bodies are seen at the mosque".
PRESENT_BE = frozenset({"is", "are", "am"})
SHOWING = frozenset({"see", "picture", "show"})
MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
FULL_DATE = re.compile(rf"\b{MONTHS} \d{{1,2}}, \d{{4}}\b|\b\d{{1,2}} {MONTHS} \d{{4}}\b")
# Relative pronouns of people: "the man who attacked", "a woman whose son was killed".
PERSON_RELATIVES = frozenset({"who", "whom", "whose"})
# A count of attack nouns this high tallies many events ("400 strikes in 24 hours").
TALLY = 10


def background_reason(
    token: Any,
    *,
    lexicon: Lexicon,
    triggers: frozenset[int],
    protests: frozenset[int] = frozenset(),
    dated: bool,
) -> str | None:
    """Why the trigger at ``token`` is not news, or None.

    ``triggers`` holds the token indices of every trigger of the sentence, ``protests`` those of
    its protest triggers, ``dated`` whether the trigger has a date of its own (a dated event is
    news even in an "after" clause).
    """
    scope = list(modal_scope(token))
    return (
        _aggregate(token, scope, lexicon)
        or _caption(token)
        or _since_clause(token, scope)
        or _protest_cause(token, protests, lexicon)
        or _unreal(token, scope, lexicon)
        or _negated(token, scope)
        or _past_perfect(scope, lexicon)
        or _on_a_place(token)
        or _duration(token, lexicon)
        or _habitual(token, lexicon, dated=dated)
        or accidental(token, lexicon)
        or (walkout(token, lexicon) if token.i in protests else None)
        or generic(token, dated=dated)
        or (None if token.i in protests else period_tally(token))
        or reference(token, lexicon)
        or _descriptive(token, lexicon)
        or (None if dated else _epithet(token))
        or _identifying(token)
        or (None if dated else _ongoing(scope))
        or (None if dated else _explanatory(token, scope, lexicon, triggers))
    )


def stale(event_date: date | None, published: date | None, *, precision: str) -> bool:
    """Whether an explicit date puts the event well before the article: a day more than
    ``STALE_DAYS`` before it, or a week or month over before the report that began more than
    ``VAGUE_STALE_DAYS`` before it ("in April" in a report of 12 May, "last week" read on a
    Thursday); "in August" in a report of 15 August is news."""
    if event_date is None or published is None:
        return False
    if precision == "approximate":
        return event_date.year < published.year
    last_day = _last_day(event_date, precision)
    if precision in VAGUE and last_day < published:
        return (published - event_date).days > VAGUE_STALE_DAYS
    return (published - last_day).days > STALE_DAYS


def _last_day(event_date: date, precision: str) -> date:
    """The last day a date of this precision may stand for ("in August": the 31st)."""
    if precision == "month":
        following = date(event_date.year + event_date.month // 12, event_date.month % 12 + 1, 1)
        return following - timedelta(days=1)
    if precision == "week":
        return event_date + timedelta(days=6)
    return event_date


def _at_least(number: Any, floor: int) -> bool:
    digits = number.text.replace(",", "")
    return digits.isdigit() and int(digits) >= floor


def _aggregate(token: Any, scope: list[Any], lexicon: Lexicon) -> str | None:
    """ "repeated air strikes", "a series of raids", "such strikes have killed hundreds", "have
    stepped up strikes since the summer": a tally of many events, not one event."""
    markers = lexicon.cue("aggregate")
    for child in token.children:
        if child.dep_ in ("amod", "det", "predet") and lemma_of(child) in markers:
            return f"aggregate: {child.text}"
        if child.dep_ == "nummod" and token.tag_ == "NNS" and _at_least(child, TALLY):
            return f"aggregate: {child.text} {token.text}"  # "400 strikes on 11 settlements"
    head = token.head
    if head.dep_ == "prep" and head.lower_ == "of" and lemma_of(head.head) in markers:
        return f"aggregate: {head.head.text}"
    for prep in (child for child in token.children if child.dep_ == "prep"):
        for noun in (child for child in prep.children if child.dep_ == "pobj"):
            marker = next((m for m in noun.children if lemma_of(m) in markers), None)
            if marker is not None and marker.dep_ in ("amod", "det") and noun.tag_ == "NNS":
                # "killed in separate attacks", "rounded up in multiple locations"
                return f"aggregate: {prep.text} {marker.text} {noun.text}"
    verb = next((word for word in scope if word.pos_ in VERBAL), None)
    if verb is None:
        return None
    if any(_since(child) for child in verb.children):
        return "aggregate: since"  # "has led operations since fighting resumed"
    return None


def _ongoing(scope: list[Any]) -> str | None:
    """ "have been mounting attacks", undated: a run of happenings over a time, not one."""
    verb = next((word for word in scope if word.pos_ in VERBAL), None)
    if verb is None or verb.tag_ != "VBG":
        return None
    auxiliaries = [child.lower_ for child in verb.children if child.dep_ == "aux"]
    if "been" in auxiliaries and any(word in ("have", "has", "had") for word in auxiliaries):
        return f"aggregate: been {verb.text}"
    return None


def _since(child: Any) -> bool:
    """ "since the summer", "since fighting resumed": a count from a start in the past."""
    if child.dep_ == "prep" and child.lower_ == "since":
        return True
    return child.dep_ == "advcl" and any(
        mark.dep_ == "mark" and mark.lower_ == "since" for mark in child.children
    )


def _since_clause(token: Any, scope: list[Any]) -> str | None:
    """ "on high alert since militants launched attacks across Paris": the clause after "since"
    tells the start of a state, a happening of the past."""
    verb = next((word for word in scope if word.pos_ in VERBAL), None)
    if (
        verb is not None
        and verb.dep_ == "advcl"
        and any(mark.dep_ == "mark" and mark.lower_ == "since" for mark in verb.children)
    ):
        return "background: since-clause"
    return None


def _caption(token: Any) -> str | None:
    """A photo caption left in the text: the picture's happening told in the present with the
    day the photo was taken ("Police arrest a man during a protest in Baton Rouge, July 9,
    2016"), or what a photo shows ("bodies of people killed ... are seen at the mosque")."""
    root = token.sent.root
    auxiliaries = {child.lower_ for child in root.children if child.dep_ in ("aux", "auxpass")}
    present = (root.tag_ in ("VBZ", "VBP") and not auxiliaries) or (
        root.tag_ == "VBN" and bool(auxiliaries) and auxiliaries <= PRESENT_BE
    )
    if not present:
        return None
    if root.tag_ == "VBN" and lemma_of(root) in SHOWING:
        return f"caption: {root.text}"
    if FULL_DATE.search(token.sent.text):
        return "caption: present with a full date"
    return None


def _protest_cause(token: Any, protests: frozenset[int], lexicon: Lexicon) -> str | None:
    """What a protest is about is not an event of the day: "protested against the killing of"."""
    if not protests or token.i in protests:
        return None
    ancestors = list(path_to_root(token))
    causes = lexicon.cue("protest_causes")
    for position, word in enumerate(ancestors):
        if word.lower_ in causes or lemma_of(word) in causes:
            above = {t.i for t in ancestors[position:]}
            for index in protests:
                protest = token.doc[index]
                if index in above or protest.head.i in above:
                    return f"cause of a protest: {word.text}"
    return None


def _unreal(token: Any, scope: list[Any], lexicon: Lexicon) -> str | None:
    heads = lexicon.cue("irrealis_heads")
    modals = lexicon.cue("irrealis_modals")
    for word in scope:
        if word.i != token.i and lemma_of(word) in heads:
            return f"irrealis: {word.text}"
        if word.pos_ in VERBAL:
            for child in word.children:
                if child.dep_ == "aux" and child.lower_ in modals:
                    return f"irrealis: {child.text}"
                if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
                    return f"conditional: {child.text}"
    if token.dep_ in ("csubj", "advcl") and token.tag_ == "VBG" and token.i < token.head.i:
        # A gerund clause before its verb states a hypothesis: "Regaining control ... would".
        return "irrealis: gerund subject"
    return None


def _negated(token: Any, scope: list[Any]) -> str | None:
    if any(child.dep_ == "det" and child.lower_ == "no" for child in token.children):
        return "negated: no"
    for subject in children(token, "nsubj", "nsubjpass"):
        no_one = subject.lower_ == "one" and any(c.lower_ == "no" for c in subject.children)
        if subject.lower_ in ("nobody", "none") or no_one:
            return f"negated: {subject.text}"  # "nobody was killed"
    for word in scope:
        if any(child.dep_ == "neg" for child in word.children):
            return "negated"
        if word.pos_ in VERBAL and word.i != token.i:
            break
    return None


def _past_perfect(scope: list[Any], lexicon: Lexicon) -> str | None:
    """ "had been deployed": before the story's time; not in reported speech, where "said the raid
    had killed" is only the tense shifting back."""
    verb = next((word for word in scope if word.pos_ == "VERB"), None)
    if verb is None or verb.tag_ != "VBN":
        return None
    reporting = lexicon.cue("reporting_verbs")
    if verb.dep_ in ("ccomp", "xcomp") and lemma_of(verb.head) in reporting:
        return None
    for child in verb.children:
        if child.dep_ == "aux" and child.lemma_ == "have" and child.tag_ == "VBD":
            return "past perfect"
    return None


def _on_a_place(token: Any) -> str | None:
    current = token
    while current.head.i != current.i:
        if (
            current.dep_ == "relcl"
            and current.head.ent_type_ not in TIME_ENTS
            and (current.head.ent_type_ in PLACE_ENTS or current.head.pos_ == "PROPN")
        ):
            return f"relative clause on {current.head.text}"
        current = current.head
    return None


def _duration(token: Any, lexicon: Lexicon) -> str | None:
    for child in token.children:
        if child.dep_ in ("amod", "nmod", "compound", "npadvmod") and any(
            word in _subtree_text(child) for word in DURATION_WORDS
        ):
            return f"duration: {_subtree_text(child)}"
        if child.dep_ == "prep" and child.lower_ in lexicon.cue("background_preps"):
            return f"background: {child.text}"
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in lexicon.cue("background_preps"):
        return f"background: {head.text}"
    return None


def _habitual(token: Any, lexicon: Lexicon, *, dated: bool) -> str | None:
    """ "hit repeatedly over the years", "has long been shelled", "raids in the past": a habit or a
    history told in the trigger's own clause; undated "strikes attributed to X" that "have hit";
    undated "fighting continues", a state that goes on."""
    verb = clause_head(token)
    text = _own_clause_text(verb)
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp") and verb.head.i != verb.i:
        text += " " + _own_clause_text(verb.head)  # "hit over the years, targeting depots"
    for phrase in sorted(lexicon.cue("habitual")):
        if re.search(r"\b" + re.escape(phrase) + r"\b" + TIME_UNIT_AFTER, text):
            return f"habitual: {phrase}"
    if not dated and _present(verb) and lemma_of(verb) in lexicon.cue("ongoing_verbs"):
        return f"habitual: {verb.text}"  # "fighting continues", "clashes are continuing": a state
    attributed = any(
        child.dep_ == "acl" and lemma_of(child) in lexicon.cue("attribution_verbs")
        for child in token.children
    )
    if attributed and not dated and _perfect(verb):
        return "habitual: attributed, undated, perfect"
    return None


def _present(verb: Any) -> bool:
    """ "continues", "are still continuing": the simple or progressive present."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBG" and any(
        child.dep_ == "aux" and child.lower_ in PRESENT_BE for child in verb.children
    )


def _perfect(verb: Any) -> bool:
    """ "has been hit", "have struck": the present perfect of a state reached over time."""
    return any(
        child.dep_ == "aux" and child.lemma_ == "have" and child.tag_ in ("VBZ", "VBP")
        for child in verb.children
    )


def _descriptive(token: Any, lexicon: Lexicon) -> str | None:
    """An event word that describes, not reports: a verb whose object is an abstraction ("capture
    the tangle of the war"), or the object of a verb of static position ("faces the frontline")."""
    figurative = lexicon.cue("figurative_objects")
    for child in token.children:
        if child.dep_ in ("dobj", "obj") and lemma_of(child) in figurative:
            return f"figurative: {token.text} {child.text}"
    static = lexicon.cue("static_verbs")
    current = token
    while current.head.i != current.i and current.pos_ not in ("VERB", "AUX"):
        current = current.head
    if current.i != token.i and lemma_of(current) in static:
        return f"static description: {current.text}"
    return None


def _epithet(token: Any) -> str | None:
    """A present participle that says who a noun is ("the coalition fighting Islamic State",
    "surrogates fighting the army"), not what happened: an undated epithet, not an event."""
    if token.tag_ == "VBG" and token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
        return f"epithet: {token.head.text} {token.text}"
    return None


def _identifying(token: Any) -> str | None:
    """A trigger in a restrictive "who" clause says who someone is ("the man who attacked the
    officers was cowardly", "the British-Libyan who carried out the May 22 bombing"), not what
    happened: the deed is told elsewhere, or is the person's past, dated or not. After a comma
    the clause carries the story on ("attacked by militants, who abducted ten civilians")."""
    for current in (token, *path_to_root(token)):
        if current.dep_ == "relcl":
            if current.head.dep_ == "attr":
                return None  # "it was government forces who attacked first": a cleft tells it
            first = current.left_edge
            if first.i > 0 and first.nbor(-1).text == ",":
                return None  # "attacked by militants, who abducted ten": the story goes on
            if any(child.lower_ in PERSON_RELATIVES for child in current.subtree):
                return f"identifies: {current.head.text} {current.text}"
            return None
    return None


def _own_clause_text(verb: Any) -> str:
    """The words of the clause ``verb`` heads, without the clauses below it, lower-cased."""
    inner = {
        word.i for child in verb.children if child.dep_ in SUBCLAUSE_DEPS for word in child.subtree
    }
    words = [t.text_with_ws for t in verb.subtree if t.i not in inner]
    return " ".join("".join(words).lower().split())


def _subtree_text(token: Any) -> str:
    return "".join(t.text_with_ws for t in token.subtree).lower()


def _explanatory(
    token: Any, scope: list[Any], lexicon: Lexicon, triggers: frozenset[int]
) -> str | None:
    """A trigger under "after"/"following" that explains a clause reporting no event itself."""
    explanatory = lexicon.cue("explanatory_preps")
    for word in scope[1:]:
        if word.pos_ == "ADP" and word.lower_ in explanatory:
            governor = clause_head(word.head)
            if governor.i not in triggers:
                return f"explains a state: {word.text} ... {governor.text}"
            return None
    return None
