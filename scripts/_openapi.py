"""Reading an OpenAPI document: references, operations, path templates."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

HTTP_METHODS = ("get", "put", "post", "patch", "delete", "head", "options", "trace")
PARAM = re.compile(r"\{[^}]+\}")


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow local `$ref`s until a node that is not a reference."""
    while "$ref" in node:
        ref: str = node["$ref"]
        assert ref.startswith("#/"), f"only local references are used: {ref}"
        target: Any = spec
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def wire_template(path: str) -> str:
    """A path with every parameter name blanked: what travels on the wire."""
    return PARAM.sub("{}", path)


def path_parameters(path: str) -> list[str]:
    """The names of a path template's parameters, in order."""
    return [name[1:-1] for name in PARAM.findall(path)]


def iter_operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(METHOD, path, operation) for every operation of the spec, in the spec's order."""
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            if method in HTTP_METHODS:
                yield method.upper(), path, op
