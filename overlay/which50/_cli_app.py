"""The `which50` command line, built from the generated command table.

Every method of the client is a command: `which50_resources.commands.COMMANDS` (written by
`make generate` from the spec and openapi/python.yaml) lists them, with their arguments, and
`build()` turns each entry into a typer command that calls the method. Nothing here names an
operation, so a new operation of the spec is a new command with no edit here. Path parameters
(and a method's positional query parameters) are arguments; every other parameter and body
member is an option; a command with a body takes the whole body as ``--data``. The commands
the table cannot describe (the bulk import, export, streaming files, raw access) are in
`_cli_jobs`.
"""

from __future__ import annotations

import contextlib
import inspect
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.markup import escape
from typer.core import TyperGroup
from which50_resources.commands import COMMANDS, GROUPS, Command, Param

from ._cli_args import CliUsageError, call_arguments, option_flag
from ._cli_output import Format, emit, write_bytes
from ._client import Which50
from ._config import ENV_PASSWORD, ENV_TOKEN, ENV_USERNAME, build_config, read_environment

__all__ = [
    "COMMON",
    "CliUsageError",
    "Settings",
    "StdoutClosed",
    "build",
    "connect",
    "forget_secrets",
    "secrets",
    "table_entry",
    "with_common",
]

CONNECTION = "Connection"
OUTPUT = "Output"
_PREFIX = "cli_"  # the common options' parameter names, apart from any method's argument names


_secrets: list[str] = []


def forget_secrets(given: Sequence[str] = ()) -> None:
    """A new run: its secrets so far are the ones its command line gives."""
    _secrets[:] = given


def secrets() -> list[str]:
    """The secrets this run was given (credentials, webhook keys): errors never show them."""
    return [s for s in _secrets if s]


# --------------------------------------------------------------------------- common options


def _option(name: str, annotation: Any, default: Any = None) -> inspect.Parameter:
    return inspect.Parameter(
        _PREFIX + name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
    )


COMMON: tuple[inspect.Parameter, ...] = (
    _option(
        "base_url",
        Annotated[
            str | None,
            typer.Option(
                "--base-url",
                metavar="URL",
                help="The API's base URL. Default: WHICH50_BASE_URL, else production.",
                rich_help_panel=CONNECTION,
            ),
        ],
    ),
    _option(
        "token",
        Annotated[
            str | None,
            typer.Option(
                "--token",
                help="A bearer token. Default: WHICH50_TOKEN.",
                rich_help_panel=CONNECTION,
            ),
        ],
    ),
    _option(
        "username",
        Annotated[
            str | None,
            typer.Option(
                "--username",
                help="Basic credentials' user. Default: WHICH50_USERNAME.",
                rich_help_panel=CONNECTION,
            ),
        ],
    ),
    _option(
        "password",
        Annotated[
            str | None,
            typer.Option(
                "--password",
                help="Basic credentials' password. Default: WHICH50_PASSWORD, else a prompt.",
                rich_help_panel=CONNECTION,
            ),
        ],
    ),
    _option(
        "timeout",
        Annotated[
            float | None,
            typer.Option(
                "--timeout",
                metavar="SECONDS",
                help="The most one call may take, retries included. Default: 300 s.",
                rich_help_panel=CONNECTION,
            ),
        ],
    ),
    _option(
        "max_retries",
        Annotated[
            int | None,
            typer.Option(
                "--max-retries",
                metavar="N",
                min=0,
                help="Retries of a request that failed in passing. Default: 2.",
                rich_help_panel=CONNECTION,
            ),
        ],
    ),
    _option(
        "verbose",
        Annotated[
            bool,
            typer.Option(
                "--verbose",
                "-v",
                help="Log each request to stderr (method, URL, status, time; never a secret).",
                rich_help_panel=CONNECTION,
            ),
        ],
        False,
    ),
    _option(
        "json",
        Annotated[
            bool,
            typer.Option(
                "--json",
                help="Print JSON, one document (the default when stdout is not a terminal).",
                rich_help_panel=OUTPUT,
            ),
        ],
        False,
    ),
    _option(
        "output",
        Annotated[
            Literal["table", "json", "jsonl"] | None,
            typer.Option(
                "--output",
                "-o",
                help="table (the default on a terminal), json, or jsonl: a line per item.",
                rich_help_panel=OUTPUT,
            ),
        ],
    ),
)


@dataclass(frozen=True)
class Settings:
    """The common options of a command."""

    base_url: str | None
    token: str | None
    username: str | None
    password: str | None
    timeout: float | None
    max_retries: int | None
    verbose: bool
    output: Format
    """The output format: as chosen, else by whether stdout is a terminal."""
    chosen: Format | None
    """The format given (``--json``, ``--output``), if one was."""

    @classmethod
    def take(cls, values: dict[str, Any]) -> Settings:
        """The common options, taken out of a command's values."""
        mine = {p.name[len(_PREFIX) :]: values.pop(p.name) for p in COMMON}
        chosen, as_json = mine.pop("output"), mine.pop("json")
        if as_json and chosen not in (None, "json"):
            raise CliUsageError(f"--json and --output {chosen} disagree")
        if as_json:
            chosen = "json"
        output: Format = chosen or ("table" if sys.stdout.isatty() else "json")
        settings = cls(output=output, chosen=chosen, **mine)
        _secrets.extend(s for s in (settings.token, settings.password) if s)
        return settings


