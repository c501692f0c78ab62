"""Files stream to and from disk, and a download never writes outside its destination."""

from __future__ import annotations

import email.message
import errno
import os
import stat
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
import which50

from .conftest import Harness, json_response

BODY = b"Email,FirstName\n" + b"a@example.ie,Aoife\n" * 5000


def _file(body: bytes = BODY, disposition: str | None = None) -> httpx.Response:
    headers = {"Content-Type": "application/octet-stream"}
    if disposition is not None:
        headers["Content-Disposition"] = disposition
    return httpx.Response(200, content=body, headers=headers)


@pytest.mark.parametrize(
    ("disposition", "name"),
    [
        (None, "signups.csv"),
        ('attachment; filename="report.csv"', "report.csv"),
        ('attachment; filename="../../../etc/cron.d/evil"', "evil"),
        ('attachment; filename="..\\\\..\\\\win.ini"', "win.ini"),
        ('attachment; filename=".."', "signups.csv"),
        ("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.csv", "résumé.csv"),
    ],
)
def test_download_into_a_directory_stays_inside_it(
    harness: Harness, tmp_path: Path, disposition: str | None, name: str
) -> None:
    dest = tmp_path / "inbox"
    dest.mkdir()
    written = harness.call(
        lambda r: _file(disposition=disposition),
        lambda c: c.files.download("imports/2025/signups.csv", dest),
    )
    assert written == (dest / name).resolve()
    assert written.read_bytes() == BODY
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [name]
    assert harness.requests[0].url.params["filePath"] == "imports/2025/signups.csv"


def test_download_to_a_file_path(harness: Harness, tmp_path: Path) -> None:
    target = tmp_path / "copy.csv"
    written = harness.call(lambda r: _file(), lambda c: c.files.download("a/b.csv", target))
    assert written == target and target.read_bytes() == BODY


class _CutStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    def __iter__(self) -> Iterator[bytes]:
        yield BODY[:1000]
        raise httpx.ReadError("connection reset")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield BODY[:1000]
        raise httpx.ReadError("connection reset")


def test_a_download_cut_short_leaves_nothing_behind(harness: Harness, tmp_path: Path) -> None:
    with pytest.raises(which50.APIConnectionError, match="cut short"):
        harness.call(
            lambda r: httpx.Response(200, stream=_CutStream()),
            lambda c: c.files.download("a/b.csv", tmp_path),
        )
    assert list(tmp_path.iterdir()) == []


def test_a_missing_remote_file_raises_not_found(harness: Harness, tmp_path: Path) -> None:
    with pytest.raises(which50.NotFoundError):
        harness.call(
            lambda r: json_response(404, {"Message": "File not found"}),
            lambda c: c.files.download("nope.csv", tmp_path),
        )
    assert list(tmp_path.iterdir()) == []


def test_upload_streams_the_file(harness: Harness, tmp_path: Path) -> None:
    local = tmp_path / "signups.csv"
    local.write_bytes(BODY)
    uploaded = harness.call(
        lambda r: json_response(
            200, {"FilePath": "imports/signups.csv", "FileName": "signups.csv", "Size": len(BODY)}
        ),
        lambda c: c.files.upload(local, sub_folder="imports"),
    )
    assert uploaded.size == len(BODY) and uploaded.file_path == "imports/signups.csv"
    request = harness.requests[0]
    assert request.url.params["subFolder"] == "imports"
    body = request.read()
    assert b'filename="signups.csv"' in body and BODY in body
    assert b"Content-Type: application/octet-stream" in body


def _fifo(tmp_path: Path) -> Path:
    os.mkfifo(tmp_path / "fifo")
    return tmp_path / "fifo"


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "missing.csv"


def _folder(tmp_path: Path) -> Path:
    return tmp_path


def _device(tmp_path: Path) -> Path:
    return Path("/dev/null")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_missing, "No such file"),
        (_folder, "it is a folder"),
        (_fifo, "not a regular file"),
        (_device, "not a regular file"),
    ],
    ids=["missing", "folder", "fifo", "device"],
)
def test_upload_of_anything_but_a_regular_file_is_a_value_error(
    harness: Harness, tmp_path: Path, make: Callable[[Path], Path], message: str
) -> None:
    local = make(tmp_path)
    with pytest.raises(ValueError, match=message):
        harness.call(lambda r: json_response(200, {}), lambda c: c.files.upload(local))
    assert harness.requests == []


