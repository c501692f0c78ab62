"""Which operations of the spec the sandbox answers from its state, and which from examples.

    python -m scripts.sandbox_operations     # the counts, then CONTRIBUTING.md's table

An operation is stateful when a hand-written route of `which50_sandbox` serves it; every other
operation of the spec is example-backed (`which50_sandbox._fallback`). CONTRIBUTING.md's sandbox
section holds the table this prints, between the `STATEFUL_START` and `STATEFUL_END` markers,
and tests/unit/sandbox/test_fallback.py checks that it is current.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

from which50_sandbox import _app, _fallback

STATEFUL_START = "<!-- stateful operations: `python -m scripts.sandbox_operations` -->"
STATEFUL_END = "<!-- end of stateful operations -->"


def served(spec: Mapping[str, Any]) -> tuple[list[_fallback.Operation], list[_fallback.Operation]]:
    """(stateful, example-backed) operations of `spec`, each in the spec's order."""
    stateful_ids = {op.operation_id for op in _fallback.handled(spec, _app.stateful_routes())}
    every = _fallback.operations(spec)
    return (
        [op for op in every if op.operation_id in stateful_ids],
        [op for op in every if op.operation_id not in stateful_ids],
    )


def stateful_table(stateful: list[_fallback.Operation]) -> str:
    """CONTRIBUTING.md's table: the stateful operations by tag, in the spec's order."""
    by_tag: dict[str, list[str]] = {}
    for op in stateful:
        by_tag.setdefault(op.tag, []).append(f"`{op.operation_id}`")
    rows = [f"| {tag} | {', '.join(ids)} |" for tag, ids in by_tag.items()]
    return "\n".join(["| tag | stateful operations (hand-written) |", "|---|---|", *rows])


def main() -> int:
    spec = _fallback.packaged_spec()
    stateful, examples = served(spec)
    print(
        f"{len(stateful) + len(examples)} operations in the spec: {len(stateful)} stateful "
        f"(hand-written routes), {len(examples)} example-backed"
    )
    for op in examples:
        print(f"  example-backed: {op.method} {op.path} ({op.operation_id})")
    print()
    print(STATEFUL_START, stateful_table(stateful), STATEFUL_END, sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
