"""The commands the generated table cannot describe, because their methods are written by hand
or are no method at all: `which50 import` (the bulk import, with a progress bar), `export`
(a list to CSV), `files upload` / `download` / `rm`, `api` (any request, as `gh api`) and
`sandbox`. `app()` is the whole command line: the table's commands (`_cli_app.build`) and
these."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text
from typer.core import TyperGroup
from which50_resources.commands import COMMANDS

from ._bulk import ImportProgress, ImportReport
from ._cli import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK, EXIT_PARTIAL
from ._cli_app import (
    Settings,
    StdoutClosed,
    api_command,
    build,
    connect,
    forget_secrets,
    secrets,
    table_entry,
    with_common,
)
from ._cli_args import CliUsageError, json_argument, option_flag
from ._cli_output import emit, write_bytes
from ._constants import DEFAULT_IMPORT_CONCURRENCY, DEFAULT_JOB_TIMEOUT, MAX_IMPORT_BATCH
from ._errors import Which50Error
from ._redact import scrub

__all__ = ["app", "command", "error_line", "run"]


# --------------------------------------------------------------------------- progress


class RateColumn(ProgressColumn):
    """Rows per second, for the tasks that count rows."""

    def render(self, task: Task) -> Text:
        unit = task.fields.get("unit")
        if not unit or not task.speed:
            return Text("")
        return Text(f"{task.speed:,.0f} {unit}/s", style="progress.data.speed")


class CountColumn(ProgressColumn):
    """Done of total, with thousands separators, as the report line prints its counts."""

    def render(self, task: Task) -> Text:
        total = "?" if task.total is None else f"{int(task.total):,}"
        return Text(f"{int(task.completed):,}/{total}", style="progress.download")


def progress_bars(quiet: bool, console: Console | None = None) -> Progress:
    """Bars with a count, rows per second, the time so far and an ETA, on stderr."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        CountColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console or Console(file=sys.stderr),
        disable=quiet,
    )


class ImportBar:
    """`import_contacts`'s progress as two bars: rows sent (with rows per second and an ETA,
    when the number of rows is known), then the job's percentage. Nothing is drawn before the
    first event, so an import refused at once prints its error alone."""

    def __init__(self, progress: Progress, rows: int | None) -> None:
        self._progress = progress
        self._total = rows
        self._rows: Any = None
        self._job: Any = None

    def __enter__(self) -> ImportBar:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._rows is not None:
            self._progress.stop()

    def __call__(self, event: ImportProgress) -> None:
        if self._rows is None:
            self._progress.start()
            self._rows = self._progress.add_task("sending", total=self._total, unit="rows")
        rejected = f", {event.rows_rejected:,} rejected" if event.rows_rejected else ""
        self._progress.update(
            self._rows, completed=event.rows_read, description=f"sending{rejected}"
        )
        if event.phase == "batches":
            return
        if self._job is None:
            self._progress.update(self._rows, total=event.rows_read)
            self._job = self._progress.add_task("job", total=100)
        status = event.job_status or "?"
        self._progress.update(
            self._job, completed=event.job_percent or 0, description=f"job {status}"
        )


