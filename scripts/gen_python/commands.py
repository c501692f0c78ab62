"""The `Surface` as the command table of the `which50` command line: `which50_resources.commands`.

One `Command` per method, named after it in kebab-case (``client.contact_lists.list_contacts``
is ``which50 contact-lists list-contacts``), with its arguments shaped for a command line:
path parameters (and the method's positional query parameters) are arguments, every other
parameter and body member is an option. The hand-written CLI builds its commands from this
table and nothing else, so a new operation becomes a command with `make generate`.
"""

from __future__ import annotations

import re
from pathlib import Path

from .model import Argument, Method, NamesError, Surface

CLI_TYPES = Path(__file__).with_name("cli_types.py")

# The argument checks of `runtime.py` (the start of a parameter's check expression), and how
# the command line reads the text for each.
KINDS = {
    "rt.integer": "int",
    "rt.text": "text",
    "rt.path_text": "text",
    "rt.boolean": "bool",
    "rt.choice": "choice",
    "rt.names": "names",
    "rt.pairs": "pairs",
    "rt.json_object": "object",
    "rt.mapping": "object",
    "rt.form_fields": "object",
    "rt.strings": "strings",
}
# Names of parameters whose values are credentials (webhook keys): kept out of errors and logs.
SECRET = re.compile(r"(password|secret|token|key)$")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(`])")


def kebab(name: str) -> str:
    return name.replace("_", "-")


def first_sentence(text: str) -> str:
    return SENTENCE_END.split(" ".join(text.split()), maxsplit=1)[0]


def _kind(check: str, annotation: str, where: str) -> str:
    if annotation.startswith("FileContent"):
        return "file"
    if check.startswith("[rt.json_object("):
        return "objects"
    found = KINDS.get(check.split("(", 1)[0])
    if found is None:
        raise NamesError(f"{where}: no command-line form for the argument check {check!r}")
    return found


def _param(
    surface: Surface,
    method: Method,
    location: str,
    wire: str,
    check: str,
    arg: Argument,
    *,
    argument: bool,
    doc: str,
    known: tuple[str, ...] = (),
) -> str:
    kind = _kind(check, arg.annotation, f"{method.operation_id} {wire}")
    choices: tuple[str, ...] = ()
    if kind == "choice":
        (lit,) = [lit for lit in surface.literals.values() if lit.alias in arg.annotation]
        choices = lit.values
    options = [
        f"{arg.name!r}",
        f"{wire!r}",
        f"{location!r}",
        f"{kind!r}",
        f"required={arg.required!r}",
        f"argument={argument!r}",
    ]
    if doc:
        options.append(f"help={first_sentence(doc)!r}")
    if choices:
        options.append(f"choices={choices!r}")
    if known:
        options.append(f"known={known!r}")
    if SECRET.search(arg.name):
        options.append("secret=True")
    return f"Param({', '.join(options)})"


def _params(surface: Surface, method: Method) -> list[str]:
    """The method's parameters in its signature's order."""
    by_name: dict[str, str] = {}
    for p in method.path_params:
        by_name[p.arg.name] = _param(
            surface, method, "path", p.wire, p.check, p.arg, argument=True, doc=p.doc, known=p.known
        )
    for q in method.query_params:
        by_name[q.arg.name] = _param(
            surface,
            method,
            "query",
            q.wire,
            q.check,
            q.arg,
            argument=q.arg.positional,
            doc=q.doc,
            known=q.known,
        )
    body = method.body
    if body is not None:
        whole = f"The request body: a JSON array of {body.schema} objects."
        for m in body.members:
            wire = m.wire or body.schema
            doc = m.doc or whole
            by_name[m.arg.name] = _param(
                surface, method, "body", wire, m.check, m.arg, argument=False, doc=doc
            )
    return [by_name[a.name] for a in method.arguments()]


def command_path(method: Method) -> tuple[str, ...]:
    return (*(kebab(part) for part in method.resource.split(".")), kebab(method.name))


def commands_module(surface: Surface, header: str) -> str:
    lines = [
        header,
        '"""Every method of `which50.Which50` as a command of the `which50` command line:\n'
        "``client.contact_lists.list_contacts(1042)`` is ``which50 contact-lists list-contacts\n"
        '1042``. Read by `which50._cli_app`, which builds the commands from it."""\n\n',
        "from __future__ import annotations\n\n",
        "from ._cli_types import Command, Param\n\n",
        '__all__ = ["COMMANDS", "GROUPS", "Command", "Param"]\n\n',
        "GROUPS: dict[tuple[str, ...], str] = {\n",
    ]
    for resource in surface.resources:
        doc = surface.resource_docs.get(resource) or f"The methods of `client.{resource}`."
        path = tuple(kebab(part) for part in resource.split("."))
        lines.append(f"    {path!r}: {first_sentence(doc)!r},\n")
    lines.append("}\n")
    lines.append('"""The command groups (the resources), with their help."""\n\n')
    lines.append("COMMANDS: tuple[Command, ...] = (\n")
    for m in surface.methods:
        fields = [
            f"path={command_path(m)!r}",
            f"method={m.dotted!r}",
            f"operation_id={m.operation_id!r}",
            f"http_method={m.http_method!r}",
            f"route={m.path!r}",
            f"summary={first_sentence(m.summary)!r}",
            f"source={m.source!r}",
            "params=(" + "".join(p + ", " for p in _params(surface, m)) + ")",
        ]
        if m.body is not None:
            fields += [f"body={m.body.kind!r}", f"body_schema={m.body.schema!r}"]
        if m.many:
            fields.append("many=True")
        if m.iterator is not None:
            fields.append(f"iterator={m.resource + '.' + m.iterator!r}")
        if m.model is None:
            fields.append("binary=True")
        if m.hand_written:
            fields.append("hand_written=True")
        lines.append("    Command(" + ", ".join(fields) + "),\n")
    lines.append(")\n")
    lines.append('"""One command per method, in the spec\'s order."""\n')
    return "".join(lines)


def cli_types_module(header: str) -> str:
    return header + CLI_TYPES.read_text(encoding="utf-8")
