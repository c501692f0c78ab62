"""Running operations: the one seam between `which50` and the generated resources.

Every generated resource method (`which50_resources`) builds its request and hands it, with its
`Operation`, to `SyncRunner.run` or `AsyncRunner.run`. The request is sent through the
configured client, whose transport retries and raises the `which50` error for any non-2xx
status; the operation then parses the 2xx answer, and an answer that does not fit the spec is
`UnexpectedResponseError`, naming the member at fault (`_parse.py`).

One source for the twins: `AsyncRunner` is written in `_async/runner.py` and `SyncRunner` is
generated from it (scripts/unasync.py). The runner is nothing but its one awaited call, so
there is no sans-IO part to share beyond `Operation` and `_parse.parsed`.
"""

from __future__ import annotations

from ._async.runner import AsyncRunner
from ._sync.runner import SyncRunner

__all__ = ["AsyncRunner", "SyncRunner"]
