"""Choose one gazetteer entry per mention, using the whole document as context.

A candidate's score adds up: how well its name matched, its weight (population; countries,
regions and seats of government rank as large places), the article's country focus, the admin
hierarchy the text states ("Saraqib, Idlib"), closeness to the other places the article names,
and what the words beside the mention say ("Idlib province"). Mentions of the same name take the
same sense throughout the article.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from frontlines.geo.areas import (
    apply_containers,
    area_positions,
    restrict_to_stated_areas,
    stands_for_admin1,
)
from frontlines.geo.detect import PLACE_LABELS, Mention
from frontlines.geo.document_evidence import (
    FocusVotes,
    apply_counties,
    apply_hierarchy,
    area_namesakes,
    focus_votes,
    follow_counties,
)
from frontlines.geo.entry import (
    MATCH_FOLD,
    MATCH_FUZZY,
    MATCH_LIGHT,
    MATCH_SKELETON,
    NAME_DEMONYM,
    NAME_MAIN,
    Candidate,
    Entry,
)
from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.geometry import distance_km
from frontlines.geo.metonym import is_metonym
from frontlines.geo.names import fold
from frontlines.geo.nested_areas import keep_inside_named_areas

MATCH_SCORE = {MATCH_FOLD: 0.0, MATCH_LIGHT: -0.3, MATCH_SKELETON: -1.2, MATCH_FUZZY: -2.0}
KIND_SCORE = {"country": 5.5, "continent": 5.0, "region": 3.5, "landmark": 4.0}
AREA_PENALTY = {"admin1": -0.5, "admin2": -1.4}
FOCUS_WEIGHT = 2.5
MIN_FOCUS = 0.15
PROXIMITY_WEIGHT = 2.0
PROXIMITY_SCALE_KM = 200.0
MAX_CONTENDERS = 25
ANCHORS = frozenset({"city", "admin2", "admin1", "landmark"})
# A weak reading this far from every place the article is about is a namesake, not the place.
STRAY_KM = 1500.0
STRAY_FROM_COUNTRY_KM = 2500.0
STRAY_POPULATION = 20_000
# Countries whose villages the user loaded (``gazetteer add``) are likelier meant, all else equal.
WATCHED_WEIGHT = 1.5
# A town this large, ten times its namesake's size, is not outweighed by country focus alone.
PROMINENT_POPULATION = 100_000
PROMINENCE_RATIO = 10
# A reading abroad, where the name also reads as a place in a country the article is about,
# starts this far behind: only what the text states (its areas, nearby places) lifts it.
NAMESAKE_PENALTY = 2.0
HOME_KINDS = frozenset({"city", "admin1", "admin2", "landmark"})
# GeoNames gives population 0 where it is unknown (many seats of districts, "Ra's al 'Ayn"), not
# where nobody lives: such a town weighs as a small town, not as the smallest hamlet, so that a
# namesake abroad of middling size ("Rosh Ha'Ayin") does not outrank it without evidence. Only
# under its own name: a town of unknown size read by another of its names ("Guizhou" for
# Ronggui) stays as weak as before.
UNKNOWN_TOWN_POPULATION = 5_000
# A small town read by another of its names, where the name is another town's own.
OTHER_NAME_PENALTY = 1.0


@dataclass
class Resolution:
    """A mention and the entry chosen for it (None when no candidate survived)."""

    mention: Mention
    entry: Entry | None
    score: float = 0.0


def resolve(mentions: Sequence[Mention], *, text: str, gazetteer: Gazetteer) -> list[Resolution]:
    areas = area_positions(mentions, text=text)
    hints = [m.hint or ("admin" if i in areas else None) for i, m in enumerate(mentions)]
    candidates = [_candidates(mention, gazetteer) for mention in mentions]
    watched = gazetteer.watched_countries
    priors = [
        [_prior(c, m, hint=hint, watched=watched) for c in cands]
        for m, hint, cands in zip(mentions, hints, candidates, strict=True)
    ]
    for cands, row in zip(candidates, priors, strict=True):
        _own_name_first(cands, row)
    actors = {
        index
        for index, (mention, cands, row) in enumerate(
            zip(mentions, candidates, priors, strict=True)
        )
        if cands and is_metonym(mention, _best(cands, row), text=text)
    }
    focus = focus_votes(mentions, candidates, priors, actors=actors).share()
    ranked = sorted(focus, key=focus.__getitem__, reverse=True)
    codes = [code for code in ranked[:2] if focus[code] >= MIN_FOCUS]
    for index, mention in enumerate(mentions):
        loose = candidates[index] and candidates[index][0].match >= MATCH_SKELETON
        if loose or (not candidates[index] and (mention.label in PLACE_LABELS or mention.hint)):
            # Loose and near spellings count only inside the country the article is most about.
            found = candidates[index] or gazetteer.fuzzy(mention.key, country_codes=codes[:1])
            candidates[index] = [c for c in found if c.entry.country_code in codes[:1]]
            priors[index] = [
                _prior(c, mention, hint=hints[index], watched=watched) for c in candidates[index]
            ]
    scores = [
        [
            p + FOCUS_WEIGHT * focus.get(c.entry.country_code or "", 0.0)
            for c, p in zip(cs, ps, strict=True)
        ]
        for cs, ps in zip(candidates, priors, strict=True)
    ]
    # The countries each name's neighbours are about, from the votes of the readings left.
    votes = focus_votes(mentions, candidates, priors, actors=actors)
    # ... and what the names that say where (not who: "Russian forces", "Russia said") are about.
    said_where = [
        [] if m.demonym or i in actors else c
        for i, (m, c) in enumerate(zip(mentions, candidates, strict=True))
    ]
    where_votes = focus_votes(mentions, said_where, priors)
    _favour_prominent(mentions, candidates, scores, focus, votes=votes, where_votes=where_votes)
    _namesakes_need_evidence(mentions, candidates, scores, votes=votes)
    restrict_to_stated_areas(mentions, candidates, scores, text=text)
    keep_inside_named_areas(mentions, candidates, scores, text=text)
    apply_containers(mentions, candidates, scores, text=text)
    apply_hierarchy(mentions, candidates, scores)
    apply_counties(mentions, candidates, scores)
    follow_counties(mentions, candidates, scores)
    picks = _picks(candidates, scores)
    if codes:
        # Even where the article is about two countries (a siege in Algeria told from Tokyo),
        # a weak reading in a third one, far from both, is a namesake: "Amenas" is no Swedish
        # hamlet, "Soler" (a name) no Spanish town.
        _drop_strays(mentions, candidates, scores, picks)
        picks = _picks(candidates, scores)
    _apply_proximity(mentions, candidates, scores, picks)
    return _one_sense_per_name(mentions, candidates, scores)


def _best(cands: list[Candidate], row: list[float]) -> Entry:
    return cands[max(range(len(cands)), key=row.__getitem__)].entry


def _favour_prominent(
    mentions: Sequence[Mention],
    candidates: list[list[Candidate]],
    scores: list[list[float]],
    focus: dict[str, float],
    *,
    votes: FocusVotes,
    where_votes: FocusVotes,
) -> None:
    """A namesake abroad needs evidence: where a name reads as a large town that names its
    province ("Donetsk", "Aleppo") in a country the article's other places are about, and as a
    far smaller town in another country the article is more about ("Donetsk" in a story of
    Russian strikes on Ukraine), the country focus does not decide between them; the large
    town's own weight, and what the text states ("Donetsk, Rostov region"), do. A country that
    only the name itself points at is no evidence ("Paris" in a story of Texan towns), unless
    no other name says where at all: an actor ("Russian forces shelled near Donetsk") is no
    evidence against the large town either."""
    names = [fold(mention.key) for mention in mentions]
    for index, (cands, row) in enumerate(zip(candidates, scores, strict=True)):
        towns = [
            a for a, c in enumerate(cands) if c.entry.kind == "city" and c.match <= MATCH_LIGHT
        ]
        if len(towns) < 2:
            continue
        big = max(towns, key=lambda a: cands[a].entry.population)
        entry = cands[big].entry
        small = [
            a for a in towns if cands[a].entry.population * PROMINENCE_RATIO <= entry.population
        ]
        if entry.population < PROMINENT_POPULATION or not small or not stands_for_admin1(entry):
            continue
        elsewhere = votes.share(without=names[index])
        share = focus.get(entry.country_code or "", 0.0)
        unplaced = not where_votes.share(without=names[index])
        if elsewhere.get(entry.country_code or "", 0.0) < MIN_FOCUS and not unplaced:
            continue
        lift = max(
            FOCUS_WEIGHT * (focus.get(cands[a].entry.country_code or "", 0.0) - share)
            for a in small
        )
        row[big] += max(lift, 0.0)


def _namesakes_need_evidence(
    mentions: Sequence[Mention],
    candidates: list[list[Candidate]],
    scores: list[list[float]],
    *,
    votes: FocusVotes,
) -> None:
    """A namesake abroad needs evidence: where a name reads as a town or area in a country the
    article's other names are about ("Bagram" in an Afghan story), its readings elsewhere
    ("Bahram", Iran) start behind, unless far larger (a city ten times the size)."""
    names = [fold(mention.key) for mention in mentions]
    homes: dict[str, frozenset[str]] = {}
    for index, (cands, row) in enumerate(zip(candidates, scores, strict=True)):
        if len({c.entry.country_code for c in cands}) < 2:
            continue
        home = homes.get(names[index])
        if home is None:
            elsewhere = votes.share(without=names[index])
            home = frozenset(code for code, share in elsewhere.items() if share >= MIN_FOCUS)
            homes[names[index]] = home
        local = [c.entry for c in cands if _at_home(c.entry, home)]
        if not local:
            continue
        largest = max(*(entry.population for entry in local), 1)
        # A country abroad is a namesake of a first-level area at home ("Georgia" beside Atlanta).
        kinds = HOME_KINDS | ({"country"} if any(e.kind == "admin1" for e in local) else set())
        for a, candidate in enumerate(cands):
            entry = candidate.entry
            if entry.kind not in kinds or entry.country_code in home:
                continue
            prominent = candidate.name_kind == NAME_MAIN and entry.population >= max(
                PROMINENT_POPULATION, PROMINENCE_RATIO * largest
            )  # "Berea" is an old name of Aleppo, no reason to leave Kentucky
            if not prominent:
                row[a] -= NAMESAKE_PENALTY


def _own_name_first(cands: list[Candidate], row: list[float]) -> None:
    """Where a name is a town's own name ("Inata", the Burkinabe mining village), a town
    elsewhere that merely has it among its other names ("Inada", Japan) starts behind, unless
    large: a writer names a small town by its own name."""
    own = {
        c.entry.country_code
        for c in cands
        if c.entry.kind == "city" and c.match == MATCH_FOLD and c.name_kind == NAME_MAIN
    }
    if not own:
        return
    for a, candidate in enumerate(cands):
        entry = candidate.entry
        if (
            entry.kind == "city"
            and candidate.name_kind != NAME_MAIN
            and entry.country_code not in own
            and entry.population < PROMINENT_POPULATION
        ):
            row[a] -= OTHER_NAME_PENALTY


def _at_home(entry: Entry, home: frozenset[str]) -> bool:
    return entry.kind in HOME_KINDS and entry.country_code in home


def _candidates(mention: Mention, gazetteer: Gazetteer) -> list[Candidate]:
    if mention.street:
        return []  # the gazetteer holds no streets
    found = gazetteer.lookup(mention.key)
    if mention.demonym:
        return [c for c in found if c.name_kind == NAME_DEMONYM and c.match <= MATCH_LIGHT]
    if mention.label not in PLACE_LABELS:
        found = [c for c in found if c.match <= MATCH_LIGHT]
    return exact_where_watched(found, watched=gazetteer.watched_countries)


def exact_where_watched(found: list[Candidate], *, watched: frozenset[str]) -> list[Candidate]:
    """A name spelled exactly as a place of a country the user loaded the villages of is not a
    respelling of a town elsewhere ("Solle" is the Burkinabe village, not Cholet in France):
    where such a reading exists, other countries' readings count only when spelled exactly too
    (countries and regions stay). Where it is the village's own name, a town elsewhere that
    merely has it as another name counts only when large ("Inata" is the Burkinabe mining
    village, not Inada in Japan)."""
    home = [c for c in found if c.match == MATCH_FOLD and c.entry.country_code in watched]
    if not home:
        return found
    own_name = any(c.name_kind == NAME_MAIN for c in home)
    return [
        c
        for c in found
        if c.entry.country_code in watched
        or c.entry.kind in KIND_SCORE
        or (
            c.match == MATCH_FOLD
            and (
                c.name_kind == NAME_MAIN
                or not own_name
                or c.entry.population >= PROMINENT_POPULATION
            )
        )
    ]


def _prior(
    candidate: Candidate, mention: Mention, *, hint: str | None, watched: frozenset[str]
) -> float:
    entry = candidate.entry
    score: float = MATCH_SCORE[candidate.match]
    if entry.country_code in watched:
        score += WATCHED_WEIGHT
    score += 0.3 if candidate.name_kind == NAME_MAIN else 0.0
    if entry.kind in KIND_SCORE:
        score += KIND_SCORE[entry.kind]
    else:
        score += 0.5 * math.log10(prior_population(candidate) + 10) + AREA_PENALTY.get(
            entry.kind, 0.0
        )
    if entry.capital_of:
        score += 0.6
    if candidate.name_kind == NAME_DEMONYM and not mention.demonym:
        score -= 2.0
    if hint == "admin":
        score += 3.0 if entry.kind in ("admin1", "admin2") else -1.0
    elif hint == "city" and entry.kind == "city":
        score += 1.0
    return score


def prior_population(candidate: Candidate) -> int:
    """The population a town's prior counts: its own, or, where unknown (0) and the town is
    named by its own name, a small town's."""
    entry = candidate.entry
    if entry.kind == "city" and entry.population <= 0 and candidate.name_kind == NAME_MAIN:
        return UNKNOWN_TOWN_POPULATION
    return entry.population


