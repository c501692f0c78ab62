"""Files: uploads and downloads stream to and from disk."""

from __future__ import annotations

import tempfile
from pathlib import Path

import which50

with tempfile.TemporaryDirectory() as scratch, which50.Which50() as client:
    local = Path(scratch) / "prices.csv"
    local.write_text("Sku,Price\nA-1,9.99\n", encoding="utf-8")

    uploaded = client.files.upload(local, sub_folder="imports")
    print("stored at", uploaded.file_path, uploaded.size, "bytes")

    inbox = Path(scratch) / "inbox"
    inbox.mkdir()
    # Into a directory: named after the server's suggestion, cleaned so it cannot escape.
    copy = client.files.download(str(uploaded.file_path), inbox)
    print("downloaded to", copy, copy.read_text(encoding="utf-8") == local.read_text("utf-8"))

    client.files.delete(str(uploaded.file_path))
