"""The bodies of POST /api/ingest: a batch of articles already read, and one outcome each."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from frontlines.errors import InputError
from frontlines.ingest.ingester import InputResult
from frontlines.readers.common import Item, make_article

MAX_ITEMS = 256  # articles per request; the body's bytes are capped by the request guard

Outcome = Literal["stored", "duplicate", "replaced", "syndicated", "skipped", "failed"]


class IngestItemIn(BaseModel):
    """One article as ``frontlines ingest`` read it: its text, what the input said about it, and
    the input it came from (which names it in the outcome)."""

    model_config = ConfigDict(extra="forbid")

    origin: str = Field(min_length=1, max_length=4096, description="the file, URL or line read")
    text: str = Field(min_length=1)
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_source: str | None = Field(
        default=None, description="where the date came from: input, page, feed, text..."
    )
    language: str | None = Field(default=None, description="detected on the server when null")
    fictional: bool = False
    metadata: dict[str, Any] = Field(default_factory=dict, description="kept with the article")

    def to_item(self, *, max_chars: int) -> Item:
        """The item ingest would have read; a text the server refuses is a failed item."""
        try:
            article = make_article(
                self.text,
                origin=self.origin,
                published=self.published,
                title=self.title,
                outlet=self.outlet,
                url=self.url,
                language=self.language,
                fictional=self.fictional,
                published_source=self.published_source,
                max_chars=max_chars,
            )
        except InputError as error:
            return Item.failed(self.origin, error)
        return Item(origin=self.origin, article=article, metadata=self.metadata)


class IngestBatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    items: list[IngestItemIn] = Field(min_length=1, max_length=MAX_ITEMS)
    replace: bool = Field(default=False, description="re-analyse articles already stored")


class InputResultOut(BaseModel):
    """One article's outcome, as ``frontlines ingest`` prints it."""

    input: str
    outcome: Outcome
    article_id: str | None = None
    events: int = 0
    reason: str | None = None
    original_id: str | None = None
    similarity: float | None = None
    cause: str | None = None
    undated: bool = False

    @classmethod
    def of(cls, result: InputResult) -> InputResultOut:
        return cls(
            input=result.input,
            outcome=result.outcome,
            article_id=result.article_id,
            events=result.events,
            reason=result.reason,
            original_id=result.original_id,
            similarity=result.similarity,
            cause=result.cause,
            undated=result.undated,
        )


class IngestBatchOut(BaseModel):
    results: list[InputResultOut]
