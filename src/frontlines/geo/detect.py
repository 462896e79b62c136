"""Find place-name mentions in a spaCy parse.

spaCy's GPE/LOC/FAC entities are taken as they are. Runs of capitalised words that spaCy tagged
otherwise (many Arabic and African town names come out as PERSON or ORG) or not at all are kept
when the gazetteer knows the name, it is not on the stop-list, and the words around it say
"place": a locative preposition before it ("in", "near"), a settlement or admin word after it
("province", "countryside"), a verb of taking or striking before it ("shelled", "captured"), a
place after a comma ("Saraqib, Idlib"), a place it is listed with ("Kafr Nabl and Tal Rifaat"),
a local body or resident it names ("Mansfield Police Department", "a Fargo man"; also inside
an organisation's or person's name), or a dateline's dash after it in capitals ("MANSFIELD --").
Weapons and units named like towns ("Grad rockets", "an Iskander", "the Azov regiment") are
left out (``not_places``). A county, parish or township word stays in the span ("Lamar
County") while the name before it is what the gazetteer is asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from frontlines.geo.entry import (
    MATCH_FOLD,
    MATCH_LIGHT,
    NAME_DEMONYM,
    NAME_MAIN,
    Candidate,
    Entry,
)
from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.intervals import Intervals
from frontlines.geo.names import ARTICLES, fold
from frontlines.geo.not_places import names_a_party, names_a_weapon_or_unit

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
# Words a date or time tag is right about; a lone capitalised word tagged DATE that is none of
# these is spaCy's slip ("continues regularly in Winnipeg.").
CALENDAR_WORDS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september"}
    | {"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug"}
    | {"sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday"}
    | {"friday", "saturday", "sunday", "today", "tonight", "yesterday", "tomorrow", "christmas"}
    | {"easter", "ramadan", "eid", "thanksgiving", "passover", "hanukkah", "diwali", "noon"}
    | {"midnight", "spring", "summer", "autumn", "fall", "winter", "weekend", "dawn", "dusk"}
)
MAX_TOKENS = 5
# A town this large is meant when its name opens an organisation's ("Aleppo Media Center").
WELL_KNOWN = 100_000

LOCATIVE = frozenset(
    {"in", "near", "at", "outside", "from", "to", "into", "towards", "toward", "around", "of"}
    | {"between", "across", "inside", "within", "through", "via", "outskirts", "off", "nearby"}
)
ADMIN_WORDS = frozenset(
    {"province", "governorate", "oblast", "region", "district", "county", "parish", "state"}
    | {"prefecture", "department", "municipality", "raion", "rayon", "wilaya", "subdistrict"}
    | {"upazila", "union", "township", "commune", "circle", "cercle", "sadar", "division"}
    | {"territory", "sector", "subdivision", "chiefdom", "tehsil", "arrondissement", "zone"}
)
SETTLEMENT_WORDS = frozenset(
    {"city", "town", "village", "villages", "camp", "neighbourhood", "neighborhood", "hamlet"}
    | {"locality", "ward"}
)
# Words for a road between two towns ("the Monguno-Maiduguri road", "the axis Nassoumbou-Djibo").
ROAD_WORDS = frozenset({"road", "axis", "highway", "route", "corridor", "track", "motorway"})
# Words that end a street's or road's name ("Taylor Street", "S. Main St.").
STREET_WORDS = frozenset(
    {"street", "st.", "avenue", "ave.", "road", "rd.", "drive", "lane", "boulevard", "blvd."}
    | {"highway", "parkway", "pike", "terrace", "avenues", "streets"}
)
_DISTANCE_AFTER = re.compile(
    r"\s+(?:is|lies|sits|was)\s+(?:about|some|roughly|nearly|approximately|just|only|over)?"
    r"\s*\d[\d,.]*\s*(?:-|\s)?(?:miles?|km|kilometres?|kilometers?)\b"
)
_HOUSE_NUMBER = re.compile(r"^\d+[a-zA-Z]?\s+(?=[A-Z])")
# Words that introduce a village or town by name ("the village of X", "in X village").
SETTLEMENT_NOUNS = frozenset({"village", "town", "hamlet", "settlement", "locality"})
# Words that name a kind of place rather than a place ("Khulna city", "Momauk Township").
DESIGNATORS = ADMIN_WORDS | SETTLEMENT_WORDS
# Kinds of entry that name an area holding towns ("Donetsk" the oblast, "Kenya").
AREA_KINDS = frozenset({"admin1", "admin2", "country", "region"})
AREA_WORDS = frozenset({"countryside", "area", "outskirts", "suburbs", "environs", "vicinity"})
ACTION_LEMMAS = frozenset(
    {"shell", "capture", "seize", "strike", "bomb", "storm", "enter", "besiege", "take", "hit"}
    | {"recapture", "retake", "attack", "target", "liberate", "raid", "overrun", "control"}
    | {"reach", "visit", "evacuate", "encircle", "surround", "occupy", "secure", "flee", "leave"}
)
CONNECTORS = ARTICLES | {"-", "de", "du", "des", "la", "le", "of", "bin", "ibn", "bani", "beni"}
# Unit words that are part of a place's proper name in US and British usage ("Lamar County").
PROPER_DESIGNATORS = frozenset({"county", "parish", "township", "borough", "co."})
# Local bodies named after their town ("Mansfield Police Department", "Minnesota House").
INSTITUTION_WORDS = frozenset(
    {"police", "sheriff", "sheriff's", "sheriff’s", "fire", "mayor", "council", "city", "town"}
    | {"county", "parish", "school", "schools", "board", "court", "department", "library"}
    | {"commission", "commissioners", "legislature", "house", "senate", "municipal", "public"}
    | {"regional", "metro", "community", "township", "housing", "transit", "airport", "port"}
    | {"councilman", "councilwoman", "selectmen", "aldermen", "officials", "authorities"}
    | {"detention", "jail", "health", "medical", "crimestoppers", "coroner", "clerk", "attorney"}
)
# Words that open a local body's name after its place ("the Henderson County Jail").
BODY_WORDS = frozenset(
    {"police", "sheriff", "sheriff's", "sheriff’s", "fire", "jail", "detention", "court"}
    | {"council", "commission", "commissioners", "department", "courthouse", "coroner"}
    | {"clerk", "clerk's", "clerk’s", "city", "town", "hall"}
)
# People named by where they live ("a Rolling Meadows man", "Pointe Coupee teen").
RESIDENT_WORDS = frozenset(
    {"man", "woman", "men", "women", "teen", "teens", "teenager", "boy", "girl", "resident"}
    | {"residents", "native", "natives", "couple", "family", "families", "youth", "students"}
)
_WORDS = re.compile(r"[a-z]+")  # the lower-case words of a text
# "Hollywood, Los Angeles, X", "Rangitoto and X": a name listed after another name.
_LISTED_AFTER_A_NAME = re.compile(r"[A-Z][\w.'’-]*(?:,\s*|,?\s+(?:and|or)\s+)$")
# What happened at a place, written after its name ("the Khan Shaykhun massacre", "Homs bombing").
HAPPENING_WORDS = frozenset(
    {"massacre", "bombing", "bombings", "blast", "explosion", "shelling", "airstrike"}
    | {"airstrikes", "siege", "front", "frontline"}
)
# Natural features named after the name ("Motutapu island", "an Assenoncourt pond").
FEATURE_WORDS = frozenset(
    {"island", "islands", "lake", "river", "pond", "valley", "bay", "mountain", "mountains"}
    | {"coast", "beach", "harbour", "harbor", "peninsula", "desert", "forest", "hills"}
)
# "in northern Jonglei": a direction between a locative and the name.
_DIRECTIONS = frozenset(
    {"northern", "southern", "eastern", "western", "central", "north-eastern", "north-western"}
    | {"south-eastern", "south-western", "northeastern", "northwestern", "southeastern"}
    | {"southwestern"}
)
_SIDES = frozenset({"north", "south", "east", "west", "edge", "centre", "center", "part", "block"})
# Verbs of striking or taking in the forms that stand before the place they struck.
_STRIKING_WORDS = frozenset(
    f"{verb}{ending}" for verb in ACTION_LEMMAS for ending in ("", "s", "d", "ed", "ing")
) | {"took", "hit", "struck", "seized", "fled", "left", "overran", "retook"}
# Nouns of an assault that take "on" before its target ("raids on Idlib", "an offensive on Afrin").
_ASSAULT_NOUNS = _STRIKING_WORDS | frozenset(
    {"assault", "assaults", "offensive", "airstrike", "airstrikes", "bombardment", "siege"}
    | {"bombardments", "advance", "march", "push", "onslaught", "incursion", "incursions"}
)
# Marks that part the names of an entity spaCy ran across them ("Mentao (Pobe-Mengao, Soum").
_SEPARATORS = frozenset({"(", ")", ","})
_GLUED = re.compile(r"-[A-Z][\w'’]*")
_BYLINE = re.compile(r"(?:^|\s)BY\s+$")
# A US legislator's party before their home town: "R-Elbow Lake", "DFL-Cook".
_PARTIES = frozenset({"R", "D", "I", "DFL", "GOP"})
# "MANSFIELD --", "BEIRUT (AP) -", "TORRINGTON, Conn. —": a dateline after a name in capitals.
_DATELINE_AFTER = re.compile(
    r"^\s*(?:,\s*[A-Za-z][\w.]*(?:\s[A-Z][\w.]*)?\s*)?(?:\([^)\n]{1,30}\)\s*)?(?:--|[—–-])\s"
)


@dataclass
class Mention:
    """A stretch of text that may name a place, with what the words around it suggest."""

    start: int
    end: int
    text: str
    label: str  # spaCy's entity label, "" for a name recovered with the gazetteer
    hint: str | None = None  # "admin" or "city" when a word beside it says which
    demonym: bool = False
    root: Any = None  # the spaCy token heading the mention, None without a parse
    name: str = (
        ""  # what the gazetteer is asked, when not the whole text ("Lamar" of "Lamar County")
    )
    dateline: bool = False  # the place a dateline names: where the report was filed
    street: bool = False  # a street or road ("Taylor Street"): listed, never looked up

    @property
    def key(self) -> str:
        return self.name or self.text


def find_mentions(parse: Any, *, gazetteer: Gazetteer) -> list[Mention]:
    """Place-name mentions in document order: spaCy's places, demonyms, recovered names."""
    mentions = [
        mention
        for ent in parse.ents
        if ent.label_ in PLACE_LABELS
        for part in _comma_parts(ent)
        if (mention := _from_entity(part, ent.label_, gazetteer=gazetteer)) is not None
    ]
    for mention in mentions:
        mention.street = names_a_street(mention.text)
        number = _HOUSE_NUMBER.match(mention.text) if mention.street else None
        if number is not None:  # "6016 Dublin Road": the street's name, not the address
            mention.start += number.end()
            mention.text = mention.text[number.end() :]
    # spaCy's NORP holds demonyms ("Syrian") but also place names it misreads ("of Aleppo").
    demonyms = [ent for ent in parse.ents if ent.label_ == "NORP" and _is_demonym(ent, gazetteer)]
    demonyms += _demonyms_outside_norp(parse, gazetteer)
    mentions += [
        Mention(ent.start_char, ent.end_char, ent.text, ent.label_, demonym=True, root=ent.root)
        for ent in demonyms
    ]
    taken = {token.i for ent in parse.ents if ent.label_ in PLACE_LABELS for token in ent}
    taken |= {token.i for ent in demonyms for token in ent}
    accepted = Intervals((m.start, m.end) for m in mentions if not m.demonym)
    text = parse.text  # built from every token on each access: read it once
    for span in _name_runs(parse, taken):
        mention = _recover(span, parse, text=text, gazetteer=gazetteer, accepted=accepted)
        if mention is not None:
            mentions.append(mention)
            accepted.append((mention.start, mention.end))
    mentions += _named_again(parse, mentions, taken=taken, gazetteer=gazetteer, accepted=accepted)
    mentions = [
        mention
        for mention in mentions
        if mention.demonym
        or not names_a_weapon_or_unit(text, mention.start, mention.end)
        or _names_a_country(mention.key, gazetteer)  # "U.S. Chinook helicopters"
    ]
    mentions = [m for m in mentions if m.demonym or not names_a_party(text, m.start)]
    mentions = [m for m in mentions if not in_a_byline(text, m.start, m.end)]
    mentions = _join_hyphenated(mentions, text=text, gazetteer=gazetteer)
    surnames = _surnames(parse)
    mentions = [
        mention
        for mention in mentions
        if mention.demonym
        or fold(mention.text) not in surnames
        or _stands_alone(mention.key, gazetteer)
    ]
    for mention in mentions:
        mention.dateline = mention.dateline or is_dateline(text, mention.start, mention.end)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _named_again(
    parse: Any,
    mentions: list[Mention],
    *,
    taken: set[int],
    gazetteer: Gazetteer,
    accepted: Intervals,
) -> list[Mention]:
    """One sense per article: a name read as a place once, written as it is ("in Fargo"), is a
    place wherever else it stands without a cue ("Fargo raised its goal"), unless spaCy read it
    as a person there ("Trapani said")."""
    placed = {
        fold(m.text)
        for m in mentions
        if not m.demonym
        and any(c.match == MATCH_FOLD and c.name_kind == NAME_MAIN for c in gazetteer.lookup(m.key))
    }
    found: list[Mention] = []
    if not placed:
        return found
    for span in _name_runs(parse, taken):
        start, end = span.start_char, span.end_char
        if fold(span.text) not in placed or accepted.overlaps(start, end):
            continue
        if any(token.ent_type_ == "PERSON" for token in span):
            continue
        found.append(Mention(start, end, span.text, "", _hint(parse, span.end), root=span.root))
        accepted.append((start, end))
    return found


