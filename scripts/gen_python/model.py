"""The spec and the names file (openapi/python.yaml), read into what the Python surface needs:
one `Method` per operation, on the resource the names put it on, with its arguments shaped.

Pure: nothing here writes a file. `render.py` turns the model into code and `api.md`.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field
from typing import Any

HTTP_METHODS = ("get", "put", "post", "patch", "delete")


class NamesError(ValueError):
    """The names file and the spec disagree (an unknown operation, a clash of names)."""


def snake(name: str) -> str:
    """``listContactEmails`` -> ``list_contact_emails``; ``$select`` -> ``select``."""
    name = name.lstrip("$")
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    found = name.lower()
    return f"{found}_" if keyword.iskeyword(found) else found


def camel_class(dotted: str) -> str:
    """``contact_lists.fields`` -> ``ContactListsFields``."""
    return "".join(part.title().replace("_", "") for part in dotted.split("."))


@dataclass(frozen=True)
class Argument:
    """One argument of a generated method."""

    name: str  # the Python name
    annotation: str  # its type, as written in the signature
    required: bool
    positional: bool
    default: str = "None"


@dataclass(frozen=True)
class PathParam:
    wire: str
    arg: Argument
    check: str  # the expression that checks and converts the argument (when it is given)
    doc: str = ""  # the spec's description
    known: tuple[str, ...] = ()  # the schema's x-which50-known-values


@dataclass(frozen=True)
class QueryParam:
    wire: str
    arg: Argument
    check: str
    sets: str | None = None  # this mapping's keys are also sent as that parameter
    doc: str = ""
    known: tuple[str, ...] = ()


@dataclass(frozen=True)
class BodyMember:
    wire: str
    arg: Argument
    check: str
    fill: str | None = None  # the path parameter that fills it when it is left out
    doc: str = ""


@dataclass
class Body:
    media_type: str
    kind: str  # "object", "array", "form", "multipart"
    schema: str
    members: list[BodyMember] = field(default_factory=list)
    item_fill: dict[str, str] = field(default_factory=dict)  # array items: member <- path param
    flattened: str | None = None  # form: the map member whose entries are form fields


@dataclass
class Method:
    operation_id: str
    http_method: str
    path: str
    resource: str  # dotted: contact_lists.fields
    name: str
    summary: str
    source: str
    returns: str  # the annotation
    model: str | None  # which50_models name of the answer, or None for bytes
    many: bool
    convert: str | None
    path_params: list[PathParam]
    query_params: list[QueryParam]
    body: Body | None
    hand_written: bool
    iterator: str | None = None  # the name of its streaming twin (see `Reader.iterator`)
    derived: dict[str, str] = field(default_factory=dict)  # query wire <- a mapping's keys
    positional: list[str] = field(default_factory=list)  # body arguments, in signature order
    typing_imports: set[str] = field(default_factory=set)  # which50_models names

    @property
    def key(self) -> str:
        """The name of its `Operation` in the generated table."""
        return snake(self.operation_id)

    @property
    def dotted(self) -> str:
        return f"{self.resource}.{self.name}"

    @property
    def item(self) -> str:
        """The annotation of one item of a bare-array answer (``list[X]`` -> ``X``)."""
        assert self.many and self.returns.startswith("list[")
        return self.returns.removeprefix("list[").removesuffix("]")

    def arguments(self) -> list[Argument]:
        """In signature order: positional (path, then body), then keyword-only, required
        first."""
        args = [p.arg for p in self.path_params]
        args += [q.arg for q in self.query_params if q.arg.positional]
        members = self.body.members if self.body else []
        args += sorted(
            (m.arg for m in members if m.arg.positional),
            key=lambda a: self.positional.index(a.name),
        )
        keyword_only = [q.arg for q in self.query_params if not q.arg.positional] + [
            m.arg for m in members if not m.arg.positional
        ]
        args += [a for a in keyword_only if a.required] + [
            a for a in keyword_only if not a.required
        ]
        return args


@dataclass
class Literals:
    """A closed set of string values (an enum schema), as a `Literal` alias."""

    alias: str
    values: tuple[str, ...]
    schema: str


@dataclass
class Surface:
    methods: list[Method]
    literals: dict[str, Literals]
    resources: list[str]  # dotted, parents before children
    models: list[str]  # the schemas of the spec: each is a `which50_models` class
    resource_docs: dict[str, str] = field(default_factory=dict)  # dotted -> its tag's description

    def children(self, resource: str) -> list[str]:
        depth = resource.count(".") + 1
        return [r for r in self.resources if r.startswith(resource + ".") and r.count(".") == depth]

    def top(self) -> list[str]:
        return [r for r in self.resources if "." not in r]

    def methods_of(self, resource: str) -> list[Method]:
        return [m for m in self.methods if m.resource == resource]


class Reader:
    """Reads the spec and the names file into a `Surface`."""

    def __init__(self, spec: dict[str, Any], names: dict[str, Any]) -> None:
        self.spec = spec
        self.names = names
        self.schemas: dict[str, Any] = spec["components"]["schemas"]
        self.literals: dict[str, Literals] = {}

    # ------------------------------------------------------------------------ references
    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            parts = node["$ref"].removeprefix("#/").split("/")
            found: Any = self.spec
            for part in parts:
                found = found[part]
            node = found
        return node

    @staticmethod
    def ref_name(node: dict[str, Any]) -> str | None:
        ref = node.get("$ref")
        return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None

    # ------------------------------------------------------------------------ names
    def tag_resource(self, tag: str) -> dict[str, Any]:
        """A tag's resource: its entry under `resources`, else the default, a top-level
        resource named after the tag in snake_case whose nouns are that name and its singular
        (`Segments` -> `segments`, nouns `segments` and `segment`)."""
        entry: dict[str, Any] | None = self.names.get("resources", {}).get(tag)
        if entry is not None:
            return entry
        path = snake(tag)
        if path.endswith("ies"):
            singular = path[: -len("ies")] + "y"
        elif path.endswith("s") and not path.endswith("ss"):
            singular = path[: -len("s")]
        else:
            singular = path
        return {"path": path, "nouns": list(dict.fromkeys([path, singular]))}

    def place(self, operation_id: str, tag: str) -> tuple[str, str, bool]:
        """(resource, method, hand_written) for an operation."""
        rule = self.tag_resource(tag)
        entry = self.names.get("operations", {}).get(operation_id)
        hand_written = False
        if isinstance(entry, dict):
            hand_written = bool(entry.get("hand_written", False))
            entry = entry.get("name")  # None: the default rule names it
        if isinstance(entry, str):
            resource, _, method = entry.rpartition(".")
            return resource, method, hand_written
        resource = rule["path"]
        words = snake(operation_id).split("_")
        for noun in rule.get("nouns", []):
            drop = noun.split("_")
            for start in range(1, len(words) - len(drop) + 1):
                if words[start : start + len(drop)] == drop:
                    words = words[:start] + words[start + len(drop) :]
                    break
            else:
                continue
            break
        return resource, "_".join(words), hand_written

    def arg_name(self, wire: str, operation_id: str) -> tuple[str, str | None]:
        """(Python name, the parameter this one's keys also set) of a path or query name: the
        operation's own entry first, then the file's."""
        entry = self.names.get("operations", {}).get(operation_id)
        own = entry.get("parameters", {}) if isinstance(entry, dict) else {}
        if wire in own:
            return own[wire], None
        entry = self.names.get("parameters", {}).get(wire)
        if isinstance(entry, dict):
            return entry.get("name", snake(wire)), entry.get("sets")
        if isinstance(entry, str):
            return entry, None
        return snake(wire), None

    def positional_query(self, wire: str) -> bool:
        """A required query parameter the names file makes positional (a file's path)."""
        entry = self.names.get("parameters", {}).get(wire)
        return isinstance(entry, dict) and bool(entry.get("positional", False))

    # ------------------------------------------------------------------------ types
    def literal(self, schema_name: str, schema: dict[str, Any]) -> Literals:
        aliases: dict[str, str] = self.names.get("literals", {})
        alias = aliases.get(schema_name, f"{schema_name}Value")
        found = self.literals.get(schema_name)
        if found is None:
            found = Literals(alias, tuple(schema["enum"]), schema_name)
            self.literals[schema_name] = found
        return found

    def scalar(self, name: str, node: dict[str, Any], *, path: bool) -> tuple[str, str]:
        """(annotation, check expression) of a parameter or member of a simple type."""
        ref = self.ref_name(node)
        schema = self.resolve(node)
        kind = schema.get("type")
        if kind == "string" and "enum" in schema and ref:
            lit = self.literal(ref, schema)
            return lit.alias, f"rt.choice({name!r}, {name}, {lit.alias.upper()}_VALUES)"
        if kind == "integer":
            width = schema.get("format", "int64")
            return "int", f"rt.integer({name!r}, {name}, {width!r})"
        if kind == "boolean":
            return "bool", f"rt.boolean({name!r}, {name})"
        if kind == "string":
            check = "rt.path_text" if path else "rt.text"
            return "str", f"{check}({name!r}, {name})"
        raise NamesError(f"{name}: no Python type for the schema {schema!r}")

    # ------------------------------------------------------------------------ operations
    def surface(self) -> Surface:
        unknown = set(self.names.get("iterate", {}).get("items", [])) - set(self.schemas)
        if unknown:
            raise NamesError(f"iterate: items names no schema of the spec: {sorted(unknown)}")
        methods: list[Method] = []
        for path, item in self.spec["paths"].items():
            shared = item.get("parameters", [])
            for http_method in HTTP_METHODS:
                if http_method in item:
                    methods.append(self.method(path, http_method, item[http_method], shared))
        seen: dict[str, str] = {}
        for method in methods:
            names = [method.dotted]
            if method.iterator is not None:
                names.append(f"{method.resource}.{method.iterator}")
            for dotted in names:
                if dotted in seen:
                    raise NamesError(
                        f"{method.operation_id} and {seen[dotted]} are both "
                        f"client.{dotted}: name one of them in openapi/python.yaml"
                    )
                seen[dotted] = method.operation_id
        resources: list[str] = []
        for method in methods:
            parts = method.resource.split(".")
            for depth in range(1, len(parts) + 1):
                dotted = ".".join(parts[:depth])
                if dotted not in resources:
                    resources.append(dotted)
        first_seen = {r: index for index, r in enumerate(resources)}
        resources.sort(key=lambda r: (r.count("."), first_seen[r]))
        clashes = {
            f"{parent}.{child.rsplit('.', 1)[-1]}"
            for parent in resources
            for child in resources
            if child.startswith(parent + ".") and child.count(".") == parent.count(".") + 1
        } & set(seen)
        if clashes:
            raise NamesError(f"a method and a sub-resource share a name: {sorted(clashes)}")
        # Every tag's resource, named in the names file or by the default rule alike.
        docs = {
            self.tag_resource(tag["name"])["path"]: tag.get("description", "")
            for tag in self.spec.get("tags", [])
        }
        return Surface(methods, self.literals, resources, sorted(self.schemas), docs)

    def method(self, path: str, http_method: str, op: dict[str, Any], shared: list[Any]) -> Method:
        operation_id = op["operationId"]
        (tag,) = op["tags"]
        resource, name, hand_written = self.place(operation_id, tag)
        params = [self.resolve(p) for p in [*shared, *op.get("parameters", [])]]
        order = re.findall(r"{(\w+)}", path)
        by_name = {p["name"]: p for p in params if p["in"] == "path"}
        path_params = [self.path_param(by_name[wire], operation_id) for wire in order]
        query_params = [self.query_param(p, operation_id) for p in params if p["in"] == "query"]
        # A mapping argument whose keys are also sent as another parameter (`sets`): that
        # parameter is not an argument of its own.
        derived = {q.sets: q.arg.name for q in query_params if q.sets}
        query_params = [q for q in query_params if q.wire not in derived]
        body = self.body(op, order) if "requestBody" in op else None
        positional = []
        if body is not None and body.kind != "array":
            rule = self.names.get("bodies", {}).get(body.schema, {})
            by_wire = {m.wire: m.arg.name for m in body.members}
            positional = [by_wire[w] for w in rule.get("positional", []) if w in by_wire]
        elif body is not None:
            positional = [body.members[0].arg.name]
        typing_imports: set[str] = set()
        returns, model, many, convert = self.answer(op, typing_imports)
        iterator = self.iterator(http_method, name, model, many and convert is None)
        for member in body.members if body else []:
            typing_imports |= set(re.findall(r"_models\.(\w+)", member.arg.annotation))
        return Method(
            operation_id=operation_id,
            http_method=http_method.upper(),
            path=path,
            resource=resource,
            name=name,
            summary=op.get("summary", "").strip(),
            source=op.get("x-which50-source", "documented"),
            returns=returns,
            model=model,
            many=many,
            convert=convert,
            path_params=path_params,
            query_params=query_params,
            body=body,
            hand_written=hand_written,
            iterator=iterator,
            derived=derived,
            positional=positional,
            typing_imports=typing_imports,
        )

    def iterator(self, http_method: str, name: str, model: str | None, many: bool) -> str | None:
        """The name of the streaming twin of a method, or ``None`` when it has none.

        A GET whose answer is a bare array that may be too long to hold (the API has no
        paging) gets one: an array of a schema listed under ``iterate: items`` in the names
        file (contacts), or of free-form records (an object schema with no properties). It is
        named after the method, ``list_`` made ``iter_`` (``iter_`` put first otherwise)."""
        if http_method != "get" or not many or model is None:
            return None
        schema = self.resolve(self.schemas[model])
        free_form = schema.get("type") == "object" and "properties" not in schema
        listed: list[str] = self.names.get("iterate", {}).get("items", [])
        if model not in listed and not free_form:
            return None
        return "iter_" + name.removeprefix("list_")

    def path_param(self, param: dict[str, Any], operation_id: str) -> PathParam:
        name, _ = self.arg_name(param["name"], operation_id)
        annotation, check = self.scalar(name, param["schema"], path=True)
        arg = Argument(name, annotation, True, True)
        return PathParam(param["name"], arg, check, *self.docs(param))

    def docs(self, param: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
        """(description, known values) of a parameter."""
        schema = self.resolve(param.get("schema", {}))
        known = param.get("schema", {}).get("x-which50-known-values") or schema.get(
            "x-which50-known-values", []
        )
        return " ".join(param.get("description", "").split()), tuple(known)

    def query_param(self, param: dict[str, Any], operation_id: str) -> QueryParam:
        name, sets = self.arg_name(param["name"], operation_id)
        schema = self.resolve(param["schema"])
        required = bool(param.get("required", False))
        if schema.get("type") == "array":
            annotation = "Sequence[str]"
            check = (
                f"rt.names({name!r}, {name}, required=True)"
                if required
                else (f"rt.names({name!r}, {name})")
            )
        elif schema.get("type") == "object":
            annotation = "Mapping[str, str | int]"
            check = f"rt.pairs({name!r}, {name})"
        else:
            annotation, check = self.scalar(name, param["schema"], path=False)
        if not required:
            annotation += " | None"
        positional = required and self.positional_query(param["name"])
        arg = Argument(name, annotation, required, positional)
        return QueryParam(param["name"], arg, check, sets, *self.docs(param))

    def body(self, op: dict[str, Any], path_order: list[str]) -> Body:
        ((media_type, content),) = op["requestBody"]["content"].items()
        node = content["schema"]
        rules: dict[str, Any] = self.names.get("bodies", {})
        if node.get("type") == "array":
            item = self.ref_name(node["items"])
            assert item is not None, "an array body of inline items"
            rule = rules.get(f"{item}[]", {})
            name = rule.get("name", "items")
            arg = Argument(name, f"Iterable[Mapping[str, Any] | _models.{item}]", True, True)
            item_fill: dict[str, str] = rules.get(item, {}).get("fill", {})
            check = f"[rt.json_object({name!r}, one) for one in {name}]"
            body = Body(media_type, "array", item, [BodyMember("", arg, check)])
            body.item_fill = {k: v for k, v in item_fill.items() if v in path_order}
            return body
        schema_name = self.ref_name(node)
        assert schema_name is not None, "an inline body schema"
        schema = self.resolve(node)
        rule = rules.get(schema_name, {})
        kind = {
            "application/json": "object",
            "application/x-www-form-urlencoded": "form",
            "multipart/form-data": "multipart",
        }[media_type]
        body = Body(media_type, kind, schema_name)
        required = set(schema.get("required", []))
        positional = list(rule.get("positional", []))
        fill: dict[str, str] = rule.get("fill", {})
        renamed: dict[str, str] = rule.get("names", {})
        encoding = content.get("encoding", {})
        members = []
        for wire, prop in schema.get("properties", {}).items():
            resolved = self.resolve(prop)
            if resolved.get("readOnly"):
                continue
            name = renamed.get(wire, snake(wire))
            annotation, check = self.member(name, prop, resolved)
            filled = fill.get(wire) if fill.get(wire) in path_order else None
            must = (wire in required or wire in positional) and filled is None
            if kind == "form" and encoding.get(wire, {}).get("explode"):
                body.flattened = wire
            if not must:
                annotation += " | None"
            arg = Argument(name, annotation, must, wire in positional)
            doc = " ".join((prop.get("description") or resolved.get("description", "")).split())
            members.append(BodyMember(wire, arg, check, filled, doc))
        body.members = members  # in the spec's order, which is the order they are sent in
        return body

    def member(self, name: str, node: dict[str, Any], schema: dict[str, Any]) -> tuple[str, str]:
        ref = self.ref_name(node)
        kind = schema.get("type")
        if ref and kind == "object" and "properties" in schema:
            return (
                f"Mapping[str, Any] | _models.{ref}",
                f"rt.json_object({name!r}, {name})",
            )
        if kind == "object":
            values = schema.get("additionalProperties")
            if isinstance(values, dict) and values.get("type") == "string":
                return "Mapping[str, str]", f"rt.form_fields({name!r}, {name})"
            return "Mapping[str, Any]", f"rt.mapping({name!r}, {name})"
        if kind == "array":
            return "Sequence[str]", f"rt.strings({name!r}, {name})"
        if kind == "string" and schema.get("format") == "binary":
            return "FileContent", name
        return self.scalar(name, node, path=False)

    def answer(
        self, op: dict[str, Any], imports: set[str]
    ) -> tuple[str, str | None, bool, str | None]:
        """(annotation, model, many, convert) of the 2xx answer."""
        ((media_type, content),) = op["responses"]["200"]["content"].items()
        if media_type != "application/json":
            return "bytes", None, False, None
        node = content["schema"]
        many = node.get("type") == "array"
        target = node["items"] if many else node
        model = self.ref_name(target)
        assert model is not None, "an inline answer schema"
        schema = self.resolve(target)
        answers: dict[str, Any] = self.names.get("answers", {})
        convert = None
        if model in answers:
            annotation, convert = answers[model]["type"], answers[model]["convert"]
        elif schema.get("type") == "object" and "properties" not in schema:
            annotation = "dict[str, Any]"  # a free-form record (a root model of a dict)
        elif schema.get("type") != "object":
            annotation = {"string": "str", "integer": "int", "boolean": "bool"}[schema["type"]]
        else:
            annotation = f"_models.{model}"
            imports.add(model)
        return (f"list[{annotation}]" if many else annotation), model, many, convert
