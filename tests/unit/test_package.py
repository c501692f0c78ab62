"""The distribution: one version, read from the spec."""

from __future__ import annotations

import importlib.metadata
import re

import which50

from tests.conftest import SPEC_PATH


def test_version_is_the_spec_version() -> None:
    match = re.search(r"(?m)^  version: (\S+)$", SPEC_PATH.read_text(encoding="utf-8"))
    assert match is not None
    assert which50.__version__ == match.group(1) == importlib.metadata.version("which50")


def test_public_names() -> None:
    assert which50.__all__ == ["__version__"]