def _join_hyphenated(mentions: list[Mention], *, text: str, gazetteer: Gazetteer) -> list[Mention]:
    """ "Batesburg-Leesville", "Miami-Dade": a name and the capitalised word glued to it by a
    hyphen, where the gazetteer knows the two together (not "Dhaka-Panchagarh highway")."""
    joined: list[Mention] = []
    for mention in mentions:
        glued = _GLUED.match(text, mention.end)
        if mention.demonym or mention.name or glued is None:
            continue
        if _known(text[mention.start : glued.end()], gazetteer):
            mention.end, mention.text = glued.end(), text[mention.start : glued.end()]
            joined.append(mention)
    return [
        m
        for m in mentions
        if not any(j is not m and j.start <= m.start and m.end <= j.end for j in joined)
    ]


def _surnames(parse: Any) -> frozenset[str]:
    """The last names of the people the text names in full ("David Hopkins"): the name alone
    later ("Hopkins said") is that person, not the town."""
    return frozenset(
        fold(ent[-1].text)
        for ent in parse.ents
        if ent.label_ == "PERSON" and len(ent) > 1 and _is_name(ent[-1])
    )


def _stands_alone(name: str, gazetteer: Gazetteer) -> bool:
    """A country, a first-level area or a capital: a name a surname rarely hides."""
    return any(
        c.match <= MATCH_LIGHT
        and c.name_kind != NAME_DEMONYM
        and (c.entry.kind in ("country", "admin1", "landmark") or c.entry.capital_of is not None)
        for c in gazetteer.lookup(name)
    )


