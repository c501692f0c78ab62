"""The command line's conventions against `httpx.MockTransport`: configuration and its
precedence, secrets, output forms, raw access, errors and exit codes, completion, colour, and
the `cli` extra."""

from __future__ import annotations

import base64
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

import httpx
import pytest
import typer
from which50 import _cli_app
from which50._cli import INSTALL_HINT, main
from which50._cli_args import RESERVED_FLAGS
from which50._cli_output import BinaryToTerminalError, emit, write_bytes
from which50_resources.commands import Command, Param

from .conftest import BASE, TOKEN
from .test_cli_commands import Recorder, connect_to, run

LIST = {"Id": 1042, "Name": "Newsletter", "Count": 2}
CONTACTS = [
    {"EncContactId": "Q2w5", "ListId": 1042, "Values": {"Email": "a@example.ie", "City": "Cork"}},
    {"EncContactId": "Zx9y", "ListId": 1042, "Values": {"Email": "b@example.ie"}},
]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@dataclass
class Terminal:
    """stdin is a terminal; each prompt takes the next of ``answers`` (none left: Ctrl-C)."""

    answers: list[str] = field(default_factory=list)
    asked: list[tuple[str, bool]] = field(default_factory=list)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Terminal:
    found = Terminal()

    def prompt(text: str, hide_input: bool = False) -> str:
        found.asked.append((text, hide_input))
        if not found.answers:
            raise typer.Abort
        return found.answers.pop(0)

    monkeypatch.setattr(typer, "prompt", prompt)
    monkeypatch.setattr(sys, "stdin", _Terminal())
    return found


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    found = Recorder(httpx.Response(200, json=CONTACTS))
    connect_to(monkeypatch, found)
    return found


# --- configuration --------------------------------------------------------------------------


def test_flags_beat_the_environment(recorder: Recorder) -> None:
    code, _, _ = run(
        "contact-lists", "list-contacts", "1042",
        "--base-url", "http://other.test/Which50API", "--token", "flag-token",
    )  # fmt: skip
    assert code == 0
    (request,) = recorder.requests
    assert str(request.url) == "http://other.test/Which50API/contactLists/1042/contacts"
    assert request.headers["Authorization"] == "Bearer flag-token"


def test_the_environment_serves_when_no_flag_is_given(recorder: Recorder) -> None:
    assert run("contact-lists", "list-contacts", "1042")[0] == 0
    (request,) = recorder.requests
    assert str(request.url).startswith(BASE)
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"


def test_basic_credentials_from_flags_beat_a_token_in_the_environment(recorder: Recorder) -> None:
    recorder.answer = httpx.Response(200, json=CONTACTS[0])
    assert run("contacts", "get", "Q2w5", "--username", "ann", "--password", "pw")[0] == 0
    (request,) = recorder.requests
    assert request.headers["Authorization"] == "Basic " + base64.b64encode(b"ann:pw").decode()


