from __future__ import annotations

from frontlines.geo.detect import Mention
from frontlines.geo.entry import (
    MATCH_FOLD,
    MATCH_LIGHT,
    NAME_ALTERNATE,
    NAME_MAIN,
    Candidate,
    Entry,
)
from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.rank import (
    UNKNOWN_TOWN_POPULATION,
    exact_where_watched,
    prior_population,
    resolve,
)


def picks(
    text: str, names: list[str], gazetteer: Gazetteer, *, hint: str | None = None
) -> list[Entry]:
    mentions: list[Mention] = []
    for name in names:
        start = text.index(name, mentions[-1].end if mentions else 0)
        mentions.append(Mention(start, start + len(name), name, "GPE", hint=hint))
    entries = [r.entry for r in resolve(mentions, text=text, gazetteer=gazetteer)]
    assert all(entry is not None for entry in entries)
    return [entry for entry in entries if entry is not None]


def test_rank_admin_hierarchy_reads_saraqib_comma_idlib(gazetteer: Gazetteer) -> None:
    text = "Shelling hit Saraqib, Idlib, on Monday."
    saraqib, idlib = picks(text, ["Saraqib", "Idlib"], gazetteer)
    assert (saraqib.name, saraqib.kind, saraqib.admin1, saraqib.country) == (
        "Saraqib",
        "city",
        "Idlib",
        "Syria",
    )
    assert (idlib.name, idlib.kind) == ("Idlib", "admin1")


def test_rank_name_in_two_countries_follows_the_article(gazetteer: Gazetteer) -> None:
    lebanon = picks(
        "Clashes in Tripoli and Beirut left Lebanon tense.",
        ["Tripoli", "Beirut", "Lebanon"],
        gazetteer,
    )
    libya = picks(
        "Clashes in Tripoli spread to Misrata and Benghazi.",
        ["Tripoli", "Misrata", "Benghazi"],
        gazetteer,
    )
    assert lebanon[0].country_code == "LB"
    assert libya[0].country_code == "LY"


def test_rank_georgia_state_or_country_by_its_neighbours(gazetteer: Gazetteer) -> None:
    state = picks(
        "Storms hit Atlanta and Athens, Georgia.", ["Atlanta", "Athens", "Georgia"], gazetteer
    )
    country = picks("Protests in Tbilisi spread across Georgia.", ["Tbilisi", "Georgia"], gazetteer)
    assert [(p.name, p.kind, p.country_code) for p in state] == [
        ("Atlanta", "city", "US"),
        ("Athens", "city", "US"),
        ("Georgia", "admin1", "US"),
    ]
    assert (country[1].kind, country[1].country_code) == ("country", "GE")


def test_rank_city_over_same_named_province_unless_the_text_says_province(
    gazetteer: Gazetteer,
) -> None:
    (city,) = picks("Rebels entered Idlib.", ["Idlib"], gazetteer)
    (province,) = picks("Strikes hit Idlib province.", ["Idlib"], gazetteer, hint="admin")
    assert (city.kind, province.kind) == ("city", "admin1")


def test_rank_one_sense_per_name_in_an_article(gazetteer: Gazetteer) -> None:
    text = "Paris was quiet. Officials in Paris and Lyon met."
    first, second, _ = picks(text, ["Paris", "Paris", "Lyon"], gazetteer)
    assert first.id == second.id
    assert first.country_code == "FR"


def test_rank_weak_namesake_far_from_the_article_stays_unresolved(gazetteer: Gazetteer) -> None:
    text = "Gunmen raided Holly near Ouagadougou and Koudougou in Burkina Faso."
    names = ["Holly", "Ouagadougou", "Koudougou", "Burkina Faso"]
    found: list[Mention] = []
    for name in names:
        start = text.index(name)
        found.append(Mention(start, start + len(name), name, "GPE"))
    holly, *rest = resolve(found, text=text, gazetteer=gazetteer)
    assert holly.entry is None
    assert [r.entry.country_code for r in rest if r.entry is not None] == ["BF", "BF", "BF"]


def test_rank_a_large_city_abroad_is_kept(gazetteer: Gazetteer) -> None:
    text = "Refugees fled Ouagadougou and Koudougou for Paris."
    *_, paris = picks(text, ["Ouagadougou", "Koudougou", "Paris"], gazetteer)
    assert paris.country_code == "FR"


def town(name: str, code: str, *, population: int = 0, place_id: int = 1) -> Entry:
    return Entry(
        id=place_id,
        name=name,
        kind="city",
        country_code=code,
        country=None,
        admin1=None,
        admin2=None,
        latitude=0.0,
        longitude=0.0,
        population=population,
    )


def test_an_exact_village_name_where_the_user_loaded_villages_beats_a_respelling_abroad() -> None:
    village = Candidate(town("Solle", "BF", place_id=1), MATCH_FOLD, NAME_MAIN)
    respelt = Candidate(town("Cholet", "FR", population=53_160, place_id=2), MATCH_LIGHT, NAME_MAIN)
    namesake = Candidate(town("Solle", "IT", population=900, place_id=3), MATCH_FOLD, NAME_MAIN)
    found = [village, respelt, namesake]
    assert exact_where_watched(found, watched=frozenset({"BF"})) == [village, namesake]
    assert exact_where_watched(found, watched=frozenset()) == found
    assert exact_where_watched([respelt], watched=frozenset({"BF"})) == [respelt]


