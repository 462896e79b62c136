"""A small mixed input for batch tests: a wire story and its reprints as text files, JSON lines
with an independent story, a French article and a broken line, and a Parquet file of two records.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.wire_story import INDEPENDENT, REPRINTS, WIRE

FRENCH = (
    "Des obus ont frappé un marché de Kharkiv dimanche, faisant trois morts et onze blessés,"
    " a indiqué le gouverneur régional. Les équipes de secours ont travaillé toute la nuit."
)
MARKET = (
    "Shelling hit a crowded market in Kharkiv on Sunday, killing three people and wounding eleven,"
    " the regional governor said. Rescue teams worked through the night to clear the rubble."
)
CONVOY = (
    "Gunmen ambushed an army convoy near Douentza in central Mali on Tuesday, killing four"
    " soldiers, military sources said. The attackers fled on motorbikes toward the border."
)


def write_corpus(folder: Path, *, parquet: bool = True) -> list[str]:
    """The inputs, in the order to read them; the Parquet file only when pyarrow is there."""
    folder.mkdir(parents=True, exist_ok=True)
    wire = folder / "0-wire.txt"
    wire.write_text(f"---\noutlet: Wire Agency\npublished: 2024-11-04\n---\n{WIRE}", "utf-8")
    sources = [str(wire)]
    for number, (outlet, text) in enumerate(
        zip(("Daily Post", "Evening Star"), REPRINTS, strict=False)
    ):
        path = folder / f"{number + 1}-copy.txt"
        path.write_text(f"---\noutlet: {outlet}\npublished: 2024-11-05\n---\n{text}", "utf-8")
        sources.append(str(path))
    records = [
        {"text": INDEPENDENT, "outlet": "Capital Times", "published": "2024-11-08"},
        {"text": FRENCH, "outlet": "Le Quotidien", "published": "20241103"},
        {"text": 42},
    ]
    lines = folder / "more.jsonl"
    lines.write_text("\n".join(json.dumps(record) for record in records) + "\n", "utf-8")
    sources.append(str(lines))
    if parquet:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.table({
            "text": [MARKET, CONVOY],
            "outlet": ["Kharkiv Daily", None],
            "published": pa.array([None, "2024-11-12"], pa.string()),
            "url": ["https://k.example/market", None],
        })  # fmt: skip
        path = folder / "records.parquet"
        pq.write_table(table, str(path))
        sources.append(str(path))
    return sources
