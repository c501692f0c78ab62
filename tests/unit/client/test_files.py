"""Files stream to and from disk, and a download never writes outside its destination."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

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


def test_upload_of_a_missing_file_sends_nothing(harness: Harness, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        harness.call(lambda r: json_response(200, {}), lambda c: c.files.upload(tmp_path / "x"))
    assert harness.requests == []


def test_read_and_delete(harness: Harness) -> None:
    assert harness.call(lambda r: _file(b"abc"), lambda c: c.files.read("a.txt")) == b"abc"
    assert harness.call(lambda r: httpx.Response(200), lambda c: c.files.delete("a.txt")) is None
    assert harness.requests[-1].method == "DELETE"
    assert harness.requests[-1].url.params["filePath"] == "a.txt"
