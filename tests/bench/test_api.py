from __future__ import annotations

from pathlib import Path

from frontlines.bench.api import api_figures, percentile, run_api
from frontlines.bench.api_store import build_synthetic


def test_api_percentile_is_the_nearest_rank() -> None:
    times = [5.0, 1.0, 3.0, 2.0, 4.0]
    assert percentile(times, 0.5) == 3.0
    assert percentile(times, 0.95) == 5.0
    assert percentile([7.0], 0.95) == 7.0


def test_api_figures_give_p50_p95_and_memory_never_gated() -> None:
    figures = api_figures(
        {"bbox": (12.34, 40.0)}, rss=512.26, build_s=None, dataset="d", command="c", size=10
    )
    assert [(f.name, f.value, f.unit) for f in figures] == [
        ("api: bbox p50 ms", 12.3, "ms"),
        ("api: bbox p95 ms", 40.0, "ms"),
        ("api: server peak RSS MB", 512.3, "MB"),
    ]
    assert not any(figure.gated for figure in figures)


def test_api_bench_times_every_path_against_a_real_server(tmp_path: Path) -> None:
    db = tmp_path / "small.duckdb"
    build_synthetic(db, total=200, template=100)
    result = run_api(sample="gate", command="frontlines bench --only api", db=db, requests=2)
    assert result.status == "ok", result.reason
    names = {figure.name for figure in result.figures}
    for path in ("default page", "bbox", "actor filter", "stats", "geojson 10k", "event detail"):
        assert {f"api: {path} p50 ms", f"api: {path} p95 ms"} <= names
    assert all(f.value is not None and f.value > 0 for f in result.figures if f.unit == "ms")
