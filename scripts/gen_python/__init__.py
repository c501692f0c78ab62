"""The Python surface derived from the spec: `which50_resources` and `api.md`.

    build(out / "which50_resources", spec, names) -> the text of api.md

`scripts/generate.py` calls it inside its temp output, formats the package with ruff, and
stamps it, so `make check` compares it with the tree like the rest of generated/. The names
file, openapi/python.yaml, says where each operation lives and how its arguments are shaped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .model import NamesError, Reader, Surface
from .render import api_md, modules

__all__ = ["NamesError", "Surface", "build", "surface"]


def surface(spec: dict[str, Any], names: dict[str, Any]) -> Surface:
    return Reader(spec, names).surface()


def build(out: Path, spec: dict[str, Any], names: dict[str, Any]) -> str:
    """Write the package into ``out`` (which must not exist); return api.md's text."""
    found = surface(spec, names)
    out.mkdir(parents=True)
    for name, text in modules(found).items():
        (out / name).write_text(text, encoding="utf-8")
    return api_md(found)