def _names_a_country(name: str, gazetteer: Gazetteer) -> bool:
    return any(
        c.entry.kind == "country" and c.name_kind != NAME_DEMONYM for c in gazetteer.lookup(name)
    )


def _is_demonym(ent: Any, gazetteer: Gazetteer) -> bool:
    return any(c.name_kind == NAME_DEMONYM for c in gazetteer.lookup(ent.text))


def _demonyms_outside_norp(parse: Any, gazetteer: Gazetteer) -> list[Any]:
    """Demonyms spaCy did not tag NORP: one opening an organisation's name ("the Russian
    Foreign Ministry", "Canadian Coast Guard") and one it tagged nothing ("Canadians are")."""
    found: list[Any] = []
    for ent in parse.ents:
        if ent.label_ != "ORG":
            continue
        first = ent.start + (ent[0].lower_ == "the")
        for size in (2, 1):
            opening = parse[first : first + size]
            if first + size < ent.end and _names_people(opening, gazetteer):
                found.append(opening)
                break
    found += [
        parse[token.i : token.i + 1]
        for token in parse
        if not token.ent_type_ and _names_people(parse[token.i : token.i + 1], gazetteer)
    ]
    return found


def _names_people(span: Any, gazetteer: Gazetteer) -> bool:
    """Whether the span, capitalised, is written as a demonym the gazetteer holds ("Iowans")."""
    return all(_is_name(token) for token in span) and any(
        c.name_kind == NAME_DEMONYM and c.match == MATCH_FOLD for c in gazetteer.lookup(span.text)
    )


