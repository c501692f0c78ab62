"""What the command table (`commands.py`) is made of: one `Command` per method of the clients,
each with its `Param`s, as plain data.

The `which50` command line (`which50._cli_app`) builds its commands from this table, so a new
operation of the spec is a new command after `make generate`, with no hand edit. Nothing here
imports a command-line library: the table is data, and `import which50` never loads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["BodyKind", "Command", "Param", "ParamKind"]

ParamKind = Literal[
    "int",  # an integer (`int32` unless the spec says otherwise)
    "text",  # a non-empty string
    "bool",  # a flag: --name / --no-name
    "choice",  # one of `choices` (an enum of the spec)
    "names",  # names sent comma-separated: NAME[,NAME...], the option repeatable
    "pairs",  # FIELD=VALUE pairs, the option repeatable
    "object",  # a JSON object, or KEY=VALUE (text) and KEY:=JSON members, repeatable
    "objects",  # a JSON array of objects (or one object per use of the option)
    "strings",  # a list of strings, one per use of the option
    "file",  # the path of a local file, sent as a multipart file part
]
"""How the command line reads a parameter's text into the method's argument."""

BodyKind = Literal["object", "array", "form", "multipart"]


@dataclass(frozen=True)
class Param:
    """One argument of a method, as the command line takes it."""

    name: str
    """The Python argument's name (the option is its kebab-case: ``--contact-list-id``)."""
    wire: str
    """Its name in the request: the path or query parameter, or the body member."""
    location: Literal["path", "query", "body"]
    kind: ParamKind
    required: bool
    """The method requires it (a body member may come from ``--data`` instead)."""
    argument: bool
    """A positional argument of the command (path parameters, and the method's positional
    query parameters); every other parameter is an option."""
    help: str = ""
    choices: tuple[str, ...] = ()
    """The closed set of values of a ``choice``."""
    known: tuple[str, ...] = ()
    """Values the spec knows of (``x-which50-known-values``), for a parameter that is not a
    closed set."""
    secret: bool = False
    """The value is a credential (a webhook key): prompted for without echo when it is
    missing on a terminal, and kept out of error messages and logs."""


@dataclass(frozen=True)
class Command:
    """One method of the clients: ``client.<method>(...)`` is ``which50 <path...>``."""

    path: tuple[str, ...]
    """The command's words below ``which50``: the resources, then the method, kebab-case."""
    method: str
    """Dotted, below the client: ``contact_lists.fields.list``."""
    operation_id: str
    http_method: str
    route: str
    summary: str
    source: str
    """The operation's provenance (``x-which50-source``)."""
    params: tuple[Param, ...]
    body: BodyKind | None = None
    """The request body's kind; a command with a body takes ``--data``."""
    body_schema: str | None = None
    many: bool = False
    """The answer is a list."""
    iterator: str | None = None
    """Dotted, below the client: the method that streams the same list item by item
    (``contact_lists.iter_contacts``). The command calls it instead of ``method``, so
    ``--output jsonl`` and ``json`` write each item as it arrives, in flat memory."""
    binary: bool = False
    """The answer is bytes."""
    hand_written: bool = False
    """The method is written by hand in `which50` (the command line brings its own command)."""
