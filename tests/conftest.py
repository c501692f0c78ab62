"""Shared fixtures: the spec, loaded once, and the reference data kept under tests/data/."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi" / "which50.yaml"
DATA = Path(__file__).resolve().parent / "data"

HTTP_METHODS = ("get", "put", "post", "patch", "delete", "head", "options", "trace")


@cache
def load_spec() -> dict[str, Any]:
    """The spec, parsed once per test run (also for module-level parametrisation)."""
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    return load_spec()


@pytest.fixture(scope="session")
def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(METHOD, path, operation) for every operation of the spec."""
    return [
        (method.upper(), path, op)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if method in HTTP_METHODS
    ]
