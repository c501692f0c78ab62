#!/usr/bin/env bash
# Build the development environment: the Python venv at .venv/ (from uv.lock) and the Node tools
# under node_modules/ (from package-lock.json). Idempotent: a second run checks and changes
# nothing. Needs only python3 (>= 3.11) and npm on PATH; everything else is pinned here.
#   scripts/install.sh            both
#   scripts/install.sh --python   the Python venv only (make demo, sandbox, bench: no Node)
set -euo pipefail
python_only=false
case "${1:-}" in
  --python) python_only=true ;;
  "") ;;
  *) echo "usage: scripts/install.sh [--python]" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."

UV_VERSION=0.13.8            # the uv that reads uv.lock; bootstrapped into .tools/uv
PYTHON_VERSION=${WHICH50_PYTHON:-3.11}

# uv never downloads an interpreter here: it uses the machine's Python.
export UV_PYTHON_DOWNLOADS=never
export UV_NO_PROGRESS=1

uv=.tools/uv/bin/uv
if ! { [ -x "$uv" ] && "$uv" --version 2>/dev/null | grep -qx "uv $UV_VERSION\( .*\)\?"; }; then
  echo "install: bootstrapping uv $UV_VERSION into .tools/uv"
  rm -rf .tools/uv
  python3 -m venv .tools/uv
  .tools/uv/bin/python -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
fi

# --frozen: install exactly what uv.lock says, and fail rather than re-resolve.
# --compile-bytecode: the dependencies' bytecode is written once, here. Without it, a machine
# that sets PYTHONDONTWRITEBYTECODE compiles httpx, pydantic, starlette... from source in every
# process (each sandbox, each CLI run, each test worker).
"$uv" sync --frozen --compile-bytecode --python "$PYTHON_VERSION" --quiet
echo "install: .venv is in sync with uv.lock ($(.venv/bin/python --version))"
if $python_only; then
  exit 0
fi

# Node tools: npm ci only when package-lock.json changed since the last install.
want=$(sha256sum package-lock.json | cut -d' ' -f1)
have=$(cat node_modules/.which50-lock.sha256 2>/dev/null || true)
if [ "$want" != "$have" ]; then
  command -v npm >/dev/null || { echo "install: npm is missing (Node >= 20 is needed)" >&2; exit 1; }
  echo "install: npm ci (package-lock.json changed)"
  # --ignore-scripts: the linters need no install scripts, and one of their dependencies has a
  # telemetry postinstall that would try the network.
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
  echo "$want" > node_modules/.which50-lock.sha256
fi
echo "install: node_modules is in sync with package-lock.json (node $(node --version))"
