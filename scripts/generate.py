"""Regenerate generated/ (and api.md) from the spec with the pinned generators, or check that
they are current.

    python scripts/generate.py           # regenerate into a temp dir, then swap into generated/
    python scripts/generate.py --check   # regenerate into a temp dir and compare; never writes

Both modes build the whole output from scratch in a temp dir, so a stale leftover in generated/
shows up as a difference. A tool that prints a warning fails the run. The stamp
generated/GENERATOR.lock records the sha256 of the spec, of the generator configs and of our own
generator's source, and the exact tool versions, so a change to any of them shows up in the
diff.

Three generators: openapi-python-client writes `which50_client` (the raw client, published as
is); datamodel-code-generator writes `which50_models` (the pydantic models); and ours,
scripts/gen_python, writes `which50_resources` (the methods of `which50`'s clients and the
command table of its command line, from the spec and the names file openapi/python.yaml) and
api.md, the reference of those methods.

Run it from the project venv (make generate / make check do): the generators' ruff hooks need
the venv's ruff on PATH.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts import gen_python  # importable whether run as a script or imported by the tests

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "which50.yaml"
CLIENT_CONFIG = ROOT / "openapi" / "openapi-python-client.yaml"
NAMES = ROOT / "openapi" / "python.yaml"
GEN_PYTHON = ROOT / "scripts" / "gen_python"
API_MD = ROOT / "api.md"
PYPROJECT = ROOT / "pyproject.toml"
GENERATED = ROOT / "generated"
# The generators and the ruff their hooks call come from the venv running this script.
VENV_BIN = Path(sys.executable).parent

CLIENT_PACKAGE = "which50_client"
MODELS_PACKAGE = "which50_models"
RESOURCES_PACKAGE = "which50_resources"
# The spec as JSON, shipped as package data of which50_models (the wheel has no openapi/).
SPEC_JSON = "openapi.json"
# The tools whose versions decide the output byte for byte.
TOOLS = ("openapi-python-client", "datamodel-code-generator", "ruff")
# Files and folders that running the code leaves behind; never part of the output.
IGNORED = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
WARNING = re.compile(r"\bwarn(ing)?s?\b", re.IGNORECASE)

README = """\
# generated/: do not edit

Everything in this folder is produced by `make generate` from `openapi/which50.yaml` with the
pinned tools listed in `GENERATOR.lock`:

- `which50_client/`: openapi-python-client (config: `openapi/openapi-python-client.yaml`).
- `which50_models/`: datamodel-code-generator, pydantic v2 models
  (config: `[tool.datamodel-codegen]` in `pyproject.toml`).
- `which50_resources/`: this project's generator (`scripts/gen_python`), the methods of
  `which50.Which50` and `which50.AsyncWhich50`, one per operation (names:
  `openapi/python.yaml`), and `commands.py`, the same methods as the commands of the
  `which50` command line. `which50` builds on it; import `which50`, not this package.
- `which50_models/openapi.json`: the spec itself as JSON (the same document, parsed and
  written out), so an installed package can read it; the sandbox answers the operations it
  has no handler for from its examples.

Hand edits are lost on the next run, and `make check` fails on them. To change the output,
change the spec or a generator config, then run `make generate`.
"""


class GenerationError(RuntimeError):
    """A generator failed or printed a warning."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def datamodel_codegen_config() -> dict[str, object]:
    with PYPROJECT.open("rb") as f:
        table: dict[str, object] = tomllib.load(f)["tool"]["datamodel-codegen"]
    return table


def stamp() -> str:
    """The content of GENERATOR.lock: what the output was derived from, and with which tools."""
    dmcg = json.dumps(datamodel_codegen_config(), sort_keys=True).encode()
    lines = [
        "# Written by `make generate`; do not edit. `make check` regenerates and compares.",
        f"spec openapi/which50.yaml sha256:{sha256(SPEC.read_bytes())}",
        f"config openapi/openapi-python-client.yaml sha256:{sha256(CLIENT_CONFIG.read_bytes())}",
        f"config pyproject.toml[tool.datamodel-codegen] sha256:{sha256(dmcg)}",
    ]
    lines.append(f"names openapi/python.yaml sha256:{sha256(NAMES.read_bytes())}")
    source = b"".join(p.read_bytes() for p in sorted(GEN_PYTHON.glob("*.py")))
    lines.append(f"generator scripts/gen_python sha256:{sha256(source)}")
    lines += [f"tool {name}=={importlib.metadata.version(name)}" for name in TOOLS]
    return "\n".join(lines) + "\n"


def run(cmd: list[str], *, cwd: Path) -> None:
    """Run a generator; fail on a non-zero exit or on any warning it prints."""
    env = dict(os.environ)
    env["PATH"] = str(VENV_BIN) + os.pathsep + env.get("PATH", "")
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    output = (proc.stdout + proc.stderr).strip()
    if proc.returncode != 0 or WARNING.search(output):
        raise GenerationError(f"{' '.join(cmd[:1])} failed (exit {proc.returncode}):\n{output}")


