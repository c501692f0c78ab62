"""The public surface is exactly what `__all__` lists, and it imports lazily."""

from __future__ import annotations

import subprocess
import sys
import types as pytypes
from typing import Any, get_args

import which50
import which50.types
import which50_models


def test_all_is_exactly_the_public_names() -> None:
    public = {
        name
        for name, value in vars(which50).items()
        if not name.startswith("_") and not isinstance(value, pytypes.ModuleType)
    }
    assert set(which50.__all__) == public | {"__version__"}
    assert len(which50.__all__) == len(set(which50.__all__))


def test_types_re_exports_every_model_and_the_closed_value_sets() -> None:
    models = {
        name
        for name, value in vars(which50_models).items()
        if isinstance(value, type)
        and value.__module__ == which50_models.__name__
        and name.isidentifier()
    }
    assert set(which50.types.__all__) == models | {"EmailState", "LandingPageState", "FileContent"}
    assert which50.types.Contact is which50_models.Contact


def test_the_closed_value_sets_are_the_specs_enums(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    assert get_args(which50.types.EmailState) == tuple(schemas["EmailReportState"]["enum"])
    assert get_args(which50.types.LandingPageState) == tuple(
        schemas["LandingPageReportState"]["enum"]
    )


def test_importing_which50_loads_neither_pydantic_nor_the_raw_client() -> None:
    """The models load at the first answer that needs them; the raw generated client never
    (`which50` builds its requests from the spec-derived `which50_resources`)."""
    code = (
        "import sys, which50; "
        "print(sorted(m for m in sys.modules if m.startswith('which50_client') "
        "or m.startswith('pydantic') or m == 'which50_models'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
