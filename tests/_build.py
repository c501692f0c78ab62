"""A wheel built in a subprocess by the venv's pinned hatchling: no network, no isolation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_BUILD = "import sys, hatchling.build as b; print(b.build_wheel(sys.argv[1]))"


def hatchling_wheel(source: Path, out: Path) -> Path:
    """Build the project at `source` (a checkout, or an unpacked sdist) into `out`."""
    done = subprocess.run(
        [sys.executable, "-c", _BUILD, str(out)],
        cwd=source,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return out / done.stdout.strip().splitlines()[-1]
