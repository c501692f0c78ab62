"""Build the wheel and the sdist into dist/, and check them (`make dist`).

    python -m scripts.dist                  # dist/which50-<version>-py3-none-any.whl and .tar.gz
    python -m scripts.dist --out-dir DIR    # the tests build into a temporary folder

uv builds the sdist from the tree, then the wheel from the sdist, so a wheel is proof that the
sdist holds what a build needs. The build runs in an isolated environment whose versions are
uv.lock's (the build backend, hatchling and hatch-fancy-pypi-readme, and their dependencies):
the same tree gives the same bytes. It runs offline: `make install` put every locked package in
uv's cache, the build backend included, so the build needs no network, in the tests or out.

Then both are checked: `twine check --strict`, and the long description, rendered as the index
renders it (readme_renderer's GitHub-flavoured Markdown), must link only to absolute URLs: a
relative link (`examples/errors.py`, `#webhooks`) breaks on an index page. pyproject.toml's
substitutions make the README's links absolute; this check fails on any they miss, and on any
other text they changed (rendered, the description is the README's page but for link targets).

Only checked artefacts reach dist/ (a failed build or check leaves it as it was), and only
dist/which50-*.whl and dist/which50-*.tar.gz are replaced: the bundle, the reference page and
the types beside them (`make bundle`, `docs`, `types-ts`) stay.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from email.parser import Parser
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from scripts._tools import DIST, ROOT

UV = ROOT / ".tools" / "uv" / "bin" / "uv"
NAME = "which50"
# What a link on an index page may point at: a URL with a scheme and a host (or a mailto:).
ABSOLUTE_SCHEMES = {"http", "https"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_HREF = re.compile(r'href="[^"]*"')


class DistError(RuntimeError):
    """A build step failed, or what it built is not what it must be."""


def _run(cmd: list[str | Path], what: str) -> str:
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never", "UV_NO_PROGRESS": "1", "NO_COLOR": "1"}
    proc = subprocess.run(
        [str(part) for part in cmd], cwd=ROOT, capture_output=True, text=True, env=env
    )
    if proc.returncode != 0:
        output = (proc.stdout + proc.stderr).strip()
        raise DistError(f"{what} failed (exit {proc.returncode}):\n{output}")
    return proc.stdout


def build(staging: Path) -> tuple[Path, Path]:
    """Build the sdist, then the wheel from it, into the empty folder `staging`; return
    (wheel, sdist)."""
    constraints = staging / "constraints.txt"
    # Every locked version (of the build backend too), as constraints of the build's env.
    export = ["--frozen", "--quiet", "--no-header", "--no-hashes", "--no-emit-project"]
    everything = ["--all-extras", "--all-groups"]
    _run(
        [UV, "export", *export, *everything, "--output-file", constraints],
        "uv export (the build's constraints)",
    )
    out = staging / "out"
    isolated = ["--offline", "--python", sys.executable, "--no-create-gitignore"]
    _run(
        [UV, "build", *isolated, "--build-constraints", constraints, "--out-dir", out],
        "uv build (offline: a package missing from uv's cache is put there by "
        "`make clean install`)",
    )
    wheels = sorted(out.glob(f"{NAME}-*-py3-none-any.whl"))
    sdists = sorted(out.glob(f"{NAME}-*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1 or len(list(out.iterdir())) != 2:
        raise DistError(f"uv build wrote {sorted(p.name for p in out.iterdir())}")
    return wheels[0], sdists[0]


def publish(artefacts: tuple[Path, ...], out_dir: Path) -> tuple[Path, ...]:
    """Move checked artefacts into `out_dir`, after removing the which50 artefacts there (a
    version bump would leave the old ones beside the new); nothing else there is touched."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in [*out_dir.glob(f"{NAME}-*.whl"), *out_dir.glob(f"{NAME}-*.tar.gz")]:
        old.unlink()
    return tuple(Path(shutil.move(path, out_dir / path.name)) for path in artefacts)


def metadata(path: Path) -> str:
    """The core metadata of a wheel (METADATA) or an sdist (PKG-INFO), as text."""
    if path.name.endswith(".whl"):
        with zipfile.ZipFile(path) as whl:
            (name,) = [n for n in whl.namelist() if n.endswith(".dist-info/METADATA")]
            return whl.read(name).decode("utf-8")
    with tarfile.open(path) as sdist:
        top = path.name.removesuffix(".tar.gz")
        member = sdist.extractfile(f"{top}/PKG-INFO")
        if member is None:
            raise DistError(f"{path.name} has no PKG-INFO")
        return member.read().decode("utf-8")


