"""Candidate pairs: reports close enough in date and place to be worth scoring.

Each report is indexed by day under "area" keys (a grid cell of about 55 km when it has
coordinates, its admin1, its country, or "anywhere"), and probes the keys its compatible partners
would sit under, over the days its date window allows. Every pair that passes the gates in
``score.compatible`` is among the candidates; most other pairs are not.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

from frontlines.fusion.report import Features

CELL_DEGREES = 0.5  # about 55 km of latitude: a 50 km radius spans at most the next cell
AreaKey = tuple[str, ...]


def _cell(features: Features) -> tuple[int, int]:
    return (
        math.floor((features.latitude or 0.0) / CELL_DEGREES),
        math.floor((features.longitude or 0.0) / CELL_DEGREES),
    )


def index_keys(features: Features) -> list[AreaKey]:
    """The keys a report is found under."""
    country = features.country
    keys: list[AreaKey] = [("anywhere",), ("country", country)]
    if features.located:
        lat, lon = _cell(features)
        keys.append(("cell", str(lat), str(lon)))
    else:
        keys.extend([("no place", country), ("no place, any",)])
    if features.admin1:
        keys.append(("admin1", features.admin1))
    else:
        keys.extend([("no admin1", country), ("no admin1, any",)])
    if not features.located and not features.admin1:
        keys.extend([("vague", country), ("vague, any",)])
    return keys


def probe_keys(features: Features) -> list[AreaKey]:
    """The keys under which every report this one could be compatible with is found.

    Places are compatible when the points are close (neighbouring cells), when both name one
    admin1, or, when one lacks a point and one lacks an admin1, when their countries agree (or
    one is unknown): see ``score.place_affinity``.
    """
    keys: list[AreaKey] = []
    if features.located:
        lat, lon = _cell(features)
        # cells narrow towards the poles: reach further east and west there
        reach = 1 + int(1 / max(math.cos(math.radians(features.latitude or 0.0)), 0.1))
        keys.extend(
            ("cell", str(lat + dlat), str(lon + dlon))
            for dlat in (-1, 0, 1)
            for dlon in range(-reach, reach + 1)
        )
    if features.admin1:
        keys.append(("admin1", features.admin1))
    # partners under the country rule lack what this report has (a point, an admin1)
    kind = {
        (False, False): "country",
        (True, False): "no place",
        (False, True): "no admin1",
        (True, True): "vague",
    }[features.located, bool(features.admin1)]
    country = features.country
    if not country:
        keys.append(("anywhere",) if kind == "country" else (f"{kind}, any",))
    else:
        keys.extend([(kind, country), (kind, "")])
    return keys


class _Index:
    def __init__(self, items: Iterable[tuple[int, Features]]) -> None:
        self.by_key: defaultdict[tuple[int, AreaKey], list[int]] = defaultdict(list)
        for number, features in items:
            if features.day is None:
                continue
            for key in index_keys(features):
                self.by_key[features.day, key].append(number)

    def probe(self, features: Features) -> set[int]:
        """Reports under this one's probe keys, within its own date window."""
        if features.day is None:
            return set()
        found: set[int] = set()
        keys = probe_keys(features)
        for day in range(features.day - features.window, features.day + features.window + 1):
            for key in keys:
                found.update(self.by_key.get((day, key), ()))
        return found


def candidate_pairs(
    features: Sequence[Features], *, focus: Iterable[int] | None = None
) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, of positions in ``features`` worth scoring.

    A pair is a candidate when either report's probe finds the other: the same rule whether
    every pair is wanted or, with ``focus``, only those with a member in it (the reports just
    stored), so fusing a block again gives what fusing everything gives.
    """
    everything = _Index(enumerate(features))
    if focus is None:
        probes = [(number, everything) for number in range(len(features))]
    else:
        chosen = sorted(set(focus))
        focused = _Index((number, features[number]) for number in chosen)
        probes = [(number, everything) for number in chosen]
        probes.extend((number, focused) for number in range(len(features)))
    pairs: set[tuple[int, int]] = set()
    for number, index in probes:
        for other in index.probe(features[number]):
            if other != number:
                pairs.add((min(number, other), max(number, other)))
    return pairs