def dmcg_flags(config: dict[str, object]) -> list[str]:
    """Turn the [tool.datamodel-codegen] table into command-line flags."""
    flags: list[str] = []
    for key, value in config.items():
        if value is True:
            flags.append(f"--{key}")
        elif isinstance(value, list):
            flags += [f"--{key}", *map(str, value)]
        else:
            flags += [f"--{key}", str(value)]
    return flags


def spec_json(spec_text: str) -> str:
    """The spec as JSON text: parsed, and written in its own key order, one member a line."""
    doc: Any = yaml.load(spec_text, Loader=yaml.CSafeLoader)
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def build(out: Path) -> None:
    """Generate the complete generated/ tree into `out` (which must not exist)."""
    out.mkdir(parents=True)
    work = out.parent
    run(
        [
            str(VENV_BIN / "openapi-python-client"),
            "generate",
            "--path",
            str(SPEC),
            "--config",
            str(CLIENT_CONFIG),
            "--meta",
            "none",
            "--output-path",
            str(out / CLIENT_PACKAGE),
            "--fail-on-warning",
        ],
        cwd=work,
    )
    models = out / MODELS_PACKAGE
    models.mkdir()
    # The flags come from pyproject.toml, passed explicitly; --ignore-pyproject stops the tool
    # from also discovering a config of its own wherever it runs.
    run(
        [
            str(VENV_BIN / "datamodel-codegen"),
            "--ignore-pyproject",
            "--input",
            str(SPEC),
            "--output",
            str(models / "__init__.py"),
            *dmcg_flags(datamodel_codegen_config()),
        ],
        cwd=work,
    )
    (models / SPEC_JSON).write_text(spec_json(SPEC.read_text(encoding="utf-8")), encoding="utf-8")
    for package in (CLIENT_PACKAGE, MODELS_PACKAGE):
        (out / package / "py.typed").write_text("")
    spec = yaml.load(SPEC.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    names = yaml.safe_load(NAMES.read_text(encoding="utf-8"))
    resources = out / RESOURCES_PACKAGE
    try:
        api = gen_python.build(resources, spec, names)
    except gen_python.NamesError as exc:
        raise GenerationError(f"openapi/python.yaml: {exc}") from None
    # The same formatting as the other generators' output: imports sorted, unused ones gone.
    ruff = str(VENV_BIN / "ruff")
    run(
        [ruff, "check", "--isolated", "--fix-only", "--quiet", "--select", "F401,I", "."],
        cwd=resources,
    )
    run([ruff, "format", "--isolated", "--line-length", "100", "--quiet", "."], cwd=resources)
    (out.parent / "api.md").write_text(api, encoding="utf-8")
    (out / "README.md").write_text(README)
    (out / "GENERATOR.lock").write_text(stamp())


def tree(root: Path) -> dict[str, bytes]:
    """Every file under root (less run-time leftovers), by relative path."""
    files: dict[str, bytes] = {}
    if not root.exists():
        return files
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if path.is_file() and not IGNORED.intersection(rel.parts):
            files[rel.as_posix()] = path.read_bytes()
    return files


def diff(expected: dict[str, bytes], actual: dict[str, bytes]) -> list[str]:
    """A unified diff of what generated/ has (actual) against what the tools produce."""
    lines: list[str] = []
    for name in sorted(expected.keys() | actual.keys()):
        want, have = expected.get(name), actual.get(name)
        if want == have:
            continue
        if want is None:
            lines.append(f"Only in generated/ (stale or hand-written): {name}\n")
            continue
        if have is None:
            lines.append(f"Missing from generated/: {name}\n")
            continue
        lines += difflib.unified_diff(
            have.decode(errors="replace").splitlines(keepends=True),
            want.decode(errors="replace").splitlines(keepends=True),
            fromfile=f"generated/{name} (in the tree)",
            tofile=f"generated/{name} (from the pinned tools)",
        )
    return lines


def swap_in(out: Path) -> None:
    """Replace generated/ by `out`, keeping the old tree until the new one is in place."""
    old = GENERATED.with_name(".generated.old")
    shutil.rmtree(old, ignore_errors=True)
    if GENERATED.exists():
        GENERATED.rename(old)
    shutil.move(str(out), str(GENERATED))
    shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; never write")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="which50-generate-") as tmp:
        out = Path(tmp) / "generated"
        try:
            build(out)
        except GenerationError as exc:
            print(f"generate: {exc}", file=sys.stderr)
            return 1
        api = (out.parent / "api.md").read_bytes()
        if args.check:
            lines = diff(tree(out), tree(GENERATED))
            current = API_MD.read_bytes() if API_MD.exists() else b""
            if api != current:
                lines += difflib.unified_diff(
                    current.decode().splitlines(keepends=True),
                    api.decode().splitlines(keepends=True),
                    fromfile="api.md (in the tree)",
                    tofile="api.md (from the spec and openapi/python.yaml)",
                )
            if lines:
                sys.stderr.writelines(lines)
                print(
                    "\ncheck: generated/ differs from what the pinned tools produce from the "
                    "spec. Run `make generate` (and never edit generated/ by hand).",
                    file=sys.stderr,
                )
                return 1
            print("check: generated/ is exactly what the pinned tools produce.")
            return 0
        swap_in(out)
        API_MD.write_bytes(api)
    print(f"generate: wrote {GENERATED.relative_to(ROOT)}/ ({len(tree(GENERATED))} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