def _picks(candidates: list[list[Candidate]], scores: list[list[float]]) -> list[Entry | None]:
    return [
        cands[max(range(len(cands)), key=s.__getitem__)].entry if cands else None
        for cands, s in zip(candidates, scores, strict=True)
    ]


_Anchor = tuple[float, float, str | None, float, bool]  # place, country, reach, weak


def _drop_strays(
    mentions: Sequence[Mention],
    candidates: list[list[Candidate]],
    scores: list[list[float]],
    picks: list[Entry | None],
) -> None:
    """Drop weak readings (a loose spelling, another name, a village) outside the countries the
    article's other places are in and far from all of them: "Kani" beside Sagaing is not the
    Japanese town, and leaving a name unknown beats a namesake on another continent. Where
    some reading is not weak, a weak one vouches for another only in its own country (two
    villages of one province do; "Soler" read in Spain and "Berta" in Albania, beside Havana,
    do not)."""
    names = [fold(mention.key) for mention in mentions]
    # Each anchor (place, country, reach, weak) with the names that picked it, listed once: a
    # mention's anchors are those some other name picked, found per name, not per pick.
    picked: dict[_Anchor, set[str]] = defaultdict(set)
    for j, pick in enumerate(picks):
        if pick is None or mentions[j].demonym:
            continue
        if pick.kind in ANCHORS or pick.kind == "country":
            km = STRAY_FROM_COUNTRY_KM if pick.kind == "country" else STRAY_KM
            weak = any(c.entry is pick and _weak(c) for c in candidates[j])
            picked[(pick.latitude, pick.longitude, pick.country_code, km, weak)].add(names[j])
    anchors_of: dict[str, list[_Anchor]] = {}
    for i, cands in enumerate(candidates):
        if not cands:
            continue
        anchors = anchors_of.get(names[i])
        if anchors is None:
            anchors = [anchor for anchor, by in picked.items() if by - {names[i]}]
            anchors_of[names[i]] = anchors
        if not anchors:
            continue
        countries = {country for _, _, country, _, _ in anchors}
        # Beside a place that is not weak, a weak reading vouches only in its own country.
        strict = not all(weak for *_, weak in anchors)
        kept = [
            a
            for a, c in enumerate(cands)
            if c.entry.country_code in countries
            or not _weak(c)
            or any(
                distance_km(c.entry.latitude, c.entry.longitude, lat, lon) < km
                and (not (strict and weak) or country == c.entry.country_code)
                for lat, lon, country, km, weak in anchors
            )
        ]
        candidates[i] = [cands[a] for a in kept]
        scores[i] = [scores[i][a] for a in kept]


