# Everything a new machine needs: `make run` opens the app on the sample briefing,
# `make test` runs the test suite. Both build their own .venv first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench-summaries bench-figures lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/briefing

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/lint-imports

bench-summaries: $(STAMP)
	$(BIN)/python bench/summaries.py ../shared/data/bbc-dev

bench-figures: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[peers]'
	$(BIN)/python bench/figures.py --timing ../shared/data/bbc-dev/articles --markdown bench/results/figures.md

clean:
	rm -rf $(VENV) dist build .pytest_cache
