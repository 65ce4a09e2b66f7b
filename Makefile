# Two commands do all set-up on a fresh machine with Python 3.11: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test bench bench-hostile quality clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

## make run: install, parse samples/ into out/, print a summary table
run: $(STAMP)
	$(VENV)/bin/sztext batch samples --out out --no-progress || test $$? -eq 1

## make test: install with test extras, type-check, run the whole suite
test: $(STAMP)
	$(PY) -m mypy sztext
	$(PY) -m pytest

## make bench: speed and memory benchmarks (prints ratios, writes docs/performance.md)
bench: $(STAMP)
	$(PY) bench/speed.py
	$(PY) bench/hostile.py

## make bench-hostile: CPU time and peak memory per character on hostile inputs, against seed 004
bench-hostile: $(STAMP)
	$(PY) bench/hostile.py

## make quality: field accuracy against the reviewed goldens, checked against the pinned floors
quality: $(STAMP)
	$(PY) bench/quality.py --check

clean:
	rm -rf $(VENV) out build dist *.egg-info .mypy_cache
