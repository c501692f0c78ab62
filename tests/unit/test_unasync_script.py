"""scripts/unasync.py: the sync twins are the async sources with the table's tokens replaced, and
the check catches every way the two can part (run on a copy of the sources in a temp dir)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts import unasync

MARK = unasync.SOURCE_MARK

# One line of async source and its sync twin for every entry of the table, in its order.
EXAMPLES = [
    ("async def run(self) -> None:", "def run(self) -> None:"),
    ("async with client.stream() as response:", "with client.stream() as response:"),
    ("async for chunk in stream:", "for chunk in stream:"),
    ("return await self.http.request(**kwargs)", "return self.http.request(**kwargs)"),
    ("async def __aenter__(self) -> Self:", "def __enter__(self) -> Self:"),
    (
        "async def __aexit__(self, *exc: object) -> None:",
        "def __exit__(self, *exc: object) -> None:",
    ),
    ("def __aiter__(self) -> AsyncGenerator[T]:", "def __iter__(self) -> Generator[T]:"),
    ("return self.__aiter__().__anext__()", "return self.__iter__().__next__()"),
    ("stream = cast(AsyncIterable[bytes], s)", "stream = cast(Iterable[bytes], s)"),
    ("http: httpx.AsyncClient | None", "http: httpx.Client | None"),
    ("class T(httpx.AsyncBaseTransport):", "class T(httpx.BaseTransport):"),
    ("network = httpx.AsyncHTTPTransport(retries=0)", "network = httpx.HTTPTransport(retries=0)"),
    ("cast(httpx.AsyncByteStream, s)", "cast(httpx.SyncByteStream, s)"),
    ("class S(httpcore.AsyncNetworkStream):", "class S(httpcore.NetworkStream):"),
    ("class B(httpcore.AsyncNetworkBackend):", "class B(httpcore.NetworkBackend):"),
    ("self._inner.handle_async_request(request)", "self._inner.handle_request(request)"),
    ("for chunk in response.aiter_bytes(10):", "for chunk in response.iter_bytes(10):"),
    ("await self._http.aclose()", "self._http.close()"),
    ("class AsyncWhich50Core:", "class Which50Core:"),
    ("class AsyncWhich50(AsyncWhich50Core):", "class Which50(Which50Core):"),
    ("self._http = _AsyncHttpClient()", "self._http = _HttpClient()"),
    ("runner: AsyncRunner", "runner: SyncRunner"),
    ("transport=AsyncRetryTransport(network)", "transport=RetryTransport(network)"),
    ("return AsyncClientTransport(client)", "return ClientTransport(client)"),
    ("content = await _aread(response, body)", "content = _read(response, body)"),
    ("return _AsyncStream(inner)", "return _Stream(inner)"),
    ("backend = AsyncDeadlineBackend(inner)", "backend = DeadlineBackend(inner)"),
    ("workers = AsyncWorkers(4)", "workers = Workers(4)"),
    ("return AsyncItemIterator(http, items)", "return ItemIterator(http, items)"),
    ("lists: AsyncContactLists", "lists: ContactLists"),
    ("return await aimport_contacts(self, s)", "return import_contacts(self, s)"),
    ("class AsyncFiles(AsyncFilesResource):", "class Files(FilesResource):"),
    ("await _retry.asleep(delay)", "_retry.sleep(delay)"),
]


def test_every_entry_of_the_table_has_its_example() -> None:
    used: set[int] = set()
    for before, after in EXAMPLES:
        assert unasync.unasync_line(before, used) == after
    assert used == set(range(len(unasync.SUBSTITUTIONS)))


@pytest.mark.parametrize(
    "line",
    [
        "xaclose()",  # a longer name
        "self.aclose_all()",
        "my_asleep(1)",
        "AsyncWhich50Corex",
        "awaited = 1",
        "class NotAsyncRunner:",
    ],
)
def test_only_whole_words_are_replaced(line: str) -> None:
    assert unasync.unasync_line(line) == line


def test_await_before_a_parenthesis_goes_too() -> None:
    assert unasync.unasync_line("x = await (await f())()") == "x = (f())()"


def test_strings_and_comments_are_replaced_alike() -> None:
    line = '"""Use ``async with``, or call `aclose()`."""  # AsyncWhich50'
    assert unasync.unasync_line(line) == '"""Use ``with``, or call `close()`."""  # Which50'


def test_a_source_maps_line_for_line_under_the_stamp() -> None:
    source = MARK + "async def f() -> None:\n    await g()\n"
    out = unasync.unasync_source(source, "overlay/which50/_async/m.py")
    assert out.splitlines() == [
        "# Generated from overlay/which50/_async/m.py by scripts/unasync.py: do not edit.",
        "def f() -> None:",
        "    g()",
    ]


def test_a_source_without_the_mark_is_refused() -> None:
    with pytest.raises(unasync.UnasyncError, match=r"m\.py: the first line must be"):
        unasync.unasync_source("async def f() -> None: ...\n", "m.py")


def test_an_async_name_without_an_entry_is_refused() -> None:
    source = MARK + "async def f(x: AsyncThing) -> None:\n    import asyncio\n"
    with pytest.raises(unasync.UnasyncError) as caught:
        unasync.unasync_source(source, "m.py")
    assert "line 2: AsyncThing" in str(caught.value)
    assert "line 3: asyncio" in str(caught.value)
    assert "add them to SUBSTITUTIONS" in str(caught.value)


def test_async_words_in_strings_and_comments_are_left_alone() -> None:
    source = MARK + '"""The async twin: AsyncThing."""\nx = 1  # asyncio, AsyncThing\n'
    assert unasync.unasync_source(source, "m.py").endswith(source[len(MARK) :])


# --- the tree, on a copy in a temp dir ------------------------------------------------------


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the real sources and their committed sync twins."""
    for folder in (unasync.SOURCE, unasync.TARGET):
        shutil.copytree(
            unasync.ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    return tmp_path


def _snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.relative_to(root).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Run ``--check``; it must never write."""
    before = _snapshot(root)
    status = unasync.main(["--check", "--root", str(root)])
    assert _snapshot(root) == before
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def test_the_committed_twins_are_current(capsys: pytest.CaptureFixture[str]) -> None:
    assert unasync.main(["--check"]) == 0
    assert "is exactly what scripts/unasync.py makes" in capsys.readouterr().out


def test_a_fresh_copy_passes_the_check(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _check(root, capsys) == (
        0,
        "check: overlay/which50/_sync/ is exactly what scripts/unasync.py makes from "
        "overlay/which50/_async/.\n",
    )


def test_an_async_source_changed_without_regenerating_fails_with_a_diff(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = root / unasync.SOURCE / "importer.py"
    text = source.read_text()
    assert "settings.acknowledged(await workers.stop(), report=False)" in text
    source.write_text(
        text.replace("settings.acknowledged(await workers.stop(), report=False)", "pass")
    )
    status, out = _check(root, capsys)
    assert status == 1
    assert "--- overlay/which50/_sync/importer.py (on disk)" in out
    assert "+++ overlay/which50/_sync/importer.py (from overlay/which50/_async/importer.py)" in out
    assert "-            settings.acknowledged(workers.stop(), report=False)" in out
    assert "+            pass" in out
    assert "Change the async source, then run `make unasync`" in out


def test_a_hand_edit_of_a_sync_twin_fails(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    twin = root / unasync.TARGET / "transport.py"
    twin.write_text(twin.read_text().replace("_retry.sleep(delay)", "_retry.sleep(delay / 2)"))
    status, out = _check(root, capsys)
    assert status == 1
    assert (
        "-            _retry.sleep(delay / 2)" in out and "+            _retry.sleep(delay)" in out
    )


def test_missing_and_extra_sync_files_fail(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / unasync.TARGET / "runner.py").unlink()
    (root / unasync.TARGET / "extra.py").write_text("x = 1\n")
    status, out = _check(root, capsys)
    assert status == 1
    assert "Missing from overlay/which50/_sync/: runner.py" in out
    assert "Only in overlay/which50/_sync/ (no source in overlay/which50/_async/" in out
    assert "extra.py" in out


def test_writing_brings_the_tree_back_and_removes_leftovers(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fresh = _snapshot(root / unasync.TARGET)
    (root / unasync.TARGET / "runner.py").write_text("edited\n")
    (root / unasync.TARGET / "extra.py").write_text("x = 1\n")
    assert unasync.main(["--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "wrote overlay/which50/_sync/runner.py" in out
    assert "deleted overlay/which50/_sync/extra.py (no source)" in out
    assert {name: data for name, (data, _) in _snapshot(root / unasync.TARGET).items()} == {
        name: data for name, (data, _) in fresh.items()
    }
    assert _check(root, capsys)[0] == 0


def test_a_table_entry_no_source_uses_fails(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / unasync.SOURCE / "deadline.py").unlink()  # the only user of four entries
    status, out = _check(root, capsys)
    assert status == 1
    assert "entries of SUBSTITUTIONS that no source uses: 'httpcore.AsyncNetworkStream'" in out
    assert "'_AsyncStream', 'AsyncDeadlineBackend'; remove them from scripts/unasync.py" in out


def test_make_check_runs_the_check() -> None:
    script = (unasync.ROOT / "scripts" / "check.sh").read_text()
    assert script.startswith("#!/usr/bin/env bash") and "set -euo pipefail" in script
    assert '"$py/python" scripts/unasync.py --check\n' in script
