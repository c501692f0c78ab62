# The index of the project's commands. The logic lives in scripts/; CI runs the same targets.
#   make install    build .venv/ (uv.lock) and node_modules/ (package-lock.json); idempotent
#   make install-python  build .venv/ only (what demo, sandbox and the benchmarks need: no Node)
#   make generate   regenerate generated/ from openapi/ with the pinned generators (writes)
#   make unasync    write the sync twins overlay/which50/_sync/ from overlay/which50/_async/
#   make check      lint the spec, prove generated/ and _sync/ are current, ruff, mypy (never
#                   writes)
#   make lint-spec  Spectral, Redocly and openapi-spec-validator on the spec
#   make format     format and autofix hand-written code, then make unasync (writes)
#   make test       make check, then the test suite on two workers (coverage of which50 must
#                   stay >= 95%; builds dist/ as it goes; needs chromium; schemathesis's fast
#                   profile); leaves the tests marked slow to test-slow
#   make test-slow  the tests marked slow: a new operation on a copy of the repository, from
#                   the spec through make generate and make check to both clients; the breaking
#                   guard on each seeded mutation of the spec (minutes)
#   make demo       run examples/quickstart.py against a sandbox it starts and stops (needs
#                   Python only)
#   make bench      client benchmarks against the sandbox: per call, streaming, bulk import
#                   pace; writes benchmarks/results.json and benchmarks/RESULTS.md
#   make bundle     dist/openapi.yaml and dist/openapi.json: the spec in one file each
#   make docs       dist/api.html: the reference page (Redocly build-docs, self-contained)
#   make dist       dist/which50-<version>-py3-none-any.whl and dist/which50-<version>.tar.gz (the
#                   wheel built from the sdist), checked: twine check --strict, absolute links only
#                   in the long description (needs Python only)
#   make types-ts   dist/which50.d.ts (openapi-typescript), proven by tsc on openapi/examples-ts
#   make xlang      prove dist/openapi.yaml in other languages: OpenAPI Generator (typescript-fetch,
#                   go, python) and @hey-api/openapi-ts clients generated into build/xlang/,
#                   compiled (tsc --strict, go build + vet, compileall), warnings classified, and
#                   openapi/examples-xlang/ run against a sandbox (needs Java 17 and Go)
#   make breaking BASE=<git ref>   fail on a change that breaks users of the spec or of the
#                   Python API (which50) at BASE
#   make release-check   check, bundle, docs, types-ts, dist, xlang, breaking against the last tag,
#                   test-slow
#   make sandbox    run the local sandbox on a free port (prints WHICH50_BASE_URL=... WHICH50_TOKEN=...)
#   make fuzz       schemathesis's deep profile against a fresh sandbox
#   make bench-sandbox  sandbox throughput: GETs/s, contacts/s through imports, peak RSS
#   make record     re-record tests/recorded/cassettes through a Prism validating proxy in front
#                   of a fresh sandbox (writes; twice in a row leaves no diff)
#   make record-live  the same tests against the real API into tests/live/cassettes (needs
#                   WHICH50_BASE_URL, credentials and WHICH50_LIVE_* ids; says which are missing)
.DEFAULT_GOAL := help
SHELL := /bin/bash
VENV := .venv/bin
# The project's own bytecode goes to one ignored folder, .pycache/, not beside the sources, and
# is written even where PYTHONDONTWRITEBYTECODE is set (that setting keeps trees clean, and so
# does this): without it, every process of the suite, each sandbox and each CLI run, compiles
# the generated packages from source.
export PYTHONPYCACHEPREFIX := $(CURDIR)/.pycache
unexport PYTHONDONTWRITEBYTECODE

.PHONY: help install install-python generate unasync check lint-spec format test demo bench bundle docs dist types-ts \
	xlang breaking release-check test-slow sandbox fuzz bench-sandbox record record-live clean

help:
	@sed -n 's/^#   //p' Makefile

install:
	@bash scripts/install.sh

install-python:
	@bash scripts/install.sh --python

generate: install
	@$(VENV)/python scripts/generate.py

unasync: install-python
	@$(VENV)/python scripts/unasync.py

check: install
	@bash scripts/check.sh

lint-spec: install
	@bash scripts/lint-spec.sh

format: install
	@$(VENV)/ruff check --fix --quiet .
	@$(VENV)/ruff format --quiet .
	@$(VENV)/python scripts/unasync.py

# -n 2 --dist loadscope: two workers (the machine has two cores), and every test of a module on
# the same one, so the tests that share a module's sandbox still share it.
# The tests marked slow (minutes on a copy of the repository) are test-slow's, which
# release-check runs too.
test: check
	@$(VENV)/pytest -n 2 --dist loadscope -m "not slow" --cov \
		--cov-report=term-missing:skip-covered --cov-fail-under=95

test-slow: install
	@$(VENV)/pytest -m slow -q

demo: install-python
	@$(VENV)/python scripts/demo.py

bench: install-python
	@$(VENV)/python -m benchmarks.bench_client

bundle: install
	@$(VENV)/python -m scripts.publish bundle

docs: bundle
	@$(VENV)/python -m scripts.publish docs

dist: install-python
	@$(VENV)/python -m scripts.dist

types-ts: bundle
	@$(VENV)/python -m scripts.publish types-ts

xlang: bundle
	@$(VENV)/python -m scripts.xlang $(ARGS)

breaking: install
	@test -n "$(BASE)" || { echo "usage: make breaking BASE=<git ref>" >&2; exit 2; }
	@$(VENV)/python -m scripts.breaking --base "$(BASE)"

release-check: install
	@bash scripts/release-check.sh

sandbox: install-python
	@$(VENV)/python -m which50_sandbox --port 0 $(ARGS)

fuzz: install
	@$(VENV)/python scripts/sandbox_contract.py deep

bench-sandbox: install-python
	@$(VENV)/python benchmarks/bench_sandbox.py

record: install
	@$(VENV)/python scripts/record.py sandbox

record-live: install
	@$(VENV)/python scripts/record.py live

clean:
	rm -rf .venv .tools node_modules dist .mypy_cache .ruff_cache .pytest_cache .pycache
