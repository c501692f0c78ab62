#!/usr/bin/env bash
# Everything a release needs, in one command: the checks (lint-spec runs inside check), the
# published artefacts in dist/ (the spec's, the wheel and the sdist), their proof in other
# languages (xlang), and the breaking-change guard against the last release.
#
# The last release is the newest tag reachable from HEAD. With no tag yet, the guard compares
# against the first commit: the spec has been public since the repository was, so that is what
# a user may hold. Should the first commit have no spec at all, the guard says so and passes:
# nothing published there can break. The same for the Python API: a base without the which50
# package (the first commit has only the spec) has none to compare, and the report says so.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/check.sh
for step in bundle docs types-ts; do
  echo "release-check: $step"
  .venv/bin/python -m scripts.publish "$step"
done
# The wheel and the sdist (scripts/dist.py: built offline, twine check --strict, absolute links).
echo "release-check: dist"
.venv/bin/python -m scripts.dist
# The bundle just built, proven in other languages (generated, compiled and run; see scripts/xlang.py).
echo "release-check: xlang"
.venv/bin/python -m scripts.xlang

if base=$(git describe --tags --abbrev=0 2>/dev/null); then
  echo "release-check: breaking against the last tag, $base"
else
  base=$(git rev-list --max-parents=0 HEAD | tail -n 1)
  echo "release-check: no tag yet; breaking against the first commit, $base"
fi
.venv/bin/python -m scripts.breaking --base "$base"
# The tests make test leaves out: minutes each, on a copy of the repository.
echo "release-check: the slow tests"
.venv/bin/pytest -m slow -q -p no:cacheprovider
echo "release-check: ready to release $(.venv/bin/python -c 'import which50; print(which50.__version__)')"
