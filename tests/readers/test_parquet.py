from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontlines.readers.common import ReadLimits
from frontlines.readers.named_inputs import read_source

pa = pytest.importorskip("pyarrow", reason="pyarrow comes with the scale extra")
pq = pytest.importorskip("pyarrow.parquet")


def test_parquet_rows_are_read_like_json_lines_records(tmp_path: Path) -> None:
    path = tmp_path / "records.parquet"
    table = pa.table({
        "text": ["Shelling hit Kharkiv on Sunday.", None, "Rebels took Saraqib."],
        "SourceCommonName": ["Kharkiv Daily", "Nobody", None],
        "published": pa.array([date(2024, 11, 3), None, None], pa.date32()),
        "SQLDATE": [None, None, 20241105],
        "tag": ["a", "b", "c"],
    })  # fmt: skip
    pq.write_table(table, str(path))
    items = list(read_source(str(path), limits=ReadLimits()))
    assert [item.origin for item in items] == [f"{path}:{n}" for n in (1, 2, 3)]
    first, second, third = items
    assert first.article is not None and third.article is not None
    assert (first.article.outlet, first.article.published) == ("Kharkiv Daily", date(2024, 11, 3))
    assert first.metadata["record"] == {"tag": "a"}
    assert second.skip is not None and "no article text" in second.skip
    assert third.article.published == date(2024, 11, 5)


def test_parquet_a_file_that_is_not_parquet_fails_as_one_item(tmp_path: Path) -> None:
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1 this is not really parquet")
    [item] = list(read_source(str(path), limits=ReadLimits()))
    assert item.error is not None
    assert item.error.startswith(f"{path}: not a readable Parquet file")
