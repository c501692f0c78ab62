"""`make demo`: start a seeded sandbox on a free port, run examples/quickstart.py against it,
stop the sandbox. The quickstart sees only WHICH50_BASE_URL and WHICH50_TOKEN, as a user's
program would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from which50_sandbox.testing import run_sandbox

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    with run_sandbox(seed=1, contacts=200, frozen_time=False) as server:
        print(f"demo: sandbox at {server.base_url}", flush=True)
        env = {**os.environ, "WHICH50_BASE_URL": server.base_url, "WHICH50_TOKEN": server.token}
        for name in ("WHICH50_USERNAME", "WHICH50_PASSWORD"):
            env.pop(name, None)
        quickstart = ROOT / "examples" / "quickstart.py"
        return subprocess.run([sys.executable, str(quickstart)], env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