def _comma_parts(ent: Any) -> list[Any]:
    """An entity split at its commas and spaced dashes: spaCy reads "Hlyboke, Kharkiv" and
    "Dhaka - Gulshan" as one place."""
    parts: list[Any] = []
    start = ent.start
    for token in ent:
        if token.text in (",", "(", ")") or _spaced_dash(token):
            parts.append(ent.doc[start : token.i])
            start = token.i + 1
    parts.append(ent.doc[start : ent.end])
    return [part for part in parts if len(part)]


def _spaced_dash(token: Any) -> bool:
    return (
        token.text in ("-", "–", "—") and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
    )


def _from_entity(ent: Any, label: str, *, gazetteer: Gazetteer) -> Mention | None:
    tokens = list(ent)
    while tokens and tokens[0].lower_ in ("the", "-"):
        tokens = tokens[1:]
    while tokens and tokens[-1].lower_ in ("'s", "’s", "-", "'", "’"):
        tokens = tokens[:-1]
    if not tokens or all(token.lower_ in DESIGNATORS for token in tokens):
        return None  # "Sadar", "District": a kind of place, no name
    tokens = _before_a_body(tokens, gazetteer=gazetteer)
    doc = ent.doc
    span = doc[tokens[0].i : tokens[-1].i + 1]
    hint = _hint(doc, span.end)
    if len(tokens) > 1 and tokens[-1].lower_ in DESIGNATORS and not _known(span.text, gazetteer):
        # "Khulna city", "Kachin State": the name, and a hint of what it names.
        hint = _hint(doc, span.end - 1)
        named = doc[tokens[0].i : tokens[-1].i]
        if tokens[-1].lower_ in PROPER_DESIGNATORS:  # "Lamar County" keeps its unit word
            return Mention(
                span.start_char, span.end_char, span.text, label, hint, root=named.root,
                name=named.text,
            )  # fmt: skip
        span = named
    return Mention(span.start_char, span.end_char, span.text, label, hint, root=span.root)


def _before_a_body(tokens: list[Any], *, gazetteer: Gazetteer) -> list[Any]:
    """ "the Henderson County Jail", "San Fernando City Councilwoman": a place entity that runs
    on into the name of a local body is cut before it, where the gazetteer knows the name before
    it (with its unit word or without) and not the whole."""
    whole = " ".join(token.text for token in tokens)
    for index, token in enumerate(tokens[1:], start=1):
        if token.lower_ not in BODY_WORDS:
            continue
        if _known(" ".join(t.text for t in tokens[: index + 1]), gazetteer):
            continue  # "Kansas City Star": the city word is the town's own
        named = " ".join(t.text for t in tokens[:index])
        if _known(whole, gazetteer) or gazetteer.is_stopword(named):
            return tokens
        short = proper_name(named, gazetteer)
        if _known(named, gazetteer) or (short and _known(short, gazetteer)):
            return tokens[:index]
        return tokens
    return tokens


def proper_name(text: str, gazetteer: Gazetteer) -> str:
    """What to ask the gazetteer for a name written with its unit word: "Lamar" of "Lamar
    County" when only that is known; "" when the text is asked as it is."""
    words = text.split()
    if len(words) > 1 and words[-1].lower() in PROPER_DESIGNATORS and not _known(text, gazetteer):
        return " ".join(words[:-1])
    return ""


def _known(name: str, gazetteer: Gazetteer) -> bool:
    """Whether the gazetteer knows the name as written ("Mexico City", not "Khulna city")."""
    return any(c.match <= MATCH_LIGHT for c in gazetteer.lookup(name))


def _hint(doc: Any, after: int) -> str | None:
    word = doc[after].lower_ if after < len(doc) else ""
    if word in ADMIN_WORDS:
        return "admin"
    if word in SETTLEMENT_WORDS:
        return "city"
    return None


def _is_name(token: Any) -> bool:
    return token.text[:1].isupper() and any(char.isalpha() for char in token.text)


