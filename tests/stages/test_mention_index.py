"""The mention index answers what a pass over every mention would, in logarithmic time."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.model import Actor, Mention
from frontlines.stages.actors import MentionIndex, mention_index

TEXT = "x" * 200
SPANS = st.tuples(st.integers(0, 190), st.integers(1, 12)).map(lambda p: (p[0], p[0] + p[1]))
ACTORS = st.lists(
    st.tuples(
        st.sampled_from(["person", "state forces", "rebel group"]),
        st.lists(SPANS, min_size=1, max_size=6),
    ),
    max_size=6,
)


def actors_of(drawn: list[tuple[str, list[tuple[int, int]]]]) -> list[Actor]:
    return [
        Actor(
            id=f"a{number}",
            name=f"Actor {number}",
            kind=kind,
            mentions=tuple(Mention(text=TEXT[s:e], start=s, end=e) for s, e in spans),
        )
        for number, (kind, spans) in enumerate(drawn)
    ]


@settings(max_examples=200, deadline=None)
@given(ACTORS, SPANS, st.integers(0, 200))
def test_mention_index_agrees_with_a_pass_over_every_mention(
    drawn: list[tuple[str, list[tuple[int, int]]]], span: tuple[int, int], offset: int
) -> None:
    actors = actors_of(drawn)
    pairs = mention_index(actors)
    index = MentionIndex(actors)
    start, end = span
    assert index.overlapping(start, end) == [
        (m, a) for m, a in pairs if m.start < end and start < m.end
    ]
    covering = [(m, a) for m, a in pairs if m.start <= offset < m.end]
    assert index.covering(offset) == (covering[0] if covering else None)
    persons = [(m, a) for m, a in pairs if m.end <= offset and a.kind == "person"]
    assert index.last_person_before(offset) == (persons[-1] if persons else None)
