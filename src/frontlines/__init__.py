"""frontlines: structured, sourced, geolocated conflict events from news text.

>>> import frontlines
>>> analysis = frontlines.analyze("Rebels shelled Idlib on Monday.", published="2024-11-04")
>>> analysis.to_dict()["events"]
"""

from __future__ import annotations

from frontlines.errors import FrontlinesError
from frontlines.exports.results import EventResults, query_events
from frontlines.model import (
    Actor,
    Analysis,
    Article,
    Claim,
    Event,
    Location,
    Mention,
    Place,
    Relation,
)
from frontlines.python_api import analyze, geoparse, load_pipeline, open_store
from frontlines.settings import Settings
from frontlines.version import __version__

__all__ = [
    "Actor",
    "Analysis",
    "Article",
    "Claim",
    "Event",
    "EventResults",
    "FrontlinesError",
    "Location",
    "Mention",
    "Place",
    "Relation",
    "Settings",
    "__version__",
    "analyze",
    "geoparse",
    "load_pipeline",
    "open_store",
    "query_events",
]
