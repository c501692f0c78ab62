# The index of the project's commands. The logic lives in scripts/; CI runs the same targets.
#   make install    build .venv/ (uv.lock) and node_modules/ (package-lock.json); idempotent
#   make generate   regenerate generated/ from openapi/ with the pinned generators (writes)
#   make check      lint the spec, prove generated/ is current, ruff, mypy (never writes)
#   make lint-spec  Spectral, Redocly and openapi-spec-validator on the spec
#   make format     format and autofix hand-written code (writes)
#   make test       make check, then the test suite (coverage of which50 must stay >= 95%)
#   make demo       run examples/quickstart.py against a sandbox it starts and stops
#   make bench      client benchmarks against the sandbox; writes benchmarks/results.json
.DEFAULT_GOAL := help
SHELL := /bin/bash
VENV := .venv/bin

.PHONY: help install generate check lint-spec format test demo bench clean

help:
	@sed -n 's/^#   //p' Makefile

install:
	@bash scripts/install.sh

generate: install
	@$(VENV)/python scripts/generate.py

check: install
	@bash scripts/check.sh

lint-spec: install
	@bash scripts/lint-spec.sh

format: install
	@$(VENV)/ruff check --fix --quiet .
	@$(VENV)/ruff format --quiet .

test: check
	@$(VENV)/pytest --cov --cov-report=term-missing:skip-covered --cov-fail-under=95

demo: install
	@$(VENV)/python scripts/demo.py

bench: install
	@$(VENV)/python benchmarks/bench_client.py

clean:
	rm -rf .venv .tools node_modules dist .mypy_cache .ruff_cache .pytest_cache
