"""The `Fresh` values of the recorded tests: literal for the sandbox, a test's own for live."""

from __future__ import annotations

from tests.recorded.conftest import Fresh


def test_without_a_suffix_every_value_is_literal() -> None:
    plain = Fresh()
    assert plain.email("a.b@example.ie") == "a.b@example.ie"
    assert plain.phone("+353870001234") == "+353870001234"
    assert plain.number(990001) == 990001
    assert plain.text("recorded/files") == "recorded/files"


def test_a_suffix_makes_each_value_the_test_s_own() -> None:
    own = Fresh("1f3c9e20")
    assert own.email("a.b@example.ie") == "a.b+1f3c9e20@example.ie"
    assert own.phone("+353870001234") == "+3538" + f"{0x1F3C9E20 % 10**8:08d}"
    assert len(own.phone("+353870001234")) == len("+353870001234")
    assert own.number(990001) == 990001 + 0x1F3C9E20 % 10**9
    assert own.text("recorded/files") == "recorded/files-1f3c9e20"
    other = Fresh("00000007")
    assert own.email("x@example.ie") != other.email("x@example.ie")
    assert own.phone("+353870001234") != other.phone("+353870001234")
