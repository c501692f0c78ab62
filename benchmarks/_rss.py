"""Peak resident memory of one process, as the kernel counts it for that process alone."""

from __future__ import annotations

from pathlib import Path


def peak_rss_mib(pid: int | str = "self") -> float:
    """The process's VmHWM in MiB.

    Not ``getrusage(RUSAGE_SELF).ru_maxrss``: Linux carries that figure across fork and exec,
    so a child started by a big parent reports at least the parent's peak. VmHWM belongs to
    the address space, which exec replaces.
    """
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")