def _count_rows(path: Path) -> int | None:
    """The CSV's data rows (a streamed pass), for the ETA; None if it cannot be read. Blank
    lines are no rows, as the import reads them (`which50._bulk.CsvRows`)."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return max(sum(1 for cells in csv.reader(handle) if cells) - 1, 0)
    except (OSError, UnicodeDecodeError, csv.Error):
        return None  # the import itself says what is wrong with it


# --------------------------------------------------------------------------- import


def import_contacts(
    settings: Settings,
    contact_list_id: Annotated[
        int, typer.Argument(metavar="CONTACT_LIST_ID", help="The contact list id.")
    ],
    csv_file: Annotated[
        Path, typer.Argument(metavar="CSV", help="A UTF-8 CSV file, its header row first.")
    ],
    match: Annotated[
        list[str],
        typer.Option(
            "--match",
            metavar="FIELD[,FIELD...]",
            help="The fields that identify a contact; the job updates the contacts they "
            "match. Comma-separated; repeatable.",
        ),
    ],
    checkpoint: Annotated[
        Path | None,
        typer.Option(
            help="A file that makes the import resumable: after Ctrl-C or a crash, the same "
            "command carries on. It refuses any other input."
        ),
    ] = None,
    job_timeout: Annotated[
        float, typer.Option(metavar="SECONDS", help="How long to wait for the job once it runs.")
    ] = DEFAULT_JOB_TIMEOUT,
    batch_size: Annotated[int, typer.Option(help="Contacts per batch.")] = MAX_IMPORT_BATCH,
    concurrency: Annotated[int, typer.Option(help="Batches in flight.")] = (
        DEFAULT_IMPORT_CONCURRENCY
    ),
    show_rejected: Annotated[int, typer.Option(help="Rejected rows to list.")] = 10,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> int:
    """Import a CSV file into a list, resumably, with a progress bar.

    Each row is checked against the list's fields, sent in batches, and the job is run and
    waited for. Exit 0 when every row went in, 1 when rows were rejected or the job failed, 2
    on an error (a checkpoint made over other input included).
    """
    fields = [name.strip() for item in match for name in item.split(",") if name.strip()]
    rows = None if quiet else _count_rows(csv_file)
    with connect(settings) as client, ImportBar(progress_bars(quiet), rows) as bar:
        report = client.contact_lists.import_contacts(
            contact_list_id,
            csv_file,
            match=fields,
            batch_size=batch_size,
            concurrency=concurrency,
            checkpoint=checkpoint,
            job_timeout=job_timeout,
            progress=None if quiet else bar,
        )
    _print_report(report, settings, show_rejected)
    return 0 if report.succeeded and not report.rejected else EXIT_PARTIAL


def _print_report(report: ImportReport, settings: Settings, show_rejected: int) -> None:
    if settings.chosen in ("json", "jsonl"):
        doc = {
            "job": report.job,
            "status": report.status,
            "inserted": report.inserted,
            "updated": report.updated,
            "rows_read": report.rows_read,
            "resumed": report.resumed,
            "rejected": [{"row": r.row, "reason": r.reason} for r in report.rejected],
        }
        emit(doc, settings.chosen, sys.stdout)
        return
    out = sys.stdout
    out.write(
        f"job {report.job.id} {report.status}: {report.inserted:,} inserted, "
        f"{report.updated:,} updated, {len(report.rejected):,} rejected\n"
    )
    for rejected in report.rejected[:show_rejected]:
        out.write(f"  row {rejected.row:,}: {rejected.reason}\n")


# --------------------------------------------------------------------------- export


def export(
    settings: Settings,
    contact_list_id: Annotated[
        int, typer.Argument(metavar="CONTACT_LIST_ID", help="The contact list id.")
    ],
    dest: Annotated[str, typer.Argument(metavar="CSV", help="The file to write, or - for stdout.")],
    fields: Annotated[
        list[str] | None,
        typer.Option(
            "--fields",
            metavar="FIELD[,FIELD...]",
            help="The columns after EncContactId. Default: every field of the list.",
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> int:
    """Write the contacts of a list to a CSV file.

    The columns are EncContactId, then a column per field. The file appears only once it is
    complete (a failed export leaves nothing).
    """
    with connect(settings) as client:
        if fields:
            columns = [name.strip() for item in fields for name in item.split(",") if name.strip()]
        else:
            found = client.contact_lists.fields.list(contact_list_id)
            columns = [f.name for f in sorted(found, key=lambda f: f.position) if f.name]
        total = client.contact_lists.get(contact_list_id).count
        with progress_bars(quiet) as progress, _csv_target(dest) as handle:
            task = progress.add_task("exporting", total=total, unit="rows")
            writer = csv.writer(handle)
            writer.writerow(["EncContactId", *columns])
            written = 0
            # Streamed: one contact in memory at a time, whatever the list's size.
            for contact in client.contact_lists.iter_contacts(contact_list_id):
                values = contact.values or {}
                writer.writerow([contact.enc_contact_id, *(_text(values.get(c)) for c in columns)])
                written += 1
                if written % 1000 == 0:
                    progress.update(task, completed=written)
            progress.update(task, completed=written)
    summary = {"list": contact_list_id, "contacts": written, "columns": len(columns) + 1}
    if dest != "-" and settings.chosen in ("json", "jsonl"):
        emit({**summary, "file": dest}, settings.chosen, sys.stdout)
    elif not (quiet and dest == "-"):
        out = sys.stderr if dest == "-" else sys.stdout
        out.write(f"exported {written:,} contacts of list {contact_list_id} to {dest}\n")
    return 0


def _text(value: object) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


@contextlib.contextmanager
def _csv_target(dest: str) -> Iterator[IO[str]]:
    """The CSV's text stream: stdout, or a temp file beside ``dest``, moved onto it only once
    the export is complete."""
    if dest == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(dest)
    with tempfile.NamedTemporaryFile(
        "w",
        dir=target.parent,
        prefix=f".{target.name}.",
        suffix=".part",
        delete=False,
        newline="",
        encoding="utf-8",
    ) as handle:
        try:
            yield handle
        except BaseException:
            handle.close()
            Path(handle.name).unlink(missing_ok=True)
            raise
    os.replace(handle.name, target)


# --------------------------------------------------------------------------- files


def upload(
    settings: Settings,
    local_path: Annotated[
        Path, typer.Argument(metavar="LOCAL_PATH", help="The local file to send (streamed).")
    ],
    sub_folder: Annotated[
        str | None, typer.Option(help="The folder of the FTP folder to upload into.")
    ] = None,
) -> int:
    """Upload a local file to the account's FTP folder, streamed from disk."""
    with connect(settings) as client:
        emit(client.files.upload(local_path, sub_folder=sub_folder), settings.output, sys.stdout)
    return 0


