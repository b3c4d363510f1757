# Two commands for a new user: `make run` builds the demo graph, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install clean benchmark score

run: $(STAMP)
	$(BIN)/kg build seeds --out out

test: $(STAMP)
	$(BIN)/python -m pytest -q

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The seeds against their gold facts (needs ../shared beside the project, as CI has).
score: run
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python ../shared/eval/score_seeds.py -v

benchmark: $(STAMP)
	$(BIN)/python benchmarks/timex.py
	$(BIN)/python benchmarks/entities.py
	$(BIN)/python benchmarks/events.py
	$(BIN)/python benchmarks/graph.py
	$(BIN)/python benchmarks/build.py

clean:
	rm -rf out $(VENV)
