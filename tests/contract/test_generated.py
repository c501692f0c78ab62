"""The generated packages have the shape the overlay relies on."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path
from typing import Any

import which50_client.api

from ._spec import snake

Operation = tuple[str, str, dict[str, Any]]


def endpoint_modules() -> dict[str, str]:
    """Module name -> tag package, for every module under which50_client.api."""
    found: dict[str, str] = {}
    root = Path(which50_client.api.__file__).parent
    for tag in pkgutil.iter_modules([str(root)]):
        for module in pkgutil.iter_modules([str(root / tag.name)]):
            assert module.name not in found, f"{module.name} is generated twice"
            found[module.name] = tag.name
    return found


def test_one_module_per_operation_id(operations: list[Operation]) -> None:
    expected = {snake(op["operationId"]) for _, _, op in operations}
    assert set(endpoint_modules()) == expected


def test_every_module_has_the_four_entry_points(operations: list[Operation]) -> None:
    modules = endpoint_modules()
    for _, _, op in operations:
        name = snake(op["operationId"])
        module = importlib.import_module(f"which50_client.api.{modules[name]}.{name}")
        for entry in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
            assert callable(getattr(module, entry)), f"{name}.{entry}"


def test_modules_sit_under_their_tag(operations: list[Operation]) -> None:
    modules = endpoint_modules()
    for _, _, op in operations:
        (tag,) = op["tags"]
        assert modules[snake(op["operationId"])] == snake(tag)


def test_every_package_is_typed() -> None:
    import which50
    import which50_models

    for package in (which50, which50_client, which50_models):
        assert package.__file__ is not None
        assert (Path(package.__file__).parent / "py.typed").is_file()