def test_a_missing_password_is_prompted_for_on_a_terminal(
    recorder: Recorder, terminal: Terminal, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal.answers = ["typed-secret"]
    monkeypatch.delenv("WHICH50_TOKEN")
    assert run("contact-lists", "list-contacts", "1042", "--username", "ann")[0] == 0
    assert terminal.asked == [("Password for ann", True)]
    (request,) = recorder.requests
    expected = base64.b64encode(b"ann:typed-secret").decode()
    assert request.headers["Authorization"] == f"Basic {expected}"


def test_a_token_in_the_environment_beats_a_username_there_and_asks_nothing(
    recorder: Recorder, terminal: Terminal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WHICH50_USERNAME", "ann")
    assert run("contact-lists", "list-contacts", "1042")[0] == 0
    assert terminal.asked == []
    assert recorder.requests[0].headers["Authorization"] == f"Bearer {TOKEN}"


def test_no_credentials_is_one_line_before_any_request(
    recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WHICH50_TOKEN")
    code, out, err = run("contact-lists", "list-contacts", "1042")
    assert (code, out, recorder.requests) == (2, "", [])
    assert err == (
        "which50: no credentials: pass --token (or --username and --password), or set "
        "WHICH50_TOKEN (or WHICH50_USERNAME and WHICH50_PASSWORD).\n"
    )


def test_timeout_and_max_retries_reach_the_client(
    recorder: Recorder, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    recorder.answer = httpx.Response(503, json={"Message": "busy"})
    code, _, err = run("contact-lists", "get", "1042", "--max-retries", "3", "--timeout", "9")
    assert code == 2 and err.startswith("which50.InternalServerError: GET ")
    assert len(recorder.requests) == 4  # the first try and three retries
    assert recorder.requests[0].extensions["timeout"]["read"] <= 9


# --- secrets ----------------------------------------------------------------------------------


def test_secrets_appear_in_no_error_and_no_verbose_log(
    recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    token, key = "tok-flag-7f3e91", "whk-8c2d55aa"
    # A server that echoes what it was sent, in the body of its error.
    recorder.answer = httpx.Response(400, json={"Message": f"bad key {key} for {token}"})
    code, out, err = run(
        "webhooks", "update-api-key", "--api-key", key, "--token", token, "--verbose"
    )
    assert code == 2
    assert err.splitlines()[-1].startswith("which50.BadRequestError: PUT ")
    assert f"PUT {BASE}/webhook/apikey -> 400 in " in err  # the --verbose log line
    for secret in (token, key):
        assert secret not in out + err
    assert json.loads(recorder.requests[0].read()) == {"ApiKey": key}


def test_a_missing_webhook_key_is_prompted_for_without_echo(
    recorder: Recorder, terminal: Terminal
) -> None:
    recorder.answer = httpx.Response(200, json={"ApiKey": "whk-typed"})
    terminal.answers = ["whk-typed"]
    assert run("webhooks", "update-api-key")[0] == 0
    assert terminal.asked == [("api key", True)]
    assert json.loads(recorder.requests[0].read()) == {"ApiKey": "whk-typed"}


def test_a_missing_body_member_is_a_usage_error_off_a_terminal(recorder: Recorder) -> None:
    code, _, err = run("webhooks", "update-api-key")
    assert (code, recorder.requests) == (2, [])
    assert err == (
        "which50: missing option --api-key (or its member in --data). "
        "Try 'which50 webhooks update-api-key --help'.\n"
    )


# --- output -----------------------------------------------------------------------------------


def test_json_is_one_document_in_a_stable_key_order(recorder: Recorder) -> None:
    recorder.answer = httpx.Response(200, json=[dict(reversed(CONTACTS[0].items()))])
    code, out, _ = run("contact-lists", "list-contacts", "1042")
    assert code == 0
    assert json.loads(out) == [CONTACTS[0]]
    assert out == json.dumps([CONTACTS[0]], indent=2, sort_keys=True) + "\n"


def test_jsonl_is_a_line_per_item(recorder: Recorder) -> None:
    code, out, _ = run("contact-lists", "list-contacts", "1042", "--output", "jsonl")
    assert code == 0
    assert [json.loads(line) for line in out.splitlines()] == CONTACTS


def test_an_empty_list_is_an_empty_array(recorder: Recorder) -> None:
    recorder.answer = httpx.Response(200, json=[])
    code, out, _ = run("contact-lists", "list-contacts", "1042", "--json")
    assert (code, out) == (0, "[]\n")


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_list_is_written_item_by_item_as_it_arrives(
    fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A list the client can stream (``iter_contacts``) is printed as the answer comes: the
    first items are out before the server has sent the rest."""
    out = io.StringIO()
    lines_before_the_end: list[int] = []

    def body() -> Iterator[bytes]:
        yield b"[" + json.dumps(CONTACTS[0]).encode()
        yield b"," + json.dumps(CONTACTS[1]).encode()
        lines_before_the_end.append(out.getvalue().count("EncContactId"))
        yield b"]"

    connect_to(monkeypatch, lambda _: httpx.Response(200, content=body()))
    code = main(["contact-lists", "list-contacts", "1042", "--output", fmt], out, io.StringIO())
    assert code == 0
    assert lines_before_the_end == [2]
    expected = CONTACTS[:2]
    if fmt == "json":
        assert out.getvalue() == json.dumps(expected, indent=2, sort_keys=True) + "\n"
    else:
        assert [json.loads(line) for line in out.getvalue().splitlines()] == expected


def test_a_table_on_request(recorder: Recorder) -> None:
    code, out, _ = run("contact-lists", "list-contacts", "1042", "-o", "table")
    assert code == 0
    header, *rows = [line for line in out.splitlines() if "│" in line or "┃" in line]
    assert all(name in header for name in ("EncContactId", "ListId", "Values"))
    assert "Q2w5" in rows[0] and '{"Email":"a@example.ie"' in rows[0]


def test_an_object_as_a_table_and_a_value(recorder: Recorder) -> None:
    recorder.answer = httpx.Response(200, json=LIST)
    _, out, _ = run("contact-lists", "get", "1042", "-o", "table")
    assert "Newsletter" in out and "member" in out
    recorder.answer = httpx.Response(200, json="2026-01-01T00:00:00+00:00")
    _, out, _ = run("contact-lists", "get-server-time", "-o", "table")
    assert out.strip() == "2026-01-01T00:00:00+00:00"


def test_json_and_output_must_agree(recorder: Recorder) -> None:
    code, _, err = run("contact-lists", "get", "1042", "--json", "-o", "table")
    assert code == 2 and err == "which50: --json and --output table disagree.\n"


def test_bytes_go_out_as_they_are_and_never_raw_to_a_terminal(recorder: Recorder) -> None:
    pdf = b"%PDF-1.4\x00\xff binary"
    recorder.answer = httpx.Response(200, content=pdf, headers={"Content-Type": "application/pdf"})
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, write_through=True)
    write_bytes(pdf, stream)
    assert raw.getvalue() == pdf

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    with pytest.raises(BinaryToTerminalError, match="redirect it to a file"):
        write_bytes(pdf, Tty())
    text = Tty()
    write_bytes(b"plain text\n", text)
    assert text.getvalue() == "plain text\n"


# --- raw access -------------------------------------------------------------------------------


def test_api_sends_any_request_with_the_configured_credentials(recorder: Recorder) -> None:
    recorder.answer = httpx.Response(200, json={"Id": 1})
    code, out, _ = run(
        "api", "POST", "/contactLists/1042/contact", "-q", "match=Email",
        "--data", '{"Values": {"Email": "a@example.ie"}}',
    )  # fmt: skip
    assert (code, json.loads(out)) == (0, {"Id": 1})
    (request,) = recorder.requests
    assert request.method == "POST"
    assert str(request.url) == f"{BASE}/contactLists/1042/contact?match=Email"
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert json.loads(request.read()) == {"Values": {"Email": "a@example.ie"}}


def test_api_prints_a_non_json_answer_as_it_is(recorder: Recorder) -> None:
    recorder.answer = httpx.Response(200, content=b"a,b\n", headers={"Content-Type": "text/csv"})
    assert run("api", "get", "/files?filePath=x.csv") == (0, "a,b\n", "")
    assert recorder.requests[0].url.params["filePath"] == "x.csv"


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (["TRACE", "/x"], "'TRACE' is not GET, POST, PUT, PATCH or DELETE"),
        (["GET", "https://evil.test/x"], "give a route below the base URL"),
        (["GET", "/x", "-q", "novalue"], "--query takes NAME=VALUE"),
        (["POST", "/x", "--data", "{nope"], "--data is not JSON"),
    ],
)
def test_api_refuses_what_it_cannot_send(
    recorder: Recorder, words: list[str], message: str
) -> None:
    code, _, err = run("api", *words)
    assert (code, recorder.requests) == (2, [])
    assert message in err and err.count("\n") == 1


# --- errors and exit codes --------------------------------------------------------------------


def test_an_api_error_is_one_line_named_as_users_import_it(recorder: Recorder) -> None:
    recorder.answer = httpx.Response(404, json={"Message": "No contact found with that id."})
    assert run("contacts", "get", "nope") == (
        2,
        "",
        f"which50.NotFoundError: GET {BASE}/contacts/nope -> 404: No contact found with that id.\n",
    )


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (["contacts", "get"], "Missing argument 'CONTACT_ID'. Try 'which50 contacts get --help'."),
        (["contacts", "gte"], "No such command 'gte'. Did you mean 'get'? Try"),
        (["contact-lists", "get", "x"], "'x' is not a valid int."),
        (["contact-lists", "get", "9999999999"], "ValueError: contact_list_id must fit in 32"),
        (["contact-lists", "upsert", "1042", "--values", "Email"], "--values takes FIELD=VALUE"),
        (
            ["journeys", "reports", "list-email-contacts-by-state", "377", "9120", "Seen"],
            "'Seen' is not one of 'Sent', 'Delivered'",
        ),
    ],
)
def test_a_usage_error_is_one_line_and_exit_2(
    recorder: Recorder, words: list[str], message: str
) -> None:
    code, out, err = run(*words)
    assert (code, out, recorder.requests) == (2, "", [])
    assert err.startswith("which50: ") and err.count("\n") == 1
    assert message in err


def test_ctrl_c_exits_130(recorder: Recorder, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(request: httpx.Request) -> httpx.Response:
        raise KeyboardInterrupt

    connect_to(monkeypatch, interrupt)
    assert run("contact-lists", "get", "1042")[0] == 130


def test_version() -> None:
    from which50 import __version__

    assert run("--version") == (0, f"which50 {__version__}\n", "")
    # The same from the command line proper, whatever follows it.
    assert run("--version", "contacts") == (0, f"which50 {__version__}\n", "")


def test_object_options_take_json_and_members(recorder: Recorder) -> None:
    recorder.answer = httpx.Response(200, json=CONTACTS[0])
    code, _, _ = run(
        "contact-lists", "upsert", "1042", "--values", '{"Email": "a@example.ie"}',
        "--values", "City=Cork", "--values", "Age:=41", "--match", "Email",
    )  # fmt: skip
    assert code == 0
    (request,) = recorder.requests
    assert json.loads(request.read()) == {
        "ListId": 1042,
        "Values": {"Email": "a@example.ie", "City": "Cork", "Age": 41},
    }


def test_data_from_a_file_and_stdin_with_options_on_top(
    recorder: Recorder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder.answer = httpx.Response(200, json=CONTACTS[0])
    body = tmp_path / "body.json"
    body.write_text('{"Values": {"Email": "file@example.ie"}, "ListId": 7}', "utf-8")
    assert run("contact-lists", "upsert", "1042", "--data", f"@{body}", "--list-id", "9")[0] == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"Values": {"Email": "in@example.ie"}}'))
    assert run("contact-lists", "upsert", "1042", "--data", "-")[0] == 0
    first, second = (json.loads(r.read()) for r in recorder.requests)
    assert first == {"ListId": 9, "Values": {"Email": "file@example.ie"}}
    assert second == {"ListId": 1042, "Values": {"Email": "in@example.ie"}}


# --- completion, colour, the extra ------------------------------------------------------------


def _which50(
    code: str, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        input=stdin,
        timeout=60,
        check=False,
    )


RUN = "import sys; from which50._cli import main; sys.exit(main(sys.argv[1:]))"


def test_shell_completion_completes_commands() -> None:
    env = {
        "_WHICH50_COMPLETE": "complete_bash",
        "COMP_WORDS": "which50 contact-l",
        "COMP_CWORD": "1",
    }
    done = _which50(RUN, env)
    assert done.returncode == 0
    assert "contact-lists" in done.stdout.split()
    script = _which50(RUN.replace("sys.argv[1:]", "['--show-completion', 'bash']"))
    assert "_WHICH50_COMPLETE=complete_bash" in script.stdout


def test_no_color_is_honoured() -> None:
    code = RUN.replace("sys.argv[1:]", "['--help']")
    coloured = _which50(code, {"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    plain = _which50(code, {"FORCE_COLOR": "1", "TERM": "xterm-256color", "NO_COLOR": "1"})
    colour = re.compile(r"\x1b\[(?:[0-9]+;)*(?:3[0-8]|9[0-7])[;m]")  # an SGR foreground colour
    assert colour.search(coloured.stdout)
    assert not colour.search(plain.stdout)
    assert "Resources" in plain.stdout


# A finder that makes the command line's own dependencies missing, as without the extra.
WITHOUT_EXTRA = """
import sys
class Missing:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in ("typer", "rich"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
sys.meta_path.insert(0, Missing())
"""


def test_without_the_extra_the_command_says_how_to_install_it() -> None:
    done = _which50(WITHOUT_EXTRA + RUN, {"WHICH50_TOKEN": TOKEN})
    assert (done.returncode, done.stdout, done.stderr) == (2, "", INSTALL_HINT + "\n")


def test_the_library_needs_neither_typer_nor_rich() -> None:
    code = WITHOUT_EXTRA + (
        "import which50, httpx\n"
        "client = which50.Which50(base_url='http://x.test/Which50API', token='t',\n"
        "    transport=httpx.MockTransport(lambda r: httpx.Response(200, json={'Id': 1,\n"
        "    'Name': 'n', 'Count': 0})))\n"
        "print(client.contact_lists.get(1).name)\n"
    )
    done = _which50(code)
    assert (done.returncode, done.stdout) == (0, "n\n"), done.stderr


def test_importing_which50_loads_no_part_of_the_command_line() -> None:
    code = (
        "import sys, which50; print(sorted(m for m in sys.modules if m in ('which50._cli', "
        "'which50_resources.commands') or m.startswith(('typer', 'which50._cli_'))))"
    )
    assert _which50(code).stdout.strip() == "[]"


def test_main_keeps_its_streams_apart() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["--version"], out, err) == 0
    assert out.getvalue().startswith("which50 ") and err.getvalue() == ""


# --- the table's commands whatever the spec names ---------------------------------------------


def test_every_common_flag_is_reserved() -> None:
    declared = {
        decl
        for param in _cli_app.COMMON
        for info in get_args(param.annotation)[1:]
        # (in an Annotated declaration, typer takes the first name where a default would be)
        for decl in (info.default, *info.param_decls)
        if str(decl).startswith("--")
    }
    assert declared | {"--data", "--help"} == RESERVED_FLAGS


def test_a_parameter_named_like_a_common_option_takes_its_location(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    command = Command(
        path=("things", "put"),
        method="things.put",
        operation_id="putThing",
        http_method="PUT",
        route="/things",
        summary="Put a thing",
        source="index-only",
        params=(
            Param("timeout", "timeout", "query", "int", required=False, argument=False),
            Param("token", "Token", "body", "text", required=True, argument=False, secret=True),
        ),
        body="object",
        body_schema="Thing",
    )
    calls: list[tuple[str, dict[str, object]]] = []

    def run_method(settings: object, method: str, kwargs: dict[str, object], **_: object) -> int:
        calls.append((method, kwargs))
        return 0

    monkeypatch.setattr(_cli_app, "run_method", run_method)
    app = typer.Typer()
    app.command("put")(_cli_app.api_command(command))
    app.command("other")(lambda: None)
    click_command = typer.main.get_command(app)
    words = ["put", "--query-timeout", "5", "--body-token", "tk", "--timeout", "9"]
    assert click_command.main(words, standalone_mode=False) == 0
    assert calls == [("things.put", {"timeout": 5, "token": "tk"})]


def test_the_top_level_help_lists_the_resources_first() -> None:
    code, out, _ = run("--help")
    assert code == 0
    panels = [line.strip("╭─ ").split(" ")[0] for line in out.splitlines() if "╭─" in line]
    assert panels == ["Options", "Resources", "Jobs", "Other"]


def test_which50_alone_prints_its_help() -> None:
    code, out, err = run()
    assert (code, err) == (2, "")  # a usage error, as click has it, with the help shown
    assert "Usage: which50 [OPTIONS] COMMAND [ARGS]..." in out


def test_an_abandoned_prompt_exits_130(
    recorder: Recorder, terminal: Terminal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WHICH50_TOKEN")
    assert run("contact-lists", "get", "1042", "--username", "ann")[0] == 130
    assert (terminal.asked, recorder.requests) == ([("Password for ann", True)], [])


def test_tables_of_nothing_and_of_plain_values() -> None:
    out = io.StringIO()
    emit([], "table", out, many=True)
    assert out.getvalue() == "(no items)\n"
    out = io.StringIO()
    emit(["a", 1], "table", out, many=True)
    assert "value" in out.getvalue() and "│ a " in out.getvalue()


def test_an_export_that_fails_midway_leaves_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/fields"):
            return httpx.Response(200, json=[])
        if request.url.path.endswith("/contacts"):
            return httpx.Response(500, json={"Message": "down"})
        return httpx.Response(200, json=LIST)

    connect_to(monkeypatch, answer)
    code, _, err = run("export", "1042", str(tmp_path / "out.csv"), "--quiet", "--max-retries", "0")
    assert code == 2 and err.startswith("which50.InternalServerError: GET ")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (["contact-lists", "upsert", "1042", "--data", "[1]"], "--data must be a JSON object"),
        (
            ["contact-lists", "imports", "add-contacts", "1042", "58211", "--data", "{}"],
            "--data must be a JSON array",
        ),
        (
            ["contact-lists", "upsert", "1042", "--data", '{"Values": {}, "Nope": 1}'],
            "--data: Nope not a member of ContactInput (its members: Values, EncContactId, "
            "ListId); `which50 api` sends any body.",
        ),
        (["contact-lists", "upsert", "1042", "--values", "[1]"], "'[1]' is not a JSON object"),
        (["contact-lists", "upsert", "1042", "--values", "{x"], "--values is not JSON"),
    ],
)
def test_a_body_that_does_not_fit_is_a_usage_error(
    recorder: Recorder, words: list[str], message: str
) -> None:
    code, _, err = run(*words)
    assert (code, recorder.requests) == (2, [])
    assert message in err and err.count("\n") == 1


def test_a_reader_that_goes_away_ends_the_command_quietly(recorder: Recorder) -> None:
    """`which50 ... | head`: stdout's pipe closes; the command stops, exit 0, no message."""

    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    err = io.StringIO()
    assert main(["contact-lists", "list-contacts", "1042", "-o", "jsonl"], ClosedPipe(), err) == 0
    assert err.getvalue() == ""


@pytest.mark.parametrize("given", [["--token", "tok-9x8y7z"], ["--token=tok-9x8y7z"]])
def test_not_even_a_usage_error_shows_a_secret(recorder: Recorder, given: list[str]) -> None:
    code, _, err = run("contact-lists", "get", "tok-9x8y7z", *given)
    assert (code, recorder.requests) == (2, [])
    assert "tok-9x8y7z" not in err
    assert "'<redacted>' is not a valid int" in err
