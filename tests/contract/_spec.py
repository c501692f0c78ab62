"""Small helpers to read the spec in tests."""

from __future__ import annotations

import re
from typing import Any

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


def snake(name: str) -> str:
    """camelCase to snake_case, as the generators name modules and fields."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()
