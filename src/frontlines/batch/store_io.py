"""A store and a batch's Parquet tables, both ways: ``store load DIR`` and ``store export DIR``.

Loading saves each article's analysis as ``ingest`` would (its metadata and syndication link
included), so the store fuses the reports itself, into the same events as the batch's ``events``
table. Exporting writes a store's articles, reports, fused events, actors, claims and relations
in the layout ``frontlines batch`` writes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontlines.batch.parquet import TableWriter, iter_rows
from frontlines.batch.rows import (
    Stored,
    actor_rows,
    article_row,
    claim_rows,
    relation_rows,
    report_row,
    reports_of,
    stored_event_row,
)
from frontlines.errors import FrontlinesError
from frontlines.model import Analysis
from frontlines.store.base import EventQuery, Store

PAGE = 1000


@dataclass
class LoadReport:
    outcomes: dict[str, int] = field(default_factory=dict)  # stored, duplicate, replaced, failed
    events: int = 0
    links: int = 0
    failures: list[str] = field(default_factory=list)  # one line per article the store refused

    def summary(self) -> str:
        parts = ", ".join(f"{count} {outcome}" for outcome, count in sorted(self.outcomes.items()))
        return f"articles: {parts or 'none'}; {self.events} events; {self.links} syndication links"

    def count(self, outcome: str) -> None:
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1


def load_batch(
    out: Path,
    *,
    store: Store,
    replace: bool = False,
    on_article: Callable[[str], None] | None = None,
) -> LoadReport:
    """Save every article of a batch's ``articles`` table into ``store``, then its links."""
    report = LoadReport()
    links: list[tuple[str, str, float]] = []
    for row in iter_rows(out, "articles"):
        analysis = Analysis.from_dict(json.loads(row["analysis"]), text=row["text"])
        metadata: dict[str, Any] = json.loads(row["metadata"])
        try:
            saved = store.save(analysis, replace=replace, metadata=metadata)
        except FrontlinesError as error:  # refused alone, as ingest would refuse it
            report.count("failed")
            report.failures.append(" ".join(f"{row['origin']}: {error}".split()))
            continue
        report.count(saved.outcome)
        report.events += saved.events
        if row["original_id"] is not None:
            links.append((row["id"], row["original_id"], float(row["similarity"] or 0.0)))
        if on_article is not None:
            on_article(row["id"])
    for copy_id, original_id, similarity in links:
        store.link_syndicated(copy_id, original_id, similarity)
        report.links += 1
    return report


def export_store(store: Store, *, out: Path) -> dict[str, int]:
    """Write the store's tables into ``out`` (new or empty); rows per table."""
    writer = TableWriter.create(out)
    links = {link.copy_id: link for link in store.syndication_links()}
    fused_ids = {
        (stored.article_id, stored.event.id): stored.fused_id
        for stored in store.iter_events(EventQuery(level="reports"), page=PAGE)
    }
    offset = 0
    while articles := store.articles(limit=PAGE, offset=offset):
        offset += len(articles)
        for article in articles:
            analysis = store.get_analysis(article.id)
            metadata = store.article_metadata(article.id)
            link = links.get(article.id)
            stored = Stored(
                analysis=analysis,
                metadata=metadata,
                origin=str(metadata.get("origin", "")),
                original_id=link.original_id if link else None,
                similarity=link.similarity if link else None,
            )
            writer.add("articles", [article_row(stored, ingested_at=None)])
            writer.add("actors", actor_rows(analysis))
            writer.add("claims", claim_rows(analysis))
            writer.add("relations", relation_rows(analysis))
            writer.add(
                "reports",
                (
                    report_row(r, fused_id=fused_ids.get((r.article_id, r.event.id)))
                    for r in reports_of(stored, ingested_at=None)
                ),
            )
    writer.add("events", (stored_event_row(stored) for stored in store.iter_events(page=PAGE)))
    return writer.close()
