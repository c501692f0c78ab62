# The index of the project's commands. The logic lives in scripts/; CI runs the same targets.
#   make install    build .venv/ (uv.lock) and node_modules/ (package-lock.json); idempotent
#   make generate   regenerate generated/ from openapi/ with the pinned generators (writes)
#   make check      lint the spec, prove generated/ is current, ruff, mypy (never writes)
#   make lint-spec  Spectral, Redocly and openapi-spec-validator on the spec
#   make format     format and autofix hand-written code (writes)
#   make test       make check, then the test suite (schemathesis's fast profile included)
#   make sandbox    run the local sandbox on a free port (prints WHICH50_BASE_URL=... WHICH50_TOKEN=...)
#   make fuzz       schemathesis's deep profile against a fresh sandbox
#   make bench-sandbox  sandbox throughput: GETs/s, contacts/s through imports, peak RSS
.DEFAULT_GOAL := help
SHELL := /bin/bash
VENV := .venv/bin

.PHONY: help install generate check lint-spec format test sandbox fuzz bench-sandbox clean

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
	@$(VENV)/pytest

sandbox: install
	@$(VENV)/python -m which50_sandbox --port 0 $(ARGS)

fuzz: install
	@$(VENV)/python scripts/sandbox_contract.py deep

bench-sandbox: install
	@$(VENV)/python benchmarks/bench_sandbox.py

clean:
	rm -rf .venv .tools node_modules dist .mypy_cache .ruff_cache .pytest_cache