def _weak(candidate: Candidate) -> bool:
    entry = candidate.entry
    if entry.kind in ("country", "continent", "region", "landmark"):
        return False
    loose = candidate.match > MATCH_FOLD or candidate.name_kind != NAME_MAIN
    return loose or (entry.kind == "city" and entry.population < STRAY_POPULATION)


def _apply_proximity(
    mentions: Sequence[Mention],
    candidates: list[list[Candidate]],
    scores: list[list[float]],
    picks: list[Entry | None],
) -> None:
    names = [fold(mention.key) for mention in mentions]
    left_out = area_namesakes(candidates)  # "California", Pennsylvania: no lift beside it
    # Each anchor's place and the names that picked it, listed once: the anchors of a mention
    # are the places some other name picked (a pass over every pick per mention is quadratic).
    named: dict[tuple[float, float], set[str]] = defaultdict(set)
    for j, pick in enumerate(picks):
        if pick is not None and pick.kind in ANCHORS:
            named[(pick.latitude, pick.longitude)].add(names[j])
    anchors_of: dict[str, set[tuple[float, float]]] = {}
    nearest_of: dict[tuple[str, float, float], float] = {}
    for i, cands in enumerate(candidates):
        ranked = sorted(range(len(cands)), key=scores[i].__getitem__, reverse=True)
        # Only candidates that the bonus could still lift to the top are worth measuring.
        contenders = [a for a in ranked if scores[i][a] > scores[i][ranked[0]] - PROXIMITY_WEIGHT]
        if len(contenders) < 2:
            continue
        anchors = anchors_of.get(names[i])
        if anchors is None:
            anchors = {place for place, by in named.items() if by - {names[i]}}
            anchors_of[names[i]] = anchors
        if not anchors:
            continue
        for a in contenders[:MAX_CONTENDERS]:
            if a in left_out[i]:
                continue
            entry = cands[a].entry
            # A name written again has the same anchors: measure each of its readings once.
            key = (names[i], entry.latitude, entry.longitude)
            nearest = nearest_of.get(key)
            if nearest is None:
                nearest = min(
                    distance_km(entry.latitude, entry.longitude, lat, lon) for lat, lon in anchors
                )
                nearest_of[key] = nearest
            scores[i][a] += PROXIMITY_WEIGHT * math.exp(-nearest / PROXIMITY_SCALE_KM)


def _one_sense_per_name(
    mentions: Sequence[Mention], candidates: list[list[Candidate]], scores: list[list[float]]
) -> list[Resolution]:
    groups: dict[tuple[str, str | None, bool], list[int]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        groups[(fold(mention.key), mention.hint, mention.demonym)].append(index)
    results: list[Resolution | None] = [None] * len(mentions)
    for members in groups.values():
        totals: dict[int, float] = defaultdict(float)
        entries: dict[int, Entry] = {}
        for index in members:
            for candidate, score in zip(candidates[index], scores[index], strict=True):
                totals[candidate.entry.id] += score
                entries[candidate.entry.id] = candidate.entry
        best = max(totals, key=totals.__getitem__) if totals else None
        for index in members:
            entry = entries[best] if best is not None else None
            score = totals[best] / len(members) if best is not None else 0.0
            results[index] = Resolution(mentions[index], entry, score)
    return [result for result in results if result is not None]