@pytest.mark.parametrize("name", ["report.csv", ".bashrc"])
def test_a_server_named_download_never_replaces_a_file(
    harness: Harness, tmp_path: Path, name: str
) -> None:
    (tmp_path / name).write_bytes(b"mine")
    with pytest.raises(which50.DownloadExistsError, match="overwrite=True") as caught:
        harness.call(
            lambda r: _file(disposition=f'attachment; filename="{name}"'),
            lambda c: c.files.download("a/b.csv", tmp_path),
        )
    assert isinstance(caught.value, FileExistsError) and caught.value.errno == errno.EEXIST
    assert (tmp_path / name).read_bytes() == b"mine"
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_overwrite_replaces_a_server_named_file(harness: Harness, tmp_path: Path) -> None:
    (tmp_path / "b.csv").write_bytes(b"mine")
    written = harness.call(
        lambda r: _file(), lambda c: c.files.download("a/b.csv", tmp_path, overwrite=True)
    )
    assert written.read_bytes() == BODY


def test_a_file_path_the_caller_names_is_replaced(harness: Harness, tmp_path: Path) -> None:
    target = tmp_path / "copy.csv"
    target.write_bytes(b"old")
    harness.call(lambda r: _file(), lambda c: c.files.download("a/b.csv", target))
    assert target.read_bytes() == BODY


def test_a_download_follows_the_umask(harness: Harness, tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        written = harness.call(lambda r: _file(), lambda c: c.files.download("a/b.csv", tmp_path))
    finally:
        os.umask(previous)
    assert stat.S_IMODE(written.stat().st_mode) == 0o640


def test_an_overlong_server_name_is_shortened(harness: Harness, tmp_path: Path) -> None:
    name = "é" * 300 + ".csv"
    written = harness.call(
        lambda r: _file(disposition=f"attachment; filename*=UTF-8''{quote(name)}"),
        lambda c: c.files.download("a/b.csv", tmp_path),
    )
    assert written.parent == tmp_path.resolve() and written.suffix == ".csv"
    assert len(written.name.encode()) <= 200 and written.read_bytes() == BODY


def _nowhere(tmp_path: Path) -> Path:
    return tmp_path / "no" / "such" / "dir" / "f.csv"


@pytest.mark.parametrize("dest", [_nowhere, _device])
def test_an_unusable_destination_is_refused_before_any_request(
    harness: Harness, tmp_path: Path, dest: Callable[[Path], Path]
) -> None:
    with pytest.raises(ValueError):
        harness.call(lambda r: _file(), lambda c: c.files.download("a/b.csv", dest(tmp_path)))
    assert harness.requests == []


def test_a_full_disk_is_a_local_file_error(
    harness: Harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "open", full)
    with pytest.raises(which50.LocalFileError, match="No space left") as caught:
        harness.call(lambda r: _file(), lambda c: c.files.download("a/b.csv", tmp_path))
    assert caught.value.errno == errno.ENOSPC and caught.value.method == "GET"
    assert list(tmp_path.iterdir()) == []


class _BadGzip(httpx.SyncByteStream, httpx.AsyncByteStream):
    def __iter__(self) -> Iterator[bytes]:
        yield b"this is not gzip"

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b"this is not gzip"


def test_a_download_that_does_not_decode_is_a_typed_error(harness: Harness, tmp_path: Path) -> None:
    with pytest.raises(which50.UnexpectedResponseError, match="does not decode"):
        harness.call(
            lambda r: httpx.Response(200, stream=_BadGzip(), headers={"Content-Encoding": "gzip"}),
            lambda c: c.files.download("a/b.csv", tmp_path),
        )
    assert list(tmp_path.iterdir()) == []


def test_read_and_delete(harness: Harness) -> None:
    assert harness.call(lambda r: _file(b"abc"), lambda c: c.files.read("a.txt")) == b"abc"
    assert harness.call(lambda r: _file(b""), lambda c: c.files.delete("a.txt")) == b""
    assert harness.requests[-1].method == "DELETE"
    assert harness.requests[-1].url.params["filePath"] == "a.txt"


def test_without_hard_links_a_server_named_file_still_never_replaces_one(
    harness: Harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    written = harness.call(lambda r: _file(), lambda c: c.files.download("a/b.csv", tmp_path))
    assert written.read_bytes() == BODY
    assert [p.name for p in tmp_path.iterdir()] == ["b.csv"]


def test_a_content_disposition_that_does_not_parse_falls_back_to_the_remote_name(
    harness: Harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: object, failobj: object = None) -> str:
        raise LookupError("unknown encoding: bogus")

    monkeypatch.setattr(email.message.Message, "get_filename", broken)
    written = harness.call(
        lambda r: _file(disposition="attachment; filename*=bogus''%FF%FE"),
        lambda c: c.files.download("a/b.csv", tmp_path),
    )
    assert written == (tmp_path / "b.csv").resolve()


def test_a_destination_that_is_a_fifo_is_refused(harness: Harness, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a regular file or a folder"):
        harness.call(lambda r: _file(), lambda c: c.files.download("a/b.csv", _fifo(tmp_path)))
    assert harness.requests == []
