# Threadline. The two commands a newcomer needs: `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/threadline
DEMO_DB ?= var/demo.sqlite3
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: demo test install install-test lint typecheck test-sqlite test-postgres bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[semantic]'

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test,semantic]'

## Build a fresh demo database (SQLite, WAL) with a synthetic borough and the five reviews, and serve it.
demo: install
	mkdir -p var
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	THREADLINE_DATABASE_URL=sqlite:///$(DEMO_DB) $(BIN)/threadline migrate --verbosity 0
	THREADLINE_DATABASE_URL=sqlite:///$(DEMO_DB) $(BIN)/threadline demo
	THREADLINE_DATABASE_URL=sqlite:///$(DEMO_DB) $(BIN)/threadline runserver 127.0.0.1:8000 --noreload

## Lint, type checks and the whole suite on SQLite and on PostgreSQL, browser journeys included.
test: install-test lint typecheck test-sqlite test-postgres

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck:
	$(BIN)/mypy threadline

test-sqlite:
	@test -x /usr/bin/chromium || { echo "Browser journeys need Debian's chromium: apt-get install chromium"; exit 1; }
	THREADLINE_DATABASE_URL=sqlite:///var/test.sqlite3 $(BIN)/pytest -n 2 --dist loadfile

test-postgres:
	@test -x /usr/bin/chromium || { echo "Browser journeys need Debian's chromium: apt-get install chromium"; exit 1; }
	THREADLINE_DATABASE_URL=$(PG_URL) $(BIN)/pytest -n 2 --dist loadfile

## Every benchmark, on SQLite and PostgreSQL; figures printed and ratios against targets.
bench: install
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/threadline bench

clean:
	rm -rf $(VENV) var
