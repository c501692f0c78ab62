#!/usr/bin/env bash
# Lint the spec with three independent tools; any error or warning fails.
set -euo pipefail
cd "$(dirname "$0")/.."
spec=${1:-openapi/which50.yaml}
bin=node_modules/.bin
# Redocly CLI: no telemetry and no update check (both would reach the network).
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_NOTIFICATIONS=true REDOCLY_SUPPRESS_UPDATE_NOTICE=true

echo "lint-spec: spectral (spectral:oas + openapi/.spectral.yaml)"
"$bin/spectral" lint --quiet --ruleset openapi/.spectral.yaml --fail-severity=warn "$spec"

echo "lint-spec: redocly lint (openapi/redocly.yaml)"
# Redocly exits non-zero on errors only, so a warning is caught from its summary line
# ("You have N warnings"). Its output goes to stderr.
out=$("$bin/redocly" lint --config openapi/redocly.yaml --format=stylish "$spec" 2>&1) && rc=0 || rc=$?
if [ "$rc" -ne 0 ] || grep -qE 'You have [0-9]+ warnings?' <<<"$out"; then
  grep -vE '║|╔|╚' <<<"$out" >&2
  exit 1
fi

echo "lint-spec: openapi-spec-validator"
.venv/bin/openapi-spec-validator "$spec"