def _name_runs(parse: Any, taken: set[int]) -> Iterator[Any]:
    """Runs of capitalised tokens (with connectors such as "az" or "-" inside) outside places."""
    run: list[Any] = []
    for token in [*parse, None]:
        usable = (
            token is not None
            and token.i not in taken
            and (token.ent_type_ not in NOT_NAMES or _mistagged_date(token))
        )
        connects = run and token is not None and token.lower_ in CONNECTORS
        if usable and (
            _is_name(token) or _glued_article(token) or (connects and not _spaced_dash(token))
        ):
            run.append(token)
            continue
        while run and not _is_name(run[-1]):
            run.pop()
        if run:
            yield from _sub_spans(parse, run)
        run = []


def _mistagged_date(token: Any) -> bool:
    """A capitalised word spaCy tagged as a date or time on its own ("in Winnipeg."), that no
    calendar word or number is: a name, as far as the tag goes."""
    if token.ent_type_ not in ("DATE", "TIME") or token.ent_iob_ != "B":
        return False
    doc = token.doc
    alone = token.i + 1 >= len(doc) or doc[token.i + 1].ent_iob_ != "I"
    word = token.text.rstrip(".").lower()
    return alone and token.is_alpha and _is_name(token) and word not in CALENDAR_WORDS


def _glued_article(token: Any) -> bool:
    """ "al" of "al-Hasakah": an Arabic article in lower case glued by a hyphen to a name."""
    doc = token.doc
    return (
        token.text in ARTICLES
        and not token.whitespace_
        and token.i + 2 < len(doc)
        and doc[token.i + 1].text == "-"
        and not doc[token.i + 1].whitespace_
        and _is_name(doc[token.i + 2])
    )


def _sub_spans(parse: Any, run: list[Any]) -> Iterator[Any]:
    """Spans within a run, longest first, starting and ending on a capitalised token (or
    starting on a glued article: "al-Hasakah")."""
    first, last = run[0].i, run[-1].i
    for size in range(min(MAX_TOKENS, last - first + 1), 0, -1):
        for start in range(first, last - size + 2):
            span = parse[start : start + size]
            if (_is_name(span[0]) or _glued_article(span[0])) and _is_name(span[-1]):
                yield span


def _recover(
    span: Any, parse: Any, *, text: str, gazetteer: Gazetteer, accepted: Intervals
) -> Mention | None:
    start, end = span.start_char, span.end_char
    if accepted.overlaps(start, end):
        return None
    if _names_listed_streets(span, parse) or _a_rank_before_an_office(span, parse):
        return None
    if names_a_street(span.text) and not span[0].is_sent_start:
        # "on Rivers Avenue", "the 500 block of Taylor Street": a street, not the town "Rivers".
        return Mention(start, end, span.text, "", None, root=span.root, street=True)
    # "CLINTON — A town couple ...": a dateline names a town, even one also a famous person's
    # name or one spaCy runs into the words after it ("DANIELSVILLE - Madison County").
    dateline = is_dateline(text, start, end)
    # A person's home town after their age or party ("Tom Bakk, DFL-Cook,") is a place even
    # where the name is also a common word.
    if gazetteer.is_stopword(span.text) and not dateline and not _hometown(span, parse):
        return None
    opens_a_sentence = span[0].is_sent_start and span[0].pos_ != "PROPN"
    happening = span.end < len(parse) and parse[span.end].lower_ in HAPPENING_WORDS
    if opens_a_sentence and not dateline and not happening:
        return None  # but "Homs bombing kills ...": a name before what happened there
    if span[-1].lower_ in DESIGNATORS and (len(span) == 1 or not _known(span.text, gazetteer)):
        if len(span) > 1 and span[-1].lower_ in PROPER_DESIGNATORS:
            return _designated(span, parse, gazetteer=gazetteer)
        return None  # "Sadar" alone is no name; "Kurigram Sadar" is tried as "Kurigram"
    candidates = [c for c in gazetteer.lookup(span.text) if c.match <= MATCH_LIGHT]
    if not candidates:
        # "in Sampelga (Sampelga, Seno)": a place the gazetteer lacks, its areas given after it.
        if _opens_areas(span, parse) and _says_place(span, parse, accepted):
            return Mention(start, end, span.text, "", "city", root=span.root)
        if _inside_areas(span, parse):
            return Mention(start, end, span.text, "", "admin", root=span.root)
        if _named_settlement(span, parse) and span[0].ent_type_ not in ("PERSON", "ORG"):
            # "the village of Robotyne", "in Tindangou village": a place the gazetteer lacks.
            return Mention(start, end, span.text, "", "city", root=span.root)
        if _before_its_area(span, parse, gazetteer) and span[0].ent_type_ not in ("PERSON", "ORG"):
            # "shelled near Vasyukivka, Donetsk": a place the gazetteer lacks, then its area.
            return Mention(start, end, span.text, "", "city", root=span.root)
        return None
    # Seats of government, capitals and countries need no context: they are rarely anything
    # else, and often stand as subjects ("Kyiv said").
    strong = any(
        c.entry.kind == "landmark"
        or (c.entry.kind == "country" and c.name_kind != NAME_DEMONYM)
        or (c.entry.capital_of is not None and c.match == MATCH_FOLD)
        for c in candidates
    )
    if not strong and len(span.text.replace(".", "")) <= 4 and span.text.isupper():
        return None  # acronyms ("IDP", "RTB") that happen to be some town's code
    if len(span) > 1 and span[-1].lower_ in PROPER_DESIGNATORS and span[0].ent_type_ != "PERSON":
        # "the 2008 Walker County Fair Queen": an area's proper name with its unit word says
        # what it is, inside an organisation's name too.
        return Mention(start, end, span.text, "", "admin", root=span.root)
    well_known = any(_well_known(c.entry) for c in candidates)
    if (
        not dateline
        and _cuts_an_entity(span)
        and (span[0].ent_type_ == "PERSON" or not well_known)
        and not _names_a_body(span, parse)
        and not _ends_of_a_road(span, parse)  # spaCy's ORG "Nassoumbou-Djibo" of "the axis ..."
    ):
        # "Liberal" of "Liberal Democratic Party", "Paris" of "Paris Hilton"; but "Atlanta" of
        # "Atlanta Police Department"
        return None
    if not strong and not well_known and _runs_on(span, parse, gazetteer):
        return None  # "Me" of "the Me Hka Htar area": the first word of a longer unknown name
    following = parse[span.end] if span.end < len(parse) else None
    if following is not None and following.lower_ in DESIGNATORS:
        longer = {
            c.entry.id
            for c in gazetteer.lookup(f"{span.text} {following.text}")
            if c.match <= MATCH_LIGHT
        }
        if longer and not longer & {c.entry.id for c in candidates}:
            return None  # "Kansas" of "The Kansas City Star": another place, the one meant
    # A local body or resident ("the Mansfield police") is a cue only for a town's own name.
    # So is an area's proper name with its unit word ("the Laurel County Detention Center").
    local = span[0].lower_ != "the" and (
        any(c.name_kind == NAME_MAIN for c in candidates) or span[-1].lower_ in PROPER_DESIGNATORS
    )
    if (
        not strong
        and not dateline
        and not _says_place(span, parse, accepted, local=local)
        and not _of_its_country(span, parse, candidates, gazetteer)
    ):
        return None
    hint = _hint(parse, span.end)
    return Mention(start, end, span.text, "", hint, root=span.root, dateline=dateline)


