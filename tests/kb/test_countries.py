from __future__ import annotations

import pytest

from frontlines.errors import ConfigError
from frontlines.kb.countries import Countries


def test_countries_lookup_by_name_alias_code_and_demonym() -> None:
    countries = Countries.load()
    assert countries.get("Turkey").name == "Türkiye"  # type: ignore[union-attr]
    assert countries.get("turkiye").name == "Türkiye"  # type: ignore[union-attr]
    assert countries.get("SY").name == "Syria"  # type: ignore[union-attr]
    assert countries.get("U.S.").name == "United States"  # type: ignore[union-attr]
    assert countries.by_demonym("Russian").name == "Russia"  # type: ignore[union-attr]
    assert countries.by_demonym("Congolese").iso2 == "CD"  # type: ignore[union-attr]
    assert countries.get("Atlantis") is None


def test_countries_canonical_keeps_unknown_names() -> None:
    countries = Countries.load()
    assert countries.canonical("Russian Federation") == "Russia"
    assert countries.canonical("Atlantis") == "Atlantis"
    assert countries.canonical(None) is None


def test_countries_invalid_table_raises() -> None:
    with pytest.raises(ConfigError):
        Countries.from_data({"countries": [{"name": "Nowhere"}]})