def with_common(function: Callable[..., int]) -> Callable[..., int]:
    """A command function ``f(settings, **own)`` as a typer command with the common options."""
    hints = inspect.get_annotations(function, eval_str=True)
    own = [
        p.replace(annotation=hints[p.name])
        for p in inspect.signature(function).parameters.values()
        if p.name != "settings"
    ]

    def run(**values: Any) -> int:
        settings = Settings.take(values)
        with _verbose(settings.verbose):
            return function(settings, **values)

    return _signed(run, [*own, *COMMON], function.__doc__)


class StdoutClosed(Exception):
    """The reader of stdout went away (``which50 ... | head``): the command stops, exit 0."""


def _signed(
    run: Callable[..., int], params: Sequence[inspect.Parameter], doc: str | None
) -> Callable[..., int]:
    """``run`` as a typer command of those parameters and that help."""

    def command(**values: Any) -> int:
        try:
            return run(**values)
        except BrokenPipeError:  # (typer would make it exit 1, which says "partial" here)
            raise StdoutClosed from None

    command.__signature__ = inspect.Signature(list(params))  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in params}
    command.__doc__ = reflow(doc or "")
    return command


def reflow(text: str) -> str:
    """A docstring as help: its paragraphs each on one line (the terminal wraps them)."""
    paragraphs = inspect.cleandoc(text).split("\n\n")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs)


class _Root(TyperGroup):
    """The top level, listing the resources before the other commands."""

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        groups = [n for n in names if isinstance(self.commands[n], TyperGroup)]
        return groups + [n for n in names if n not in groups]


@contextlib.contextmanager
def _verbose(on: bool) -> Iterator[None]:
    """``--verbose``: the `which50` logger's records (one per request and retry) on stderr."""
    if not on:
        yield
        return
    logger = logging.getLogger("which50")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def connect(settings: Settings) -> Which50:
    """The client the options and the environment describe (options first). Basic credentials
    with no password prompt for it on a terminal; no credentials at all is an error, before
    any request."""
    env = read_environment()
    password = settings.password
    # Basic credentials are used when --username is given, or else when no token is (the
    # client's rule: an option beats the environment, and a token beats basic credentials).
    if settings.username or settings.token or env.get(ENV_TOKEN):
        username = settings.username
    else:
        username = env.get(ENV_USERNAME)
    if username and not password and not env.get(ENV_PASSWORD) and sys.stdin.isatty():
        password = typer.prompt(f"Password for {username}", hide_input=True)
        _secrets.append(password)
    options: dict[str, Any] = {
        "base_url": settings.base_url,
        "token": settings.token,
        "username": settings.username,
        "password": password,
        "timeout": settings.timeout,
        "max_retries": settings.max_retries,
    }
    given = {k: v for k, v in options.items() if v is not None}
    _secrets.extend(v for k, v in env.items() if k in (ENV_TOKEN, ENV_PASSWORD))
    if build_config(**given).auth is None:
        raise CliUsageError(
            f"no credentials: pass --token (or --username and --password), or set {ENV_TOKEN} "
            f"(or {ENV_USERNAME} and {ENV_PASSWORD})"
        )
    return Which50(**given)


def run_method(
    settings: Settings, method: str, kwargs: dict[str, Any], *, binary: bool, many: bool = False
) -> int:
    """Call ``client.<method>(**kwargs)`` and print its answer. ``many``: the method answers a
    list or an iterator (``iter_contacts``), printed item by item as it comes."""
    with connect(settings) as client:
        target: Any = client
        for part in method.split("."):
            target = getattr(target, part)
        result = target(**kwargs)
        if binary:
            write_bytes(result, sys.stdout)
        else:
            emit(result, settings.output, sys.stdout, many=many or isinstance(result, list))
    return 0


# --------------------------------------------------------------------------- the table's commands

_METAVARS = {
    "names": "NAME[,NAME...]",
    "pairs": "FIELD=VALUE",
    "object": "JSON|KEY=VALUE",
    "objects": "JSON",
    "strings": "TEXT",
    "file": "PATH",
}
_REPEATABLE = {
    "names": "Comma-separated; repeatable.",
    "pairs": "Repeatable.",
    "object": "A JSON object, or members KEY=VALUE (text) and KEY:=JSON; repeatable.",
    "objects": "A JSON array of objects, or one object per use.",
    "strings": "Repeatable.",
}


