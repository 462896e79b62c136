# Benchmarks and the accuracy gate (issue 3); included by the Makefile.
# See src/frontlines/bench/README.md for what is measured, the samples and the floors.
BENCH_DATA ?= ../shared/data
BENCH_OUT ?= bench-out
BENCH_FRONTLINES ?= .venv/bin/frontlines

.PHONY: bench bench-gate bench-floors

## Every benchmark on the full samples (<30 min on 2 cores): prints the table, writes bench-out/full.
bench:
	$(BENCH_FRONTLINES) bench --data $(BENCH_DATA) --out $(BENCH_OUT)/full --sample full

## The gate sample (<10 min): fails when a gated figure drops below its committed floor.
bench-gate:
	$(BENCH_FRONTLINES) bench --data $(BENCH_DATA) --out $(BENCH_OUT)/gate --sample gate --check

## Raise the committed floors from a fresh gate run; commit floors.json with the change that earned it.
bench-floors:
	$(BENCH_FRONTLINES) bench --data $(BENCH_DATA) --out $(BENCH_OUT)/gate --sample gate --update-floors
