"""Checking and encoding call arguments before any request is sent."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

__all__ = ["contact_id", "int_id", "json_problem", "match_values", "names", "text"]

MAX_JSON_DEPTH = 64
"""Nesting the API's .NET serializer reads by default (its `MaxDepth`); deeper is refused."""


def contact_id(value: str) -> str:
    """An encrypted contact id, checked. The generated code percent-encodes every path
    parameter (``quote(safe="")``), so ``/``, ``?``, ``#`` and ``%`` cannot change the route;
    ``.`` and ``..`` would, because URL resolution removes dot segments, so they are refused."""
    if not isinstance(value, str):
        raise TypeError(f"contact_id must be a str, not {type(value).__name__}")
    if not value.strip():
        raise ValueError("contact_id must not be empty")
    if value in (".", ".."):
        raise ValueError(f"contact_id {value!r} is not an id")
    return value


def int_id(name: str, value: int) -> int:
    """A numeric id (list, field, job, journey, ...), checked."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    return value


def text(name: str, value: str) -> str:
    """A required string argument, checked to be non-empty."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{name} must not be empty")
    return value


def names(name: str, values: Iterable[str] | None) -> list[str] | None:
    """Field or event names as the API expects them: one comma-separated query value.

    The generated client sends a list as repeated keys (it ignores the spec's
    ``explode: false``), so this returns a one-item list holding the joined names.
    """
    if values is None:
        return None
    if isinstance(values, str):
        raise TypeError(f"{name} must be a list of names, not a str")
    items = list(values)
    for item in items:
        text(name, item)
        if "," in item:
            raise ValueError(f"{name}: {item!r} contains a comma, which separates names")
    return [",".join(items)] if items else None


def match_values(values: Mapping[str, str | int]) -> tuple[list[str], dict[str, str]]:
    """PATCH matching: the field names for ``match`` and each field's value as a string."""
    if not values:
        raise ValueError("match needs at least one field and its value")
    encoded: dict[str, str] = {}
    for key, value in values.items():
        text("match field", key)
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise TypeError(f"match value for {key!r} must be a str or int")
        encoded[key] = str(value)
    joined = names("match", list(values))
    assert joined is not None
    return joined, encoded


def json_problem(value: object, depth: int = 0) -> str | None:
    """Why ``value`` cannot travel as JSON the API reads, or ``None``: NaN and infinities (not
    JSON), text with a lone surrogate (not UTF-8), nesting deeper than `MAX_JSON_DEPTH`."""
    if isinstance(value, float):
        return None if math.isfinite(value) else f"{value!r} is not a JSON number"
    if isinstance(value, str):
        if value.isascii():
            return None
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "text with a lone surrogate is not valid Unicode"
        return None
    if isinstance(value, Mapping | list | tuple):
        if depth >= MAX_JSON_DEPTH:
            return f"nested more than {MAX_JSON_DEPTH} deep"
        items = value.values() if isinstance(value, Mapping) else value
        for item in items:
            found = json_problem(item, depth + 1)
            if found is not None:
                return found
    return None
