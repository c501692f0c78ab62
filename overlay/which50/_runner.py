"""Running operations: the one seam between `which50` and the generated code.

Every resource method ends in `SyncRunner.run` or `AsyncRunner.run` with an `Operation` (see
`_operation.py`): the request it builds is sent through the configured client, whose transport
retries and raises the `which50` error for any non-2xx status, and the operation parses the
answer.

One source for the twins: `AsyncRunner` is written in `_async/runner.py` and `SyncRunner` is
generated from it (scripts/unasync.py). The runner is nothing but its one awaited call, so
there is no sans-IO part to share beyond `Operation`, which builds the request and parses the
answer for both.
"""

from __future__ import annotations

from ._async.runner import AsyncRunner
from ._operation import Operation
from ._sync.runner import SyncRunner

__all__ = ["AsyncRunner", "Operation", "SyncRunner"]