def download(
    settings: Settings,
    file_path: Annotated[
        str, typer.Argument(metavar="FILE_PATH", help="The file, relative to the FTP folder.")
    ],
    dest: Annotated[
        Path,
        typer.Argument(metavar="DEST", help="A folder (the file keeps its name) or a file path."),
    ] = Path(),
    overwrite: Annotated[
        bool, typer.Option(help="Replace a file of the name the server gives.")
    ] = False,
) -> int:
    """Download a file to disk, streamed; print where it went."""
    with connect(settings) as client:
        target = client.files.download(file_path, dest, overwrite=overwrite)
    if settings.chosen in ("json", "jsonl"):
        emit({"path": str(target)}, settings.chosen, sys.stdout)
    else:
        sys.stdout.write(f"{target}\n")
    return 0


# --------------------------------------------------------------------------- api


def api(
    settings: Settings,
    method: Annotated[
        str, typer.Argument(metavar="METHOD", help="GET, POST, PUT, PATCH or DELETE.")
    ],
    path: Annotated[
        str,
        typer.Argument(
            metavar="PATH", help="The route below the base URL: /contactLists/1042/contacts"
        ),
    ],
    query: Annotated[
        list[str] | None,
        typer.Option("--query", "-q", metavar="NAME=VALUE", help="A query parameter; repeatable."),
    ] = None,
    data: Annotated[
        str | None,
        typer.Option(
            "--data", "-d", metavar="JSON|@FILE|-", help="A JSON body: the text, a file, or stdin."
        ),
    ] = None,
) -> int:
    """Send any request, with the configured credentials, like `gh api`.

    The answer is printed as the other commands print theirs; an error status is an error, on
    one line, with retries as for every command.
    """
    verb = method.upper()
    if verb not in ("GET", "POST", "PUT", "PATCH", "DELETE"):
        raise CliUsageError(f"{method!r} is not GET, POST, PUT, PATCH or DELETE", ("api",))
    if not path.startswith("/") or "://" in path:
        raise CliUsageError(f"{path!r}: give a route below the base URL, from /", ("api",))
    params: list[tuple[str, str | int | float | bool | None]] = []
    for item in query or []:
        name, sep, value = item.partition("=")
        if not sep:
            raise CliUsageError(f"--query takes NAME=VALUE, not {item!r}", ("api",))
        params.append((name, value))
    body = {} if data is None else {"json": json_argument(data, "--data")}
    with connect(settings) as client:
        response = client._http.request(verb, path.lstrip("/"), params=params or None, **body)
    if "json" in response.headers.get("Content-Type", "") and response.content:
        doc = json.loads(response.content)
        emit(doc, settings.output, sys.stdout, many=isinstance(doc, list))
    else:
        write_bytes(response.content, sys.stdout)
    return 0


# --------------------------------------------------------------------------- the app


def sandbox(context: typer.Context) -> None:
    """Run the local sandbox (the sandbox extra; which50 sandbox --help)."""
    exec_sandbox(context.args)


def exec_sandbox(args: list[str]) -> None:
    """Replace this process by the sandbox's, so that signals and its ready line behave exactly
    as `python -m which50_sandbox`'s."""
    os.execv(sys.executable, [sys.executable, "-m", "which50_sandbox", *args])