def long_description(path: Path) -> str:
    """The long description that an index page shows (the body of the core metadata)."""
    body = Parser().parsestr(metadata(path)).get_payload()
    if not isinstance(body, str) or not body.strip():
        raise DistError(f"{path.name} has no long description")
    return body


class _Links(HTMLParser):
    """Every link target of a rendered page (href and src), less the renderer's own anchor in
    each heading, which points at the heading's id."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self._heading_ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in HEADINGS:
            self._heading_ids.append(values.get("id") or "")
        for attribute in ("href", "src"):
            target = values.get(attribute)
            if target is None:
                continue
            in_heading = bool(self._heading_ids) and self._heading_ids[-1]
            if tag == "a" and in_heading and target == f"#{self._heading_ids[-1]}":
                continue  # the heading's own anchor, added by the renderer
            self.targets.append(target)

    def handle_endtag(self, tag: str) -> None:
        if tag in HEADINGS and self._heading_ids:
            self._heading_ids.pop()


def render(markdown: str) -> str:
    """The HTML an index page shows for a Markdown long description (readme_renderer, GFM)."""
    import readme_renderer.markdown

    html = readme_renderer.markdown.render(markdown, variant="GFM")
    if html is None:
        raise DistError("the long description does not render as Markdown")
    return html


def relative_links(markdown: str) -> list[str]:
    """The link targets of `markdown`, as rendered for an index page, that are not absolute:
    relative paths and fragments, in the order they appear."""
    parser = _Links()
    parser.feed(render(markdown))
    parser.close()
    return [target for target in parser.targets if not _absolute(target)]


def _absolute(target: str) -> bool:
    url = urlsplit(target)
    return (url.scheme in ABSOLUTE_SCHEMES and bool(url.netloc)) or url.scheme == "mailto"


def readme(sdist: Path) -> str:
    """The README the sdist carries: the long description before the substitutions."""
    with tarfile.open(sdist) as tar:
        member = tar.extractfile(f"{sdist.name.removesuffix('.tar.gz')}/README.md")
        if member is None:
            raise DistError(f"{sdist.name} has no README.md")
        return member.read().decode("utf-8")


def check(wheel: Path, sdist: Path) -> None:
    """twine check --strict on both; their long descriptions link only to absolute URLs, and
    differ from the README in link targets alone."""
    _run([sys.executable, "-m", "twine", "--no-color", "check", "--strict", wheel, sdist], "twine")
    original = _HREF.sub('href=""', render(readme(sdist)))
    for path in (wheel, sdist):
        description = long_description(path)
        bad = relative_links(description)
        if bad:
            raise DistError(
                f"{path.name}: the long description has relative links, which break on an "
                f"index page (add a substitution in pyproject.toml): {', '.join(bad)}"
            )
        # The substitutions are regular expressions, blind to code: `handlers[0](event)` in a
        # code block would be rewritten as a link would.
        if _HREF.sub('href=""', render(description)) != original:
            raise DistError(
                f"{path.name}: the long description differs from README.md beyond its link "
                "targets: a substitution in pyproject.toml rewrote text that is not a link"
            )


def _describe(path: Path) -> str:
    if path.name.endswith(".whl"):
        with zipfile.ZipFile(path) as whl:
            files = len([info for info in whl.infolist() if not info.is_dir()])
    else:
        with tarfile.open(path) as tar:
            files = len([member for member in tar.getmembers() if member.isfile()])
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    return f"{shown} ({path.stat().st_size:,} bytes, {files} files)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=DIST, help="default: dist/")
    args = parser.parse_args(argv)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="which50-dist-") as staging:
        try:
            wheel, sdist = build(Path(staging))
            check(wheel, sdist)  # before they reach dist/, which holds checked artefacts only
        except DistError as exc:
            print(f"dist: {exc}", file=sys.stderr)
            return 1
        written = publish((wheel, sdist), args.out_dir.resolve())
    for path in written:
        print(f"dist: wrote {_describe(path)}")
    print(
        "dist: twine check --strict passed; the long description links only to absolute URLs "
        f"({time.monotonic() - started:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
