"""An event with every report behind it, and an article with its highlighted mentions."""

from __future__ import annotations

from collections.abc import Iterable

from frontlines.api.convert import article_ref_of, event_out, relation_out
from frontlines.api.highlight import article_highlights, evidence_sentences
from frontlines.api.payloads import (
    ArticleOut,
    ClaimOut,
    ContestedValueOut,
    EventBriefOut,
    EventDetailOut,
    MentionOut,
    RelationOut,
    ReportOut,
    SentenceOut,
)
from frontlines.model import Analysis, Claim, Event
from frontlines.store.base import Store, StoredEvent, StoredRelation

# The fields compared across reports; a field whose reports disagree is ``contested``.
COMPARED = ("event_date", "fatalities", "certainty", "sub_event_type")


def event_detail(store: Store, stored: StoredEvent) -> EventDetailOut:
    """The event and its reports: every report of a fused event, or a report alone."""
    reports = [report(store.get_analysis(stored.article_id), stored.event)]
    if stored.reports:
        analyses: dict[str, Analysis] = {}
        reports = []
        for ref in stored.reports:
            if ref.article_id not in analyses:
                analyses[ref.article_id] = store.get_analysis(ref.article_id)
            analysis = analyses[ref.article_id]
            for event in (e for e in analysis.events if e.id == ref.event_id):
                reports.append(report(analysis, event).model_copy(update={"origin": ref.origin}))
    disagreements = contested(reports)
    if stored.contested:
        disagreements = {
            name: [ContestedValueOut.model_validate(value.to_dict()) for value in values]
            for name, values in stored.contested.items()
        }
    return EventDetailOut.model_validate(
        {
            **event_out(stored).model_dump(),
            "reports": reports,
            "contested": disagreements,
        }
    )


def report(analysis: Analysis, event: Event) -> ReportOut:
    sentences = evidence_sentences(analysis, event.evidence)
    return ReportOut(
        article=article_ref_of(analysis.article),
        event_id=event.id,
        event_date=event.event_date,
        date_precision=event.date_precision,
        sub_event_type=event.sub_event_type,
        location=event.location.name if event.location else None,
        fatalities=event.fatalities,
        certainty=event.certainty,
        sources=list(event.sources),
        evidence=[MentionOut.model_validate(m.to_dict()) for m in event.evidence],
        sentences=sentences,
        claims=[_claim(c) for c in claims_in(analysis.claims, sentences)],
    )


def claims_in(claims: Iterable[Claim], sentences: Iterable[SentenceOut]) -> list[Claim]:
    """The claims that overlap any of the sentences."""
    bounds = [(s.start, s.end) for s in sentences]
    return [c for c in claims if any(c.start < end and c.end > start for start, end in bounds)]


def contested(reports: list[ReportOut]) -> dict[str, list[ContestedValueOut]]:
    """For each compared field the reports disagree on, each value and the sources giving it."""
    found: dict[str, list[ContestedValueOut]] = {}
    for field in COMPARED:
        values: dict[str, tuple[object, list[str]]] = {}
        for one in reports:
            value = getattr(one, field, None)
            if value is None:
                continue
            who = one.sources or [one.article.outlet or one.article.id]
            values.setdefault(repr(value), (value, []))[1].extend(who)
        if len(values) > 1:
            found[field] = [
                ContestedValueOut(value=value, sources=sorted(set(sources)))
                for value, sources in values.values()
            ]
    return found


def article_out(store: Store, article_id: str) -> ArticleOut:
    analysis = store.get_analysis(article_id)
    article = analysis.article
    return ArticleOut(
        **article_ref_of(article).model_dump(),
        language=article.language,
        text=article.text,
        mentions=article_highlights(analysis),
        events=[
            EventBriefOut(
                id=e.id,
                event_date=e.event_date,
                event_type=e.event_type,
                sub_event_type=e.sub_event_type,
            )
            for e in analysis.events
        ],
    )


def _claim(claim: Claim) -> ClaimOut:
    return ClaimOut.model_validate(claim.to_dict())


def relations_in_context(store: Store, found: Iterable[StoredRelation]) -> list[RelationOut]:
    """Relations with the sentence around each one's evidence (one read per article)."""
    analyses: dict[str, Analysis] = {}
    out = []
    for stored in found:
        if stored.article_id not in analyses:
            analyses[stored.article_id] = store.get_analysis(stored.article_id)
        analysis = analyses[stored.article_id]
        sentence = evidence_sentences(analysis, [stored.relation.evidence])[0]
        out.append(relation_out(stored).model_copy(update={"sentence": sentence}))
    return out
