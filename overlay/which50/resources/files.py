"""`client.files`: the account's FTP folder. Uploads and downloads stream to and from disk.

One source for the twins: `AsyncFiles` is written in `which50/_async/files.py` and `Files` is
generated from it (scripts/unasync.py), since the two differ only in ``await`` and in how the
download's body is iterated (``async for ... aiter_bytes``). What a download does on the local
disk is shared, with no I/O on the network, in `which50._download` (`Download`).
"""

from __future__ import annotations

from .._async.files import AsyncFiles
from .._sync.files import Files

__all__ = ["AsyncFiles", "Files"]
