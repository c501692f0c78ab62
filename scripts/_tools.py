"""What the publishing scripts share: where things are, and how to run a pinned Node tool."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "which50.yaml"
DIST = ROOT / "dist"
NODE_BIN = ROOT / "node_modules" / ".bin"

# Redocly CLI: no usage telemetry and no update check (both would reach the network).
QUIET = {
    "REDOCLY_TELEMETRY": "off",
    "REDOCLY_SUPPRESS_NOTIFICATIONS": "true",
    "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
}


class ToolError(RuntimeError):
    """A pinned tool failed; the message carries its output."""


def node_tool(
    name: str, *args: str | Path, ok: tuple[int, ...] = (0,)
) -> subprocess.CompletedProcess[str]:
    """Run a pinned Node tool from node_modules/.bin; raise ToolError on an exit not in `ok`."""
    cmd = [str(NODE_BIN / name), *map(str, args)]
    proc = subprocess.run(
        cmd, cwd=ROOT, capture_output=True, text=True, check=False, env={**os.environ, **QUIET}
    )
    if proc.returncode not in ok:
        output = (proc.stdout + proc.stderr).strip()
        raise ToolError(f"{name} failed (exit {proc.returncode}):\n{output}")
    return proc
