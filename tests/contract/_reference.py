"""Read the facts of tests/data/which50-api.md (a copy of shared/reference/which50-api.md).

The tests derive their expectations from the reference document itself, so a fact is written
down once, upstream, and never transcribed by hand into a test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tests.conftest import DATA

ROW = re.compile(r"^\|(.+)\|\s*$")


def _cells(line: str) -> list[str] | None:
    match = ROW.match(line.strip())
    if not match:
        return None
    return [cell.strip() for cell in match.group(1).split("|")]


@cache
def text() -> str:
    return (DATA / "which50-api.md").read_text(encoding="utf-8")


def section(heading: str) -> str:
    """The body of a `## heading` section, up to the next `## ` heading."""
    start = text().index(f"\n## {heading}\n")
    end = text().find("\n## ", start + 1)
    return text()[start : end if end != -1 else None]


@dataclass(frozen=True)
class Endpoint:
    number: int
    group: str
    method: str
    path: str
    page: str

    @property
    def source(self) -> str:
        """The x-which50-source value the page status stands for."""
        if self.page.startswith("Not found"):
            return "index-only"
        if self.page.startswith("Found (partial"):
            return "partial"
        assert self.page.startswith("Found"), self.page
        return "documented"


def endpoints() -> list[Endpoint]:
    """The rows of the reference's 'Endpoint summary' table."""
    rows = []
    for line in section("Endpoint summary").splitlines():
        cells = _cells(line)
        if cells and cells[0].isdigit():
            number, group, method, path, page = cells
            rows.append(Endpoint(int(number), group, method, path.strip("`"), page))
    return rows


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    xml_only: bool


def dtos() -> dict[str, list[Field]]:
    """Every DTO of the 'Schemas' section: heading name -> its field table (may be empty)."""
    result: dict[str, list[Field]] = {}
    current: str | None = None
    for line in section("Schemas").splitlines():
        if line.startswith("### "):
            current = line[4:].split(" (")[0].strip()
            result[current] = []
            continue
        cells = _cells(line)
        if current is None or not cells or cells[0] in ("Field", "---") or set(cells[0]) <= {"-"}:
            continue
        name = cells[0]
        xml_only = name.startswith("(") and name.endswith(")")
        result[current].append(Field(name.strip("()`"), cells[1], xml_only))
    return result
