"""An analysis, its reports and the fused events, as rows of the batch's Parquet tables.

Rows are plain dicts keyed by the column names of ``batch.arrow.schemas()``; nested values are
the contract's own JSON shapes (``to_dict``), dates as ``date`` objects for Arrow's date32.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from frontlines.batch.arrow import GEOMETRY_COLUMN, PARTITION_COLUMN, UNDATED, point_wkb
from frontlines.fusion import FusedEvent, Origin, Report, ReportRef
from frontlines.fusion.types import Contested, contested_to_dict
from frontlines.model import Analysis, Event
from frontlines.store.base import EventLevel, StoredEvent

Row = dict[str, Any]


def partition(day: date | None) -> str:
    return day.isoformat() if day else UNDATED


@dataclass(frozen=True, slots=True)
class Stored:
    """One analysed article with what ingest stores beside it."""

    analysis: Analysis
    metadata: Mapping[str, Any]
    origin: str
    original_id: str | None = None  # the article this one reprints
    similarity: float | None = None


def article_row(item: Stored, *, ingested_at: datetime | None) -> Row:
    analysis, article = item.analysis, item.analysis.article
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "language": article.language,
        "fictional": article.fictional,
        "published_source": article.published_source,
        "text": article.text,
        "origin": item.origin,
        "metadata": json.dumps(dict(item.metadata), ensure_ascii=False, sort_keys=True),
        "original_id": item.original_id,
        "similarity": item.similarity,
        "ingested_at": ingested_at,
        "frontlines_version": analysis.frontlines_version,
        "pipeline_version": analysis.pipeline_version,
        "warnings": list(analysis.warnings),
        "event_count": len(analysis.events),
        "analysis": json.dumps(analysis.to_dict(), ensure_ascii=False),
        PARTITION_COLUMN: partition(article.published),
    }


def repeated_event_ids(analysis: Analysis) -> list[str]:
    """Event ids that more than one of the analysis' events carry (a store keys events by id)."""
    counts = Counter(event.id for event in analysis.events)
    return [event_id for event_id, count in counts.items() if count > 1]


def actor_rows(analysis: Analysis) -> list[Row]:
    day = partition(analysis.article.published)
    return [
        {"article_id": analysis.article.id, **actor.to_dict(), PARTITION_COLUMN: day}
        for actor in analysis.actors
    ]


def claim_rows(analysis: Analysis) -> list[Row]:
    day = partition(analysis.article.published)
    return [
        {"article_id": analysis.article.id, "seq": seq, **claim.to_dict(), PARTITION_COLUMN: day}
        for seq, claim in enumerate(analysis.claims)
    ]


def relation_rows(analysis: Analysis) -> list[Row]:
    day = partition(analysis.article.published)
    return [
        {
            "article_id": analysis.article.id,
            "seq": seq,
            **relation.to_dict(),
            PARTITION_COLUMN: day,
        }
        for seq, relation in enumerate(analysis.relations)
    ]


def reports_of(item: Stored, *, ingested_at: datetime | None) -> list[Report]:
    """The article's events as fusion reads them (the store's reports)."""
    analysis, article = item.analysis, item.analysis.article
    return [
        Report(
            event=event,
            article_id=article.id,
            seq=seq,
            outlet=article.outlet,
            title=article.title,
            url=article.url,
            published=article.published,
            fictional=article.fictional,
            pipeline_version=analysis.pipeline_version,
            ingested_at=ingested_at,
            original_id=item.original_id,
        )
        for seq, event in enumerate(analysis.events)
    ]


def event_fields(event: Event) -> Row:
    """The contract's event fields, dates as dates, and the location as a GeoParquet point."""
    loc = event.location
    return {
        **event.to_dict(),
        "event_date": event.event_date,
        GEOMETRY_COLUMN: point_wkb(loc.longitude, loc.latitude) if loc else None,
        PARTITION_COLUMN: partition(event.event_date),
    }


def report_row(report: Report, *, fused_id: str | None) -> Row:
    return {
        **event_fields(report.event),
        "seq": report.seq,
        "article_id": report.article_id,
        "outlet": report.outlet,
        "title": report.title,
        "url": report.url,
        "published": report.published,
        "fictional": report.fictional,
        "pipeline_version": report.pipeline_version,
        "fused_id": fused_id,
    }


def fused_row(
    event: Event,
    *,
    lead: Report,
    reports: tuple[ReportRef, ...],
    origins: tuple[Origin, ...],
    contested: Contested,
) -> Row:
    """A fused event: its roll-up, its lead report's article, its reports and origins."""
    refs = [{**ref.to_dict(), "published": ref.published, "event_date": ref.event_date}
            for ref in reports]  # fmt: skip
    return {
        **event_fields(event),
        "article_id": lead.article_id,
        "outlet": lead.outlet,
        "title": lead.title,
        "url": lead.url,
        "published": lead.published,
        "fictional": lead.fictional,
        "pipeline_version": lead.pipeline_version,
        "report_count": len(refs),
        "article_count": len({ref["article_id"] for ref in refs}),
        "independent_source_count": len(origins),
        "origins": [origin.to_dict() for origin in origins],
        "reports": refs,
        "contested": json.dumps(contested_to_dict(contested), ensure_ascii=False),
    }


def fused_event_row(fused: FusedEvent) -> Row:
    return fused_row(
        fused.event,
        lead=fused.lead,
        reports=fused.reports,
        origins=fused.origins,
        contested=fused.contested,
    )


def lead_report(stored: StoredEvent) -> Report:
    """A stored event as a report of its (lead) article."""
    return Report(
        event=stored.event,
        article_id=stored.article_id,
        outlet=stored.outlet,
        title=stored.title,
        url=stored.url,
        published=stored.published,
        fictional=stored.fictional,
        pipeline_version=stored.pipeline_version,
    )


def stored_event_row(stored: StoredEvent, *, level: EventLevel = "fused") -> Row:
    """A stored event as a row of the events table (fused) or the reports table (reports)."""
    if level == "reports":
        return report_row(lead_report(stored), fused_id=stored.fused_id)
    return fused_row(
        stored.event,
        lead=lead_report(stored),
        reports=stored.reports,
        origins=stored.origins,
        contested=stored.contested,
    )
