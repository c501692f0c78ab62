"""Bulk import: ``contact_lists.import_contacts`` of either client, and what it is built on.

The driver (the steps, and what happens when an import is interrupted: see
`which50/_async/importer.py`) is written once, async, and `import_contacts` is generated from
`aimport_contacts` by scripts/unasync.py. The two twins once drifted (the sync driver recorded
the batches in flight when interrupted, the async one cancelled them); with one text they
cannot. What cannot be one text is how sends run side by side, tasks or threads: that is
`_workers` (`AsyncWorkers`, `Workers`), two small classes with the same methods, written by
hand. What needs no I/O is shared as is: the arguments and counts, the send budget, the job
watch (`_import_state`), and the rows, batches and checkpoint (`_bulk`).
"""

from __future__ import annotations

from ._async.importer import aimport_contacts
from ._import_state import ImportSettings, ProgressCallback
from ._import_state import _acknowledge as _acknowledge
from ._sync.importer import import_contacts

__all__ = ["ImportSettings", "ProgressCallback", "aimport_contacts", "import_contacts"]
