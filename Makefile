# Two commands set everything up on a fresh machine:
#   make demo   installs mapper into .venv and runs the main job on the bundled samples
#   make test   installs mapper with its test tools into .venv and runs lint and tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/mapper demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/geocode_cold.py
	$(BIN)/python bench/extract_throughput.py

clean:
	rm -rf $(VENV) build dist *.egg-info
