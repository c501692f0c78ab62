"""scripts/record.py: what `make record-live` asks for, and when it refuses to record."""

from __future__ import annotations

import pytest

from scripts import record

FULL = {name: "x" for name in record.LIVE_ENV}


def test_everything_set_is_enough() -> None:
    assert record.missing_live_env(FULL) == []


def test_each_missing_setting_is_named() -> None:
    env = {k: v for k, v in FULL.items() if k not in ("WHICH50_TOKEN", "WHICH50_PASSWORD")}
    assert record.missing_live_env(env) == ["WHICH50_TOKEN", "WHICH50_PASSWORD"]
    assert record.missing_live_env({**FULL, "WHICH50_LIVE_LIST_ID": ""}) == ["WHICH50_LIVE_LIST_ID"]


def test_record_live_explains_what_to_set_and_records_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in record.LIVE_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WHICH50_BASE_URL", "https://app.which50.com/Which50API")

    def no_run(*args: object, **kwargs: object) -> None:
        raise AssertionError("nothing may run without the live settings")

    monkeypatch.setattr("subprocess.run", no_run)
    monkeypatch.setattr("shutil.rmtree", no_run)
    assert record.main(["live"]) == 2
    err = capsys.readouterr().err
    assert "WHICH50_BASE_URL" not in err  # it is set
    for name in ("WHICH50_TOKEN", "WHICH50_READONLY_TOKEN", "WHICH50_LIVE_JOURNEY_ID"):
        assert name in err
    assert "Nothing was recorded." in err


def test_an_unknown_target_prints_the_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert record.main(["staging"]) == 2
    assert "make record" in capsys.readouterr().err


def test_every_live_id_the_record_script_asks_for_is_a_field_of_the_target() -> None:
    from dataclasses import fields

    from tests.recorded.conftest import LIVE_IDS, Target

    assert set(LIVE_IDS) == {f.name for f in fields(Target) if f.name.endswith("_id")}
    assert set(LIVE_IDS.values()) == {v for v in record.LIVE_ENV if v.startswith("WHICH50_LIVE_")}