def _of_its_country(
    span: Any, parse: Any, candidates: list[Candidate], gazetteer: Gazetteer
) -> bool:
    """ "Syria's Afrin": a country's possessive before the name, and a town of that country
    among its readings (not "Brazil's Kaka")."""
    if span.start < 2 or parse[span.start - 1].text not in ("'s", "’s"):
        return False
    countries = {
        c.entry.country_code
        for c in gazetteer.lookup(parse[span.start - 2].text)
        if c.entry.kind == "country" and c.match <= MATCH_LIGHT
    }
    return any(c.entry.country_code in countries for c in candidates)


def _designated(span: Any, parse: Any, *, gazetteer: Gazetteer) -> Mention | None:
    """ "Laurel County", "Rapides Parish": an area's proper name with its unit word, kept
    whole, when the gazetteer knows the name before the unit word."""
    named = span[:-1]
    if gazetteer.is_stopword(named.text) or not _known(named.text, gazetteer):
        return None
    start, end = span.start_char, span.end_char
    return Mention(start, end, span.text, "", "admin", root=named.root, name=named.text)


def _runs_on(span: Any, parse: Any, gazetteer: Gazetteer) -> bool:
    """Whether the name runs on into capitalised words the gazetteer does not know ("Me" of
    "Me Hka Htar"), none of them a unit, body or resident word: the whole run is one name."""
    rest: list[Any] = []
    for token in parse[span.end : span.end + MAX_TOKENS]:
        if not _is_name(token) or token.ent_type_ in NOT_NAMES:
            break
        rest.append(token)
    if not rest or rest[0].lower_ in DESIGNATORS | INSTITUTION_WORDS | RESIDENT_WORDS | AREA_WORDS:
        return False
    if any(token.lower_ in CONNECTORS for token in rest):
        return False
    return not any(_known(token.text, gazetteer) for token in rest)


# "near Rivers and Stokes avenues", "at 50th and Arch Streets": names listed before a street
# word in the plural are the streets' names.
PLURAL_STREET_WORDS = frozenset({"streets", "avenues", "roads", "drives", "lanes", "boulevards"})
# "Vice Mayor Ray Melton", "First Selectman Jeremy Shingleton": a word of rank before an office.
RANK_WORDS = frozenset({"vice", "deputy", "acting", "first", "assistant", "interim", "former"})
OFFICE_WORDS = frozenset(
    {"mayor", "selectman", "selectwoman", "chairman", "chairwoman", "chair", "president"}
    | {"governor", "minister", "secretary", "commissioner", "director", "speaker", "premier"}
)


def _names_listed_streets(span: Any, parse: Any) -> bool:
    """Whether the name stands in a list that ends in a street word in the plural ("Rivers and
    Stokes avenues")."""
    index = span.end
    while index < len(parse) and (
        parse[index].lower_ in ("and", "&", ",", "or") or _is_name(parse[index])
    ):
        if parse[index].lower_ in PLURAL_STREET_WORDS:
            return True
        index += 1
    return index < len(parse) and parse[index].lower_ in PLURAL_STREET_WORDS