def test_a_village_named_so_where_the_user_loaded_villages_beats_a_town_of_that_other_name() -> (
    None
):
    """ "Inata" is the Burkinabe village's own name and only another name of Inada (Japan):
    the Japanese town drops; a large city known by the name stays."""
    village = Candidate(town("Inata", "BF", place_id=1), MATCH_FOLD, NAME_MAIN)
    other_name = Candidate(
        town("Inada", "JP", population=53_502, place_id=2), MATCH_FOLD, NAME_ALTERNATE
    )
    large = Candidate(
        town("Big Inata", "XX", population=500_000, place_id=3), MATCH_FOLD, NAME_ALTERNATE
    )
    assert exact_where_watched([village, other_name, large], watched=frozenset({"BF"})) == [
        village,
        large,
    ]
    # Where the village has the name only as another name too, both stay.
    also_other = Candidate(town("Inatenga", "BF", place_id=4), MATCH_FOLD, NAME_ALTERNATE)
    assert exact_where_watched([also_other, other_name], watched=frozenset({"BF"})) == [
        also_other,
        other_name,
    ]


def test_rank_an_actor_is_no_evidence_against_a_large_town(gazetteer: Gazetteer) -> None:
    """ "Russian forces shelled near Donetsk": the demonym names who, not where; with no other
    place named, the Ukrainian city (ten times the Russian town) is meant."""
    text = "Russian forces shelled near Donetsk."
    mentions = [
        Mention(0, 7, "Russian", "NORP", demonym=True),
        Mention(28, 35, "Donetsk", "GPE"),
    ]
    resolved = resolve(mentions, text=text, gazetteer=gazetteer)
    donetsk = resolved[1].entry
    assert donetsk is not None
    assert (donetsk.name, donetsk.country_code) == ("Donetsk", "UA")


def test_rank_unknown_population_weighs_as_a_small_town(gazetteer: Gazetteer) -> None:
    # GeoNames gives Ra's al 'Ayn (Syria) population 0: unknown, not empty.
    syrian = [c for c in gazetteer.lookup("Ras al-Ayn") if c.entry.country_code == "SY"]
    assert syrian and syrian[0].entry.population == 0 and syrian[0].name_kind == NAME_MAIN
    assert prior_population(syrian[0]) == UNKNOWN_TOWN_POPULATION
    hamlet = Entry(-1, "Hamlet", "city", "SY", "Syria", None, None, 35.0, 38.0, 600)
    assert prior_population(Candidate(hamlet, MATCH_FOLD, NAME_MAIN)) == 600
    # Read by another of its names, a town of unknown size stays weak ("Guizhou" for Ronggui).
    unknown = Entry(-2, "Ronggui", "city", "CN", "China", None, None, 22.8, 113.3, 0)
    assert prior_population(Candidate(unknown, MATCH_FOLD, NAME_ALTERNATE)) == 0


def test_rank_town_of_unknown_population_wins_with_country_evidence(
    gazetteer: Gazetteer,
) -> None:
    # Rosh Ha'Ayin (Israel, 72,881) and Madaya (Myanmar, 24,234) are namesakes abroad.
    ras, _ = picks("Turkish jets hit Ras al-Ayn, Syria.", ["Ras al-Ayn", "Syria"], gazetteer)
    madaya, _ = picks("Hunger in Madaya, Syria.", ["Madaya", "Syria"], gazetteer)
    assert (ras.country_code, madaya.country_code) == ("SY", "SY")
    (burma,) = picks("Clashes in Madaya near Mandalay.", ["Madaya", "Mandalay"], gazetteer)[:1]
    assert burma.country_code == "MM"


def test_rank_a_town_by_its_own_name_beats_a_town_of_that_other_name_abroad(
    gazetteer: Gazetteer,
) -> None:
    # "Inata" is the Burkinabe village's own name and another name of Inada (Japan, 53,502).
    (inata,) = picks("Gunmen raided the mine in Inata.", ["Inata"], gazetteer)
    assert (inata.name, inata.country_code) == ("Inata", "BF")


def test_rank_a_name_and_its_other_spelling_in_brackets_share_their_areas(
    gazetteer: Gazetteer,
) -> None:
    """ "Shajahanpur (Sahajanpur) upazila (Bogra, Rajshahi)": the areas after the second
    spelling hold the first too, so the town in India is not it."""
    text = "Bombs hit a house in Shajahanpur (Sahajanpur) upazila (Bogra, Rajshahi)."
    names = ["Shajahanpur", "Sahajanpur", "Bogra", "Rajshahi"]
    mentions: list[Mention] = []
    for name in names:
        start = text.index(name)
        mentions.append(Mention(start, start + len(name), name, "GPE"))
    resolved = resolve(mentions, text=text, gazetteer=gazetteer)
    assert resolved[0].entry is None
    assert resolved[2].entry is not None and resolved[2].entry.country_code == "BD"
