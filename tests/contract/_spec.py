"""Small helpers to read the spec in tests."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from scripts._openapi import PARAM, resolve, wire_template

__all__ = [
    "example_path",
    "find_operations",
    "resolve",
    "snake",
    "split_index_path",
    "wire_template",
]


def split_index_path(path: str) -> tuple[str, set[str]]:
    """An index line's path -> (route, query names).

    `files?filePath={filePath}&download={download}` -> (`/files`, {filePath, download}).
    """
    route, _, query = path.partition("?")
    names = {pair.split("=", 1)[0] for pair in query.split("&") if pair}
    return "/" + route, names


def find_operations(
    operations: list[tuple[str, str, dict[str, Any]]], method: str, index_path: str
) -> list[tuple[str, dict[str, Any]]]:
    """The (path, operation) pairs serving an index line's method and path.

    Literal segments are compared without regard to case, so that a spec path that differs
    from upstream only in letter case is still found, and a test can then say so.
    """
    route = wire_template(split_index_path(index_path)[0]).lower()
    return [
        (path, op)
        for op_method, path, op in operations
        if op_method == method and wire_template(path).lower() == route
    ]


def snake(name: str) -> str:
    """camelCase to snake_case, as the generators name modules and fields."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def example_path(spec: dict[str, Any], path: str, parameters: Iterable[Mapping[str, Any]]) -> str:
    """`path` with each path parameter set to its example, else to its schema's first enum
    value or example, else to 1. `parameters` are the operation's (references allowed)."""
    by_name = {}
    for param in parameters:
        param = resolve(spec, dict(param))
        if param["in"] == "path":
            by_name[param["name"]] = param

    def value(match: re.Match[str]) -> str:
        param = by_name[match.group()[1:-1]]
        if "example" in param:
            return str(param["example"])
        schema = resolve(spec, param["schema"])
        return str(schema["enum"][0] if "enum" in schema else schema.get("example", 1))

    return PARAM.sub(value, path)
