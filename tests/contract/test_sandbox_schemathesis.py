"""Schemathesis 4.32.5 against the running sandbox: every response must conform to the spec.

The fast, seeded profile of scripts/sandbox_contract.py (`make fuzz` runs the deep one). The
excluded checks, with their reasons, are in `EXCLUDED_CHECKS` there.
"""

from __future__ import annotations

import re

from scripts import sandbox_contract
from scripts._openapi import iter_operations
from tests.conftest import load_spec


def test_schemathesis_finds_no_failure_against_the_sandbox() -> None:
    proc = sandbox_contract.run("fast")
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    tested = re.search(r"Tested: (\d+)", output)
    # every operation of the spec was tested, however many it has
    assert tested is not None and int(tested.group(1)) == len(list(iter_operations(load_spec())))
    assert re.search(r"(\d+) generated, \1 passed", output), output
