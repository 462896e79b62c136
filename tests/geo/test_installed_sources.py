from __future__ import annotations

import pytest

from frontlines.geo.installed_sources import display_name, point_of, strip_designator, usable_name


def test_sources_strip_designator_front_and_back() -> None:
    assert strip_designator("Aleppo Governorate") == "Aleppo"
    assert strip_designator("State of Georgia") == "Georgia"
    assert strip_designator("Autonomous Republic of Crimea") == "Crimea"
    assert strip_designator("Province") == "Province"


def test_sources_display_name_prefers_an_english_alias() -> None:
    assert display_name("Ḩalab", ("Aleppo", "Aleppo Governorate", "حلب")) == "Aleppo"
    assert display_name("Zhytomyrska oblast", ("Zhitomirskaya Oblast’", "Zhytomyr")) == "Zhytomyr"
    assert display_name("Georgia", ("Estado de Georgia", "Keokia")) == "Georgia"
    assert display_name("Ḩamāh", ("حماة",)) == "Hamah"


def test_sources_usable_name_keeps_latin_and_arabic_only() -> None:
    assert usable_name("Saraqib") and usable_name("سراقب") and usable_name("Sarāqib")
    assert not usable_name("sraqb")  # a machine transliteration in lower case
    assert not usable_name("Сараки")
    assert not usable_name("M5")


def test_sources_point_of_few_places_is_their_mean() -> None:
    assert point_of([1.0, 3.0], [10.0, 20.0]) == (2.0, 15.0)


def test_sources_point_of_many_places_ignores_outliers() -> None:
    lats = [10.0] * 20 + [50.0]
    lons = [20.0] * 20 + [-80.0]
    assert point_of(lats, lons) == pytest.approx((10.0, 20.0))
