# selon: the two commands of the README.
#   make run   - set up .venv and analyse the bundled example article
#   make test  - set up .venv with the test tools, lint, type-check and run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint typecheck clean setup setup-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

setup: $(VENV)/.installed
setup-test: $(VENV)/.installed-test

run: setup
	$(BIN)/selon analyze examples/*.txt --format pretty
	@echo ""
	@echo "Next: keep articles in a store and compare sources:  $(BIN)/selon ingest examples/ && $(BIN)/selon compare"
	@echo "The web reader:  $(BIN)/selon serve   then open http://127.0.0.1:8000/  (see docs/web.md)"

lint: setup-test
	$(BIN)/ruff check src tests benchmarks

typecheck: setup-test
	$(BIN)/mypy

test: setup-test lint typecheck
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
