"""Build what other languages consume from the spec, into dist/ (never committed).

    python -m scripts.publish bundle     # dist/openapi.yaml and dist/openapi.json
    python -m scripts.publish docs       # dist/api.html, the reference page (needs the bundle)
    python -m scripts.publish types-ts   # dist/which50.d.ts, then tsc on openapi/examples-ts/

The bundle is one self-contained file in each format. Its key order is stable: the top level in
the order of the OpenAPI specification, everything below in the spec's own order, so the same
spec gives the same bytes on every run. Its info.version is the spec's, which is also the
package version (hatchling reads it from the spec); the build fails if they disagree.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from scripts._tools import DIST, ROOT, SPEC, ToolError, node_tool

BUNDLE_YAML = DIST / "openapi.yaml"
BUNDLE_JSON = DIST / "openapi.json"
PAGE = DIST / "api.html"
TYPES = DIST / "which50.d.ts"
REDOCLY_CONFIG = ROOT / "openapi" / "redocly.yaml"
# The page template: Redocly's own, plus a Content-Security-Policy that forbids every remote load.
PAGE_TEMPLATE = ROOT / "openapi" / "docs-template.hbs"
TS_EXAMPLES = ROOT / "openapi" / "examples-ts"
SCREENSHOT = DIST / "api.png"  # written by the reference page's test

# The top-level fields in the order the OpenAPI 3.0.3 specification lists them.
TOP_LEVEL = (
    "openapi",
    "info",
    "externalDocs",
    "servers",
    "security",
    "tags",
    "paths",
    "components",
)
# Elements and attributes through which a page loads something.
LOADING_ATTRIBUTES = {
    "script": "src",
    "link": "href",
    "img": "src",
    "iframe": "src",
    "source": "src",
}


class _BlockDumper(yaml.SafeDumper):
    """Writes multi-line strings (descriptions) as literal blocks, as a person would."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BlockDumper.add_representer(str, _str)


class PublishError(RuntimeError):
    """The built artefact is not what it must be."""


def ordered(doc: dict[str, Any]) -> dict[str, Any]:
    """The document with its top level in the specification's order (extensions last, sorted)."""
    known = [key for key in TOP_LEVEL if key in doc]
    rest = sorted(key for key in doc if key not in TOP_LEVEL)
    return {key: doc[key] for key in [*known, *rest]}


def external_refs(node: Any) -> list[str]:
    """Every `$ref` that points outside the document."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        found = [ref] if isinstance(ref, str) and not ref.startswith("#/") else []
        return found + [r for value in node.values() for r in external_refs(value)]
    if isinstance(node, list):
        return [r for item in node for r in external_refs(item)]
    return []


def bundle() -> dict[str, Any]:
    """Redocly bundles the spec (resolving any file references); we fix the order and write."""
    with tempfile.TemporaryDirectory(prefix="which50-bundle-") as tmp:
        raw = Path(tmp) / "bundle.json"
        node_tool("redocly", "bundle", SPEC, "--config", REDOCLY_CONFIG, "--output", raw)
        doc = ordered(json.loads(raw.read_text(encoding="utf-8")))
    if refs := external_refs(doc):
        raise PublishError(f"the bundle still points outside itself: {sorted(set(refs))}")
    version = doc["info"]["version"]
    package = importlib.metadata.version("which50")
    if version != package:
        raise PublishError(
            f"info.version {version} is not the installed package version {package}; "
            "run `make install` to rebuild the editable install"
        )
    DIST.mkdir(exist_ok=True)
    _replace(BUNDLE_JSON, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    text = yaml.dump(doc, Dumper=_BlockDumper, sort_keys=False, allow_unicode=True, width=1_000_000)
    _replace(BUNDLE_YAML, text)
    return doc


def _replace(path: Path, text: str) -> None:
    """Write ``path`` whole or not at all (a temp file beside it, renamed), so a tool reading
    the bundle while another process rebuilds it (the test suite's two workers) reads one
    complete file; every build writes the same bytes."""
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False
    ) as handle:
        handle.write(text)
    os.chmod(handle.name, 0o644)  # as any build output, not a temp file's 0600
    os.replace(handle.name, path)


class _Loads(HTMLParser):
    """Collects what a page's markup would load from another origin, and its CSP."""

    def __init__(self) -> None:
        super().__init__()
        self.remote: list[str] = []
        self.csp: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp = values.get("content")
        url = values.get(LOADING_ATTRIBUTES.get(tag, ""))
        if url and url.lower().startswith(("http:", "https:", "//")):
            self.remote.append(f"<{tag}> {url}")


def page_loads(html: str) -> tuple[list[str], str | None]:
    """What the page's markup loads from another origin, and its Content-Security-Policy."""
    parser = _Loads()
    parser.feed(html)
    return parser.remote, parser.csp


def docs() -> None:
    """The reference page: Redocly build-docs with Redoc inlined (no CDN) from the JSON bundle."""
    if not BUNDLE_JSON.exists():
        raise PublishError(f"{BUNDLE_JSON.relative_to(ROOT)} is missing; run `make bundle` first")
    node_tool(
        "redocly",
        "build-docs",
        BUNDLE_JSON,
        "--config",
        REDOCLY_CONFIG,
        "--inlineBundle",
        "--template",
        PAGE_TEMPLATE,
        "--output",
        PAGE,
    )
    remote, csp = page_loads(PAGE.read_text(encoding="utf-8"))
    if remote or not csp or "default-src 'none'" not in csp:
        raise PublishError(f"{PAGE.name} is not self-contained: loads {remote}, CSP {csp!r}")


def types_ts() -> None:
    """TypeScript types with openapi-typescript, proven by compiling the usage example."""
    if not BUNDLE_YAML.exists():
        raise PublishError(f"{BUNDLE_YAML.relative_to(ROOT)} is missing; run `make bundle` first")
    node_tool("openapi-typescript", BUNDLE_YAML, "--output", TYPES)
    node_tool("tsc", "--project", TS_EXAMPLES / "tsconfig.json")


STEPS = {"bundle": bundle, "docs": docs, "types-ts": types_ts}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=sorted(STEPS))
    args = parser.parse_args(argv)
    try:
        STEPS[args.step]()
    except (ToolError, PublishError) as exc:
        print(f"{args.step}: {exc}", file=sys.stderr)
        return 1
    outputs = {"bundle": [BUNDLE_YAML, BUNDLE_JSON], "docs": [PAGE], "types-ts": [TYPES]}
    for path in outputs[args.step]:
        print(f"{args.step}: wrote {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
