"""The reference page (`make docs`): self-contained, and every operation renders in a real browser.

The page is built here from the spec, as `make bundle docs` builds it, and opened in Debian's
headless Chromium (`.ci/run` installs it). Redoc gives each operation its own view, so the test
opens each tag's menu and each operation's link as a reader would, and reads the heading that
renders. The expected operations come from the spec. A screenshot lands in dist/api.png.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from scripts import publish
from scripts._openapi import iter_operations
from tests.conftest import ROOT, load_spec

from ._browser import Browser

# Wait (in the page) until an element shows, and return its text.
WAIT_FOR_TEXT = """(async (find) => {
  for (let i = 0; i < 400; i++) {
    const el = find();
    if (el && el.innerText.trim()) return el.innerText.trim();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return null;
})"""
GROUPS = "document.querySelectorAll('[data-component-name=\"Menu/MenuItem\"].menu-item-type-group')"
OPERATION_LINKS = (
    "[...document.querySelectorAll('.menu-item-type-operation a')].map(a => a.getAttribute('href'))"
)


def wait_for_text(browser: Browser, find: str) -> str | None:
    text: str | None = browser.evaluate(f"{WAIT_FOR_TEXT}(() => {find})")
    return text


@pytest.fixture(scope="module")
def page() -> str:
    """dist/api.html, built now by the same commands as `make bundle docs`."""
    for step in ("bundle", "docs"):
        subprocess.run([sys.executable, "-m", "scripts.publish", step], cwd=ROOT, check=True)
    return publish.PAGE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def browsed(page: str) -> dict[str, Any]:
    """Open every tag and every operation of the page in Chromium; what rendered, and what the
    page asked the network for."""
    headings: dict[str, str | None] = {}
    with Browser() as browser:
        browser.open(publish.PAGE.as_uri())
        assert wait_for_text(browser, f"{GROUPS}[0]"), "the menu did not render"
        links: dict[str, None] = {}
        for i in range(browser.evaluate(f"{GROUPS}.length")):
            browser.evaluate(f"{GROUPS}[{i}].querySelector('a').click()")
            # The tag's own operation links, once they show (the last tag's may linger a while).
            mine = "`.menu-item-type-operation a[href^='${location.hash}/']`"
            assert wait_for_text(browser, f"document.querySelector({mine})"), f"tag {i} is empty"
            links.update(dict.fromkeys(browser.evaluate(OPERATION_LINKS)))
        for href in links:
            anchor = json.dumps(href.removeprefix("#/"))
            browser.evaluate(f"location.hash = {json.dumps(href)}")
            headings[href] = wait_for_text(
                browser, f"document.getElementById({anchor})?.querySelector('h2')"
            )
        first = next(iter(links))
        browser.evaluate(f"location.hash = {json.dumps(first)}")
        wait_for_text(browser, f"document.getElementById({json.dumps(first[2:])})")
        browser.screenshot(publish.SCREENSHOT)
        return {"headings": headings, "requests": browser.requests(), "log": browser.log()}


def spec_operations() -> dict[str, str]:
    """operationId -> summary, for every operation of the spec."""
    return {
        op["operationId"]: op["summary"]
        for item in load_spec()["paths"].values()
        for method, op in item.items()
        if isinstance(op, dict) and "operationId" in op
    }


def test_every_operation_of_the_spec_renders(browsed: dict[str, Any]) -> None:
    expected = spec_operations()
    rendered = {href.rsplit("/", 1)[-1]: text for href, text in browsed["headings"].items()}
    # every operation has an operationId, so none is left out of `expected`
    assert len(expected) == len(list(iter_operations(load_spec())))
    assert rendered == {op_id.lower(): summary for op_id, summary in expected.items()}


def test_the_markup_loads_nothing_from_another_origin(page: str) -> None:
    remote, csp = publish.page_loads(page)
    assert remote == []
    assert csp is not None and "default-src 'none'" in csp
    # Redoc itself is inline: the page would otherwise load it from Redocly's CDN.
    assert "cdn.redocly.com/redoc" not in page.split("<body>")[0]
    assert "hydrate(__redoc_definition" in page


def test_the_page_reaches_no_server(browsed: dict[str, Any]) -> None:
    """Whatever the page asks for beyond its own file is blocked by its policy (Redoc's script
    asks for its logo on Redocly's CDN, "API docs by")."""
    requests = browsed["requests"]
    assert requests[publish.PAGE.as_uri()] == "loaded", "the request log is not being read"
    remote = {url: end for url, end in requests.items() if not url.startswith("file:")}
    assert set(remote.values()) <= {"csp"}, remote


def test_the_screenshot_is_saved(browsed: dict[str, Any]) -> None:
    png = (publish.SCREENSHOT).read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1280, 900)
