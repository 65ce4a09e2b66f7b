# Two commands do all set-up: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench lint clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/sztext batch samples --out out --jobs 2

test: $(STAMP)
	$(PY) -m mypy sztext
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) bench/speed.py

clean:
	rm -rf $(VENV) out build dist *.egg-info