HAND_WRITTEN = {"files.upload": upload}
"""The commands of the table's hand-written methods."""


def _extra(root: typer.Typer, groups: dict[tuple[str, ...], typer.Typer]) -> None:
    for method, function in HAND_WRITTEN.items():
        entry = table_entry(method)
        route = f"`client.{method}` · {entry.http_method} {entry.route} · {entry.source}"
        command = with_common(function)
        command.__doc__ = f"{command.__doc__}\n\n{route}"
        groups[entry.path[:-1]].command(entry.path[-1])(command)
    groups[("files",)].command("download")(with_common(download))
    delete = table_entry("files.delete")
    groups[("files",)].command("rm", help="Delete a file: the same as `delete`.")(
        api_command(delete)
    )
    groups[("contact-lists",)].command("import-contacts")(with_common(import_contacts))
    jobs = "Jobs"
    root.command("import", rich_help_panel=jobs)(with_common(import_contacts))
    root.command("export", rich_help_panel=jobs)(with_common(export))
    root.command("api", rich_help_panel=jobs)(with_common(api))
    root.command(
        "sandbox",
        rich_help_panel="Other",
        add_help_option=False,
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    )(sandbox)


_app: typer.Typer | None = None
_command: TyperGroup | None = None


def app() -> typer.Typer:
    """The command line, built once per process."""
    global _app
    if _app is None:
        _app = build(_extra)
    return _app


def command() -> TyperGroup:
    """The command line as click runs it, converted from `app` once per process (converting
    every command's signature costs more than a run of most commands)."""
    global _command
    if _command is None:
        built = typer.main.get_command(app())
        assert isinstance(built, TyperGroup)  # the root has groups below it
        _command = built
    return _command


def run(words: list[str]) -> int:
    """Run the command line on ``words``; every failure is one line on stderr and an exit
    code (see `which50._cli`)."""
    forget_secrets(given=_secret_values(words))
    try:
        result = command().main(words, prog_name="which50", standalone_mode=False)
    except typer.TyperException as error:  # a usage error: typer's own (click's)
        message = error.format_message()
        if message:  # (none when `which50` alone printed its help)
            context = getattr(error, "context", None) or getattr(error, "ctx", None)
            where = f" Try '{context.command_path} --help'." if context is not None else ""
            sys.stderr.write(f"which50: {one_line(scrub(message, secrets()))}{where}\n")
        return error.exit_code
    except CliUsageError as error:
        sys.stderr.write(scrub(error.line(), secrets()) + "\n")
        return EXIT_ERROR
    except StdoutClosed:
        _silence_stdout()
        return EXIT_OK
    except typer.Abort:  # Ctrl-C or end of input at a prompt
        sys.stderr.write("\n")
        return EXIT_INTERRUPTED
    except (Which50Error, ValueError, TypeError, OSError) as error:
        sys.stderr.write(error_line(error, secrets()) + "\n")
        return EXIT_ERROR
    return result if isinstance(result, int) else 0


def _secret_values(words: list[str]) -> list[str]:
    """The values the command line gives to options that take a secret (``--token``,
    ``--password``, a webhook key's), so that not even a usage error shows them."""
    flags = {"--token", "--password"} | {
        option_flag(p) for c in COMMANDS for p in c.params if p.secret
    }
    found = []
    for index, word in enumerate(words):
        flag, equals, value = word.partition("=")
        if flag in flags and equals:
            found.append(value)
        elif word in flags and index + 1 < len(words):
            found.append(words[index + 1])
    return found


def _silence_stdout() -> None:
    """Point stdout at the null device, so that the interpreter's last flush of a closed pipe
    says nothing."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a file (a test's stream)
    os.dup2(os.open(os.devnull, os.O_WRONLY), fd)


def one_line(text: str) -> str:
    return " ".join(text.split())


def error_line(error: BaseException, hidden: list[str]) -> str:
    """``which50.NotFoundError: GET …/contacts/x -> 404: …``: the error as users import it
    (a builtin one after ``which50: ``), its message on one line, without a secret."""
    kind = type(error)
    if kind.__module__.startswith("which50"):
        name = f"which50.{kind.__name__}"
    else:
        name = f"which50: {kind.__name__}"
    return f"{name}: {one_line(scrub(str(error), hidden))}"
