"""The `which50` command: `which50 import` (a CSV into a list, with a progress bar) and
`which50 sandbox` (the local stand-in, from the `sandbox` extra)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from typing import TextIO

from ._bulk import ImportProgress
from ._client import Which50
from ._constants import DEFAULT_JOB_TIMEOUT
from ._errors import Which50Error

__all__ = ["main"]

_BAR_WIDTH = 30


class ProgressBar:
    """One line, redrawn in place: contacts sent, then the job's percentage."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._started = time.monotonic()
        self._open = False  # a line is drawn and not ended

    def end_line(self) -> None:
        """End the line being redrawn, so that what follows starts a line of its own."""
        if self._open:
            self._stream.write("\n")
            self._open = False

    def __call__(self, progress: ImportProgress) -> None:
        if progress.phase == "batches":
            fraction, label = 0.0, f"{progress.contacts_sent:,} sent"
        else:
            fraction = (progress.job_percent or 0) / 100
            label = f"job {progress.job_status or '?'} {progress.job_percent or 0}%"
        filled = int(_BAR_WIDTH * fraction)
        elapsed = time.monotonic() - self._started
        line = (
            f"\r[{'#' * filled}{'.' * (_BAR_WIDTH - filled)}] {label:<24} "
            f"{progress.rows_read:,} read, {progress.rows_rejected:,} rejected, {elapsed:5.1f} s"
        )
        self._open = progress.phase != "done"
        self._stream.write(line + ("" if self._open else "\n"))
        self._stream.flush()


def _import(args: argparse.Namespace, out: TextIO, bar: ProgressBar | None) -> int:
    with Which50() as client:
        report = client.contact_lists.import_contacts(
            args.contact_list_id,
            args.csv,
            match=args.match.split(","),
            batch_size=args.batch_size,
            concurrency=args.concurrency,
            checkpoint=args.checkpoint,
            job_timeout=args.job_timeout,
            progress=bar,
        )
    out.write(
        f"job {report.job.id} {report.status}: {report.inserted} inserted, {report.updated} "
        f"updated, {len(report.rejected)} rejected\n"
    )
    for rejected in report.rejected[: args.show_rejected]:
        out.write(f"  row {rejected.row}: {rejected.reason}\n")
    return 0 if report.succeeded and not report.rejected else 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="which50",
        description="The Which50 API from the command line. Configure it with WHICH50_BASE_URL "
        "and WHICH50_TOKEN (or WHICH50_USERNAME and WHICH50_PASSWORD).",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    imp = commands.add_parser("import", help="import a CSV file (header row first) into a list")
    imp.add_argument("contact_list_id", type=int)
    imp.add_argument("csv", help="path of a UTF-8 CSV file")
    imp.add_argument(
        "--match", required=True, help="comma-separated fields that identify a contact"
    )
    imp.add_argument(
        "--checkpoint",
        help="file that makes the import resumable; it refuses input other than the one it "
        "was made with",
    )
    imp.add_argument(
        "--job-timeout",
        type=float,
        default=DEFAULT_JOB_TIMEOUT,
        metavar="SECONDS",
        help=f"how long to wait for the job once it runs (default {DEFAULT_JOB_TIMEOUT:g})",
    )
    imp.add_argument("--batch-size", type=int, default=10_000)
    imp.add_argument("--concurrency", type=int, default=4)
    imp.add_argument("--show-rejected", type=int, default=10, help="rejected rows to list")
    imp.add_argument("--quiet", action="store_true", help="no progress bar")
    commands.add_parser(
        "sandbox", help="run the local sandbox; options as python -m which50_sandbox --help"
    )
    return parser


def main(
    argv: Sequence[str] | None = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr
) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    if words[:1] == ["sandbox"]:
        # Every option goes to the sandbox's own parser. This process is replaced, so signals
        # and the ready line behave exactly as `python -m which50_sandbox`'s.
        os.execv(sys.executable, [sys.executable, "-m", "which50_sandbox", *words[1:]])
    args = _parser().parse_args(words)
    bar = None if args.quiet else ProgressBar(err)
    try:
        return _import(args, out, bar)
    except (Which50Error, ValueError, OSError) as error:
        # Exit 2, with one line: a checkpoint that does not fit (CheckpointError), a job that
        # did not end (ImportJobError), any other API error, a bad argument or file. Exit 1
        # is kept for an import that ran but rejected rows or failed.
        if bar is not None:
            bar.end_line()
        message = " ".join(str(error).splitlines())
        err.write(f"which50: {type(error).__name__}: {message}\n")
        return 2
