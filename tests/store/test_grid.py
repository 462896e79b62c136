from __future__ import annotations

from frontlines.store.grid import (
    CELLS_PER_DEGREE,
    cell_of,
    cluster_cells,
    interior_cells,
    square_bbox,
)


def test_grid_cells_count_from_the_south_west_corner() -> None:
    assert cell_of(-180.0, -90.0) == (0, 0)
    assert cell_of(0.0, 0.0) == (180 * CELLS_PER_DEGREE, 90 * CELLS_PER_DEGREE)
    assert cell_of(-0.001, -0.001) == (180 * CELLS_PER_DEGREE - 1, 90 * CELLS_PER_DEGREE - 1)


def test_grid_clusters_halve_with_each_zoom_down_to_one_cell() -> None:
    assert [cluster_cells(zoom) for zoom in (0, 11, 12, 20)] == [4096, 2, 1, 1]
    assert square_bbox(0, 0, cells=CELLS_PER_DEGREE) == (-180.0, -90.0, -179.0, -89.0)


def test_grid_interior_cells_lie_a_whole_cell_inside_the_box() -> None:
    box = (36.0, 35.0, 37.0, 36.0)
    x0, y0, x1, y1 = interior_cells(box) or (0, 0, -1, -1)
    assert (x0, y0) == (cell_of(36.0, 35.0)[0] + 1, cell_of(36.0, 35.0)[1] + 1)
    west, south, _, _ = square_bbox(x0, y0, cells=1)
    _, _, east, north = square_bbox(x1, y1, cells=1)
    assert box[0] <= west and box[1] <= south and east <= box[2] and north <= box[3]
    assert interior_cells((36.0, 35.0, 36.01, 35.01)) is None
