"""`make record` and `make record-live`: re-record every cassette of tests/recorded/.

    python scripts/record.py sandbox [pytest args]   # through Prism in front of a fresh sandbox
    python scripts/record.py live [pytest args]      # against the real API (WHICH50_* env)

Without pytest args the cassette folder is emptied first, so cassettes of removed tests go too;
with args (e.g. `-k upsert`) only the selected tests' cassettes are rewritten. pytest runs
tests/recorded/ with `--record-mode=rewrite`; the recorded tests' fixtures start the servers and
scrub what is stored. A spec violation seen by Prism fails the test, and a failed test writes no
cassette.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = {
    "sandbox": ROOT / "tests" / "recorded" / "cassettes",
    "live": ROOT / "tests" / "live" / "cassettes",
}
#: What `make record-live` needs; the ids are of objects the real account already has.
LIVE_ENV = {
    "WHICH50_BASE_URL": "the API's base URL, e.g. https://app.which50.com/Which50API",
    "WHICH50_TOKEN": "a full-access bearer token",
    "WHICH50_USERNAME": "the same account's basic-auth user (for the basic-auth tests)",
    "WHICH50_PASSWORD": "and its password",
    "WHICH50_READONLY_TOKEN": "a bearer token without write access (for the 403 test)",
    "WHICH50_LIVE_LIST_ID": "a contact list the tests may write contacts into",
    "WHICH50_LIVE_OTHER_LIST_ID": "a second contact list",
    "WHICH50_LIVE_JOURNEY_ID": (
        "a journey of that list with an email, a text message and a landing page"
    ),
    "WHICH50_LIVE_EMAIL_ID": "that journey's email",
    "WHICH50_LIVE_TEXT_MESSAGE_ID": "that journey's text message",
    "WHICH50_LIVE_LANDING_PAGE_ID": "that journey's landing page",
    "WHICH50_LIVE_LINKED_DATA_ID": "a linked data set of the list",
}


def missing_live_env(env: dict[str, str]) -> list[str]:
    return [name for name in LIVE_ENV if not env.get(name)]


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in CASSETTES:
        print(__doc__, file=sys.stderr)
        return 2
    target, pytest_args = argv[0], argv[1:]
    if target == "live" and (missing := missing_live_env(dict(os.environ))):
        print("make record-live records against the real API, and needs:", file=sys.stderr)
        for name in missing:
            print(f"  {name}: {LIVE_ENV[name]}", file=sys.stderr)
        print("Nothing was recorded.", file=sys.stderr)
        return 2
    if target == "sandbox":
        subprocess.run([sys.executable, "-m", "scripts.publish", "bundle"], cwd=ROOT, check=True)
    if not pytest_args:
        shutil.rmtree(CASSETTES[target], ignore_errors=True)
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "-p",
        "no:cacheprovider",
        "--record-mode=rewrite",
        "--no-cov",
        "-q",
        *(
            []
            if any(arg.startswith("tests/recorded") for arg in pytest_args)
            else ["tests/recorded"]
        ),
        *pytest_args,
    ]
    # live: the tests' own values get a suffix unique to this run (tests/recorded/conftest.py)
    env = {**os.environ, "WHICH50_RECORD": target, "WHICH50_RUN_TAG": f"{time.time_ns():x}"}
    return subprocess.run(cmd, cwd=ROOT, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
