"""Saving several articles in one call: the same rows and fused events as saving them one by one."""

from __future__ import annotations

from dataclasses import replace

from frontlines.store.base import Store
from tests.store.test_fusion_contract import (
    kharkiv_analyses,
    other_store,
    saraqib_analysis,
    snapshot,
)

__all__ = ["other_store"]  # the fixture, shared with the fusion contract


def test_save_many_stores_and_fuses_as_saving_one_by_one(store: Store, other_store: Store) -> None:
    analyses = [*kharkiv_analyses(), saraqib_analysis()]
    for analysis in analyses:
        store.save(analysis, metadata={"origin": analysis.article.id})
    results = other_store.save_many([(a, {"origin": a.article.id}) for a in analyses])
    assert [(r.article_id, r.outcome, r.events) for r in results] == [
        (a.article.id, "stored", len(a.events)) for a in analyses
    ]
    assert snapshot(other_store) == snapshot(store)
    assert other_store.counts() == store.counts()
    first = analyses[0].article.id
    assert other_store.article_metadata(first) == {"origin": first}
    again = other_store.save_many([(a, None) for a in analyses])
    assert {r.outcome for r in again} == {"duplicate"}
    assert snapshot(other_store) == snapshot(store)


def test_save_many_replacing_articles_refuses_their_blocks(
    store: Store, other_store: Store
) -> None:
    analyses = kharkiv_analyses()
    for analysis in analyses:
        store.save(analysis)
    other_store.save_many([(a, None) for a in analyses[:2]])
    lone = replace(analyses[0], events=())  # re-analysed: its report is gone
    store.save(lone, replace=True)
    store.save(saraqib_analysis())
    results = other_store.save_many(
        [(lone, None), (analyses[2], None), (saraqib_analysis(), None)], replace=True
    )
    assert [r.outcome for r in results] == ["replaced", "stored", "stored"]
    assert snapshot(other_store) == snapshot(store)
    assert other_store.counts() == store.counts()
