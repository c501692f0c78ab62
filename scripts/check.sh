#!/usr/bin/env bash
# Everything that must hold before a change lands. Never modifies a file (`make format` and
# `make generate` do that).
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin

echo "check: uv.lock matches pyproject.toml"
UV_PYTHON_DOWNLOADS=never .tools/uv/bin/uv lock --check --quiet

bash scripts/lint-spec.sh

echo "check: generated/ against the pinned generators"
"$py/python" scripts/generate.py --check

echo "check: the sync twins against their async sources"
"$py/python" scripts/unasync.py --check

echo "check: ruff"
"$py/ruff" check --no-fix .
"$py/ruff" format --check --quiet .

echo "check: mypy --strict (hand-written code)"
"$py/mypy"
# The clients' generated methods are strict too. Named here, not only imported: the editable
# install puts generated/ among the installed packages, whose errors mypy does not report when
# it merely follows an import into them.
echo "check: mypy --strict, the generated resources (scripts/gen_python's output)"
"$py/mypy" -p which50_resources
echo "check: mypy, generated packages under their scoped config"
"$py/mypy" -p which50_client -p which50_models

echo "check: the packages import"
"$py/python" -c "import which50, which50_client, which50_models; print('check: which50', which50.__version__)"
