"""The account's file folder: upload, download (to disk and into memory) and delete, recorded.

Covers uploadFile, downloadFile (`files.download` streams to disk, `files.read` returns bytes)
and deleteFile. Local files are written under `tmp_path` with fixed names and contents; only
the file name goes into a request (in the multipart body), never the temporary folder.

The contents are UTF-8 text: recordings go through Prism, which does not pass bytes that are
not UTF-8 through unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import which50
from which50.types import UploadedFile

from .conftest import Fresh, Twin

FOLDER = "recorded/files"
NAME = "newsletter-signups.csv"
CONTENT = (
    "Email,FirstName,LastName,City\n"
    "roisin.quinn@example.ie,Róisín,Quinn,Galway\n"
    "sean.obrien@example.ie,Seán,O'Brien,Cork\n"
).encode()


def _local(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def test_file_round_trip(twin: Twin, tmp_path: Path, fresh: Fresh) -> None:
    """Upload, read, download and delete one file: the same bytes all the way, then gone."""
    folder = fresh.text(FOLDER)
    local = _local(tmp_path, NAME, CONTENT)
    uploaded = twin.call(lambda c: c.files.upload(local, sub_folder=folder))
    assert isinstance(uploaded, UploadedFile)
    assert uploaded.file_name == NAME
    assert uploaded.file_path == f"{folder}/{NAME}"
    assert uploaded.size == len(CONTENT)
    remote = f"{folder}/{NAME}"
    assert twin.call(lambda c: c.files.read(remote)) == CONTENT
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    copy = twin.call(lambda c: c.files.download(remote, inbox))
    assert copy == (inbox / NAME).resolve()
    assert copy.read_bytes() == CONTENT
    assert sorted(p.name for p in inbox.iterdir()) == [NAME], "no partial file is left behind"
    assert twin.call(lambda c: c.files.delete(remote)) == b""
    with pytest.raises(which50.NotFoundError):
        twin.call(lambda c: c.files.read(remote))


def test_upload_file_without_a_folder_goes_to_the_root(
    twin: Twin, tmp_path: Path, fresh: Fresh
) -> None:
    content = b"Exported by the recorded tests.\n"
    root_name = fresh.text("recorded-root") + ".txt"
    local = _local(tmp_path, root_name, content)
    uploaded = twin.call(lambda c: c.files.upload(local))
    assert (uploaded.file_path, uploaded.file_name) == (root_name, root_name)
    assert uploaded.size == len(content)
    assert twin.call(lambda c: c.files.read(root_name)) == content


def test_download_file_to_a_file_path(
    client: which50.Which50, tmp_path: Path, fresh: Fresh
) -> None:
    """A destination that is not a folder is the file written, whatever the remote name."""
    folder = fresh.text(FOLDER)
    remote = f"{folder}/{NAME}"
    client.files.upload(_local(tmp_path, NAME, CONTENT), sub_folder=folder)
    dest = tmp_path / "copy-of-signups.csv"
    written = client.files.download(remote, dest)
    assert written == dest
    assert dest.read_bytes() == CONTENT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy-of-signups.csv", NAME]


def test_download_file_streams_a_file_of_several_chunks(
    client: which50.Which50, tmp_path: Path, fresh: Fresh
) -> None:
    """A file larger than one read chunk (64 KiB) arrives whole and in order."""
    folder = fresh.text(FOLDER)
    rows = "".join(f"signup{n:05d}@example.ie,Róisín,Quinn,Galway\n" for n in range(1500))
    content = ("Email,FirstName,LastName,City\n" + rows).encode()
    assert len(content) > 64 * 1024
    uploaded = client.files.upload(
        _local(tmp_path, "signups-large.csv", content), sub_folder=folder
    )
    assert uploaded.size == len(content)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    copy = client.files.download(f"{folder}/signups-large.csv", inbox)
    assert copy.read_bytes() == content


def test_delete_file_removes_only_that_file(
    client: which50.Which50, tmp_path: Path, fresh: Fresh
) -> None:
    folder = fresh.text(FOLDER)
    kept, gone = b"kept\n", b"deleted\n"
    client.files.upload(_local(tmp_path, "kept.txt", kept), sub_folder=folder)
    client.files.upload(_local(tmp_path, "deleted.txt", gone), sub_folder=folder)
    assert client.files.read(f"{folder}/deleted.txt") == gone
    client.files.delete(f"{folder}/deleted.txt")
    with pytest.raises(which50.NotFoundError):
        client.files.read(f"{folder}/deleted.txt")
    assert client.files.read(f"{folder}/kept.txt") == kept