def _annotation(param: Param, required_here: bool) -> Any:
    """The parameter's type and typer declaration."""
    if param.kind == "int":
        base: Any = int
    elif param.kind == "bool":
        base = bool
    elif param.kind == "choice":
        base = Literal[param.choices]
    elif param.kind == "file":
        base = Path
    elif param.kind in _REPEATABLE:
        base = list[str]
    else:
        base = str
    text = [escape(param.help)] if param.help else []
    if param.kind in _REPEATABLE:
        text.append(_REPEATABLE[param.kind])
    if param.known:
        text.append(escape(f"Known values: {', '.join(param.known)}."))
    if param.required and not required_here:
        text.append("Required, here or in --data.")
    if param.argument:
        declared_argument = typer.Argument(
            metavar=param.name.upper(), help=" ".join(text), show_default=False
        )
        return Annotated[base, declared_argument]
    flag = option_flag(param)
    if param.kind == "bool":
        flag += f"/--no-{flag[2:]}"
    declared = typer.Option(
        flag,
        help=" ".join(text),
        metavar=_METAVARS.get(param.kind),
        show_default=False,
        rich_help_panel="Body" if param.location == "body" else "Options",
    )
    return Annotated[base if required_here else base | None, declared]


def _parameters(command: Command) -> list[inspect.Parameter]:
    found = []
    for param in command.params:
        # Body members may come from --data, so the option itself is never required.
        required_here = param.required and (param.argument or param.location != "body")
        found.append(
            inspect.Parameter(
                param.name,
                inspect.Parameter.KEYWORD_ONLY,
                default=inspect.Parameter.empty if required_here else None,
                annotation=_annotation(param, required_here),
            )
        )
    if command.body is not None:
        data = typer.Option(
            "--data",
            "-d",
            metavar="JSON|@FILE|-",
            help=f"The whole body, a {command.body_schema} (its API member names): JSON, "
            "@file.json, or - for stdin. Options override its members.",
            rich_help_panel="Body",
        )
        found.append(_option("data", Annotated[str | None, data]))
    return found


def _help(command: Command) -> str:
    summary = command.summary.rstrip(".") + "."
    route = f"{command.http_method} {command.route}"
    return escape(f"{summary}\n\n`client.{command.method}` · {route} · {command.source}")


def api_command(command: Command) -> Callable[..., int]:
    """The command that calls ``client.<command.method>`` with the values it was given."""
    own = _parameters(command)

    def run(**values: Any) -> int:
        settings = Settings.take(values)
        with _verbose(settings.verbose), contextlib.ExitStack() as stack:
            kwargs = call_arguments(command, values, stack, _secrets)
            # A list the client can stream is read through its iterator: memory stays flat.
            method = command.iterator or command.method
            return run_method(settings, method, kwargs, binary=command.binary, many=command.many)

    names = [p.name for p in [*own, *COMMON]]
    clash = {n for n in names if names.count(n) > 1}
    if clash:
        raise RuntimeError(f"{command.method}: arguments named like the common options: {clash}")
    return _signed(run, [*own, *COMMON], _help(command))


# --------------------------------------------------------------------------- the app


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"which50 {__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """The Which50 API from the command line: every method of the Python client is a command
    (`client.contact_lists.list_contacts(1042)` is `which50 contact-lists list-contacts 1042`).

    Credentials: --token, or --username and --password, else WHICH50_TOKEN, or WHICH50_USERNAME
    and WHICH50_PASSWORD; the base URL: --base-url, else WHICH50_BASE_URL. Output: a table on a
    terminal, else JSON (--json; --output jsonl for a line per item).

    Exit codes: 0 done; 1 an import rejected rows or its job failed; 2 a usage or API error,
    on one line of stderr; 130 interrupted (Ctrl-C).
    """


HELP_MARKUP: Literal["rich"] = "rich"


def build(extra: Callable[[typer.Typer, dict[tuple[str, ...], typer.Typer]], None]) -> typer.Typer:
    """The whole command line: a group per resource, a command per method of the table, and
    what ``extra`` adds (given the app and the groups by their path)."""
    app = typer.Typer(
        name="which50",
        cls=_Root,
        callback=_root,
        help=reflow(_root.__doc__ or ""),
        no_args_is_help=True,
        rich_markup_mode=HELP_MARKUP,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    groups: dict[tuple[str, ...], typer.Typer] = {(): app}
    for path, doc in GROUPS.items():
        group = typer.Typer(no_args_is_help=True, help=escape(doc), rich_markup_mode=HELP_MARKUP)
        groups[path] = group
        groups[path[:-1]].add_typer(
            group, name=path[-1], rich_help_panel="Resources" if len(path) == 1 else None
        )
    for command in COMMANDS:
        if command.hand_written:
            continue  # `extra` adds its command
        groups[command.path[:-1]].command(command.path[-1])(api_command(command))
    extra(app, groups)
    return app


def table_entry(method: str) -> Command:
    """The table's entry of a method."""
    (found,) = [c for c in COMMANDS if c.method == method]
    return found