def _a_rank_before_an_office(span: Any, parse: Any) -> bool:
    """ "Vice Mayor", "First Selectman": a rank, not the town "Vice" or "First"."""
    after = parse[span.end] if span.end < len(parse) else None
    return (
        len(span) == 1
        and span[0].lower_ in RANK_WORDS
        and after is not None
        and after.lower_ in OFFICE_WORDS
    )


def names_a_street(name: str) -> bool:
    """Whether the name is a street's or road's: names before a street word ("Taylor Street",
    "S. Main St.", "Lone Oak Road")."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in STREET_WORDS and words[-2][:1].isupper()


def said_to_be_a_place(text: str, start: int, end: int) -> bool:
    """Whether the words around ``text[start:end]`` say it is a place: a locative or a verb of
    striking or taking before it ("in X", "shelled X"), a unit or area word after it ("X
    district", "X area"), or brackets of areas around it ("X (Y, Z)", "Y (X)")."""
    before = _WORDS.findall(text[max(0, start - 40) : start].lower())
    before = [word for word in before if word != "the"]
    if before[-1:] == ["of"]:  # "the village of X", not "the husband of X"
        return len(before) > 1 and before[-2] in DESIGNATORS | AREA_WORDS | _SIDES
    if before and (before[-1] in LOCATIVE | {"on"} or before[-1] in _STRIKING_WORDS):
        return True
    if text[max(0, start - 2) : start].strip() == "(" or _LISTED_AFTER_A_NAME.search(
        text[max(0, start - 40) : start]
    ):
        return True
    after = text[end : end + 30]
    if after.lstrip().startswith("("):
        return True
    words = _WORDS.findall(after.lower())
    return bool(words) and words[0] in ADMIN_WORDS | SETTLEMENT_WORDS | AREA_WORDS | FEATURE_WORDS


def in_a_byline(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a name in capitals right after a byline's "BY" ("BY CHAD
    KLIMACK Advocate Reporter"): the reporter, not the country."""
    name = text[start:end]
    return name.isupper() and _BYLINE.search(text[max(0, start - 4) : start]) is not None


def _names_a_body(span: Any, parse: Any) -> bool:
    """ "Mansfield Police Department", "Fargo Mayor Dennis Walaker": the name opens the name of
    a local body or office, which names its town."""
    after = parse[span.end] if span.end < len(parse) else None
    return span[0].ent_iob_ == "B" and after is not None and after.lower_ in INSTITUTION_WORDS


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a name in capitals that opens a dateline ("MANSFIELD --",
    "BEIRUT (AP) -") at the start of the text, a line or a sentence."""
    name = text[start:end]
    if sum(char.isalpha() for char in name) < 3 or not name.isupper():
        return False
    before = text[max(0, start - 3) : start]
    opens = start == 0 or "\n" in before or bool(re.search(r"[.!?]\s+$", before))
    return opens and bool(_DATELINE_AFTER.match(text[end : end + 50]))


def _says_place(span: Any, parse: Any, accepted: Intervals, *, local: bool = False) -> bool:
    before = [
        token
        for token in parse[max(0, span.start - 3) : span.start]
        if token.lower_ != "the" and token.lower_ not in _DIRECTIONS
    ]
    previous = before[-1] if before else None
    if previous is not None:
        if previous.lower_ in LOCATIVE or previous.lemma_.lower() in ACTION_LEMMAS:
            return True
        if previous.lower_ in ("as", "at") and len(before) > 1 and before[-2].lower_ == "coded":
            return True  # "(coded as Comilla, Chittagong)": the place an event is coded to
        if previous.lower_ == "on" and _after_an_assault(previous, parse):
            return True
        if previous.lower_ in ("and", "or", ",") and accepted.ends_between(
            previous.idx - 2, previous.idx
        ):
            return True
    if span.root.dep_ == "dobj" and span.root.head.lemma_.lower() in ACTION_LEMMAS:
        return True
    if _hometown(span, parse):
        return True
    if (
        local
        and span.end < len(parse)
        and parse[span.end].lower_ in INSTITUTION_WORDS | RESIDENT_WORDS
    ):
        return True  # "the Mansfield police", "a Rolling Meadows man"
    if _inside_areas(span, parse):
        return True
    if _lies_some_distance(span):
        return True
    if _ends_of_a_road(span, parse):
        return True
    after = parse[span.end] if span.end < len(parse) else None
    if after is None:
        return False
    if after.lower_ in ADMIN_WORDS | SETTLEMENT_WORDS | AREA_WORDS | HAPPENING_WORDS:
        return True
    return after.text == "," and accepted.starts_at(after.idx + 2)


def _lies_some_distance(span: Any) -> bool:
    """ "Swanton is about 20 miles west of Toledo": a name said to lie a distance from
    somewhere is a place."""
    # Doc.text rebuilds the whole text on every call; a few tokens after the name are enough.
    following = span.doc[span.end : span.end + 12]
    after = span[-1].whitespace_ + "".join(token.text_with_ws for token in following)
    return _DISTANCE_AFTER.match(after) is not None


def _ends_of_a_road(span: Any, parse: Any) -> bool:
    """ "the Monguno-Maiduguri road", "on the axis Nassoumbou-Djibo": names joined by hyphens,
    with a word for a road after them or before them, are the towns the road joins."""
    first, last = span.start, span.end - 1
    while first >= 2 and _joined(parse[first - 2], parse[first - 1]):
        first -= 2
    while last + 2 < len(parse) and _joined(parse[last + 1], parse[last + 2]):
        last += 2
    if first == span.start and last == span.end - 1:
        return False
    after = parse[last + 1].lower_ if last + 1 < len(parse) else ""
    before = parse[first - 1].lower_ if first > 0 else ""
    return after in ROAD_WORDS or before in ROAD_WORDS


def _joined(left: Any, right: Any) -> bool:
    """Whether ``left`` and ``right`` are a name and a hyphen glued to it, either way round."""
    name, dash = (left, right) if right.text == "-" else (right, left)
    return dash.text == "-" and not left.whitespace_ and _is_name(name)


def _after_an_assault(on: Any, parse: Any) -> bool:
    """ "raids on Idlib", "Russian strikes on Aleppo": "on" after a word of striking is a place
    cue (not "on Monday", "reported on Twitter", "briefed on Ankara's plans")."""
    if on.i == 0:
        return False
    word = parse[on.i - 1]
    return word.lower_ in _ASSAULT_NOUNS or word.lemma_.lower() in ACTION_LEMMAS


def _hometown(span: Any, parse: Any) -> bool:
    """Where a person is from, as news writes it: "Joyce Glover, 22, Palestine," (name, age,
    town) and a legislator's party and home ("Rep. Torrey Westrom, R-Elbow Lake,")."""
    if span.end < len(parse) and parse[span.end].text not in (",", ")", ".", ";"):
        return False
    before = [token.text for token in parse[max(0, span.start - 3) : span.start]]
    if len(before) == 3 and before[0] == "," and before[2] == ",":
        return bool(parse[span.start - 2].like_num)
    if len(before) >= 2 and before[-1] == "-" and before[-2] in _PARTIES:
        dash = parse[span.start - 1]
        return not parse[span.start - 2].whitespace_ and not dash.whitespace_
    return False


def _named_settlement(span: Any, parse: Any) -> bool:
    """ "the village of X", "in X village": the words around the name say it is a settlement."""
    before = [token.lower_ for token in parse[max(0, span.start - 2) : span.start]]
    if len(before) == 2 and before[0] in SETTLEMENT_NOUNS and before[1] == "of":
        return True
    after = parse[span.end] if span.end < len(parse) else None
    return (
        after is not None
        and after.lower_ in SETTLEMENT_NOUNS
        and bool(before)
        and before[-1] in LOCATIVE
    )


def _before_its_area(span: Any, parse: Any, gazetteer: Gazetteer) -> bool:
    """ "near X, Donetsk", "shelled X, Idlib": a locative or a verb of striking before the name,
    and after it a comma and a name the gazetteer holds as an area (an admin area, a country)."""
    before = [
        token for token in parse[max(0, span.start - 2) : span.start] if token.lower_ != "the"
    ]
    if not before or not (
        before[-1].lower_ in LOCATIVE or before[-1].lemma_.lower() in ACTION_LEMMAS
    ):
        return False
    after = list(parse[span.end : span.end + 2])
    if len(after) < 2 or after[0].text != "," or not _is_name(after[1]):
        return False
    return any(
        c.entry.kind in AREA_KINDS and c.match <= MATCH_LIGHT
        for c in gazetteer.lookup(after[1].text)
    )


def _opens_areas(span: Any, parse: Any) -> bool:
    """ "X (Y" or "X upazila (Y": a name, perhaps a unit word, then a parenthesis opening on
    another name."""
    after = list(parse[span.end : span.end + 3])
    if after and after[0].lower_ in ADMIN_WORDS | SETTLEMENT_WORDS | AREA_WORDS:
        after = after[1:]
    return len(after) >= 2 and after[0].text == "(" and _is_name(after[1])


def _inside_areas(span: Any, parse: Any) -> bool:
    """ "X (Y, Z)": Y and Z, the areas written after a place name."""
    for token in reversed(parse[max(0, span.start - 6) : span.start]):
        if token.text == ")":
            return False
        if token.text == "(":
            before = list(parse[max(0, token.i - 3) : token.i])
            if before and before[-1].lower_ in DESIGNATORS:
                before = before[:-1]  # "Kaharole upazila (Dinajpur, ..."
            return bool(before) and (_is_name(before[-1]) or before[-1].text == ")")
        if token.text != "," and not _is_name(token) and token.lower_ not in CONNECTORS:
            return False
    return False


def _well_known(entry: Entry) -> bool:
    return entry.kind in ("country", "admin1", "landmark") or entry.population >= WELL_KNOWN


def _cuts_an_entity(span: Any) -> bool:
    """Whether the span takes part of a longer named entity ("Liberal" of "Liberal Democratic
    Party"); names split across entities ("Dayr" "az" "Zawr") and a unit word left over
    ("Kale" of "Kale Township") are fine, and so are an entity's parts between its parentheses
    and commas: spaCy reads "Mentao (Pobe-Mengao, Soum" as one organisation."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    starts_inside = span[0].ent_iob_ == "I" and (before is None or before.text not in _SEPARATORS)
    end = span.end
    while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].lower_ in DESIGNATORS:
        end += 1
    ends_inside = end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].text not in _SEPARATORS
    return starts_inside or ends_inside
