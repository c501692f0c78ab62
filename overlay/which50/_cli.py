"""The `which50` command: every method of the client as a command, and the daily jobs.

    which50 contact-lists list-contacts 1042          # a method: client.contact_lists.list_contacts
    which50 api GET /contactLists/1042/contacts       # any request, like `gh api`
    which50 import 1042 signups.csv --match Email --checkpoint signups.ckpt
    which50 export 1042 contacts.csv
    which50 files upload|download|rm ...
    which50 sandbox                                   # the local stand-in (the sandbox extra)

Exit codes: 0 done; 1 done in part (an import rejected rows, or its job failed); 2 a usage or
API error, printed as one line on stderr (`which50.NotFoundError: GET ... -> 404: ...`); 130
interrupted (Ctrl-C).

This module needs nothing beyond `which50`: the command line's own dependencies (typer and
rich, the `cli` extra) load only when it runs, so `import which50` never loads them, and
without them the command says how to install them, on one line.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from typing import TextIO

__all__ = ["EXIT_ERROR", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_PARTIAL", "INSTALL_HINT", "main"]

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130

CLI_MODULES = frozenset({"typer", "rich", "shellingham"})
"""The top-level modules the command line needs beyond `which50` (the `cli` extra)."""
INSTALL_HINT = "which50: the command line needs the cli extra: pip install 'which50[cli]'"


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command; return its exit code. ``out`` and ``err`` replace stdout and stderr."""
    words = list(sys.argv[1:] if argv is None else argv)
    if words[:1] == ["sandbox"]:
        # Every option goes to the sandbox's own parser, in a process that replaces this one.
        # Its messages then name the command the user typed.
        env = {**os.environ, "WHICH50_SANDBOX_PROG": "which50 sandbox"}
        os.execve(sys.executable, [sys.executable, "-m", "which50_sandbox", *words[1:]], env)
    with contextlib.ExitStack() as streams:
        if out is not None:
            streams.enter_context(contextlib.redirect_stdout(out))
        if err is not None:
            streams.enter_context(contextlib.redirect_stderr(err))
        if words == ["--version"]:  # scripts ask it often: answered before the CLI loads
            from . import __version__

            sys.stdout.write(f"which50 {__version__}\n")
            return EXIT_OK
        try:
            from ._cli_jobs import run
        except ImportError as missing:
            if (missing.name or "").partition(".")[0] not in CLI_MODULES:
                raise
            sys.stderr.write(INSTALL_HINT + "\n")
            return EXIT_ERROR
        try:
            return run(words)
        except KeyboardInterrupt:
            return EXIT_INTERRUPTED
