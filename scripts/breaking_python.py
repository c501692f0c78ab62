"""The Python side of the breaking-change guard: is the `which50` package in one tree compatible
with the one in another?

Both trees are read statically by griffe 2.4.1 (nothing is imported or run): the packages are
found under each tree's `overlay/` and `generated/`, and every import between them is followed.

The public surface, and so what is compared:

- `which50.__all__`, and `which50.types` (its `__all__`: the models and the closed value sets);
  the other modules of `which50` are private, `which50.resources` included;
- every class a user reaches from those through attributes: `Which50.contacts`, then
  `contact_lists.fields`, and so on. An attribute leads to a class through its annotation
  (`contacts: Contacts`) or the call that builds it in `__init__` (`self.fields =
  Fields(runner)`). Such a class is compared with the one reached by the same path in the other
  tree, wherever either is defined, with the members it inherits: a resource whose methods move
  into a generated base class keeps its surface.

Two judges look at it:

- griffe's `find_breaking_changes`: removed (so also renamed) classes, functions, methods,
  attributes, model fields and exceptions; removed, renamed, moved or re-kinded parameters,
  parameters that became required or were added as required, changed default expressions;
- our rules, for what griffe does not see: a default given by name whose value changed
  (`batch_size=MAX_IMPORT_BATCH`, with `MAX_IMPORT_BATCH` changed), an exported `DEFAULT_*`
  constant whose value changed, and a class field (a pydantic model's, a dataclass's) that lost
  its default or whose default changed; and an attribute that no longer leads to a class, as its
  members could no longer be checked.

Private names (a leading underscore) never count. Annotations are not compared: griffe does not,
so a changed parameter or field type is not caught here.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import griffe

PACKAGE = "which50"
# The modules whose `__all__` is public; every other module of the package is private.
PUBLIC_MODULES = ("which50", "which50.types")
# Where the packages live in a tree (the wheel ships both folders' packages).
SEARCH_DIRS = ("overlay", "generated")
GRIFFE = f"griffe {version('griffe')}"

# griffe's kinds of breakage, as our codes.
CODES = {
    griffe.BreakageKind.OBJECT_REMOVED: "removed",
    griffe.BreakageKind.OBJECT_CHANGED_KIND: "kind-changed",
    griffe.BreakageKind.PARAMETER_REMOVED: "parameter-removed",
    griffe.BreakageKind.PARAMETER_MOVED: "parameter-moved",
    griffe.BreakageKind.PARAMETER_CHANGED_KIND: "parameter-kind-changed",
    griffe.BreakageKind.PARAMETER_CHANGED_DEFAULT: "default-changed",
    griffe.BreakageKind.PARAMETER_CHANGED_REQUIRED: "parameter-became-required",
    griffe.BreakageKind.PARAMETER_ADDED_REQUIRED: "required-parameter-added",
    griffe.BreakageKind.RETURN_CHANGED_TYPE: "return-annotation-removed",
    griffe.BreakageKind.CLASS_REMOVED_BASE: "base-class-removed",
}
# Calls that declare a class field, and their keywords for a default.
FIELD_CALLS = {"Field", "field", "attrib", "ib"}
DEFAULT_KEYWORDS = ("default", "default_factory", "factory")


@dataclass(frozen=True)
class PythonBreak:
    """One breaking difference in the Python API, at the path a user writes."""

    code: str
    where: str
    detail: str = ""


class PackageNotFound(RuntimeError):
    """The tree has no `which50` package where it is looked for."""


@dataclass
class Surface:
    """A tree's public surface: the package, the classes by the path a user reaches them, and the
    public path of each class's definition (to name what griffe reports)."""

    package: griffe.Module
    reached: dict[str, griffe.Class]
    names: dict[str, str]

    def public(self, path: str) -> str:
        """`path` (where griffe found something) as the path a user writes."""
        head, _, tail = path.partition("(")
        parts = head.split(".")
        for cut in range(len(parts), 0, -1):
            named = self.names.get(".".join(parts[:cut]))
            if named is not None:
                rest = ".".join([named, *parts[cut:]])
                return f"{rest}({tail}" if tail else rest
        return path

    def at(self, path: str) -> griffe.Class | None:
        """The class a user reaches at `path` (`which50.Which50.contact_lists.fields`), by the
        exported names and the attributes that lead from them."""
        if path in self.reached:
            return self.reached[path]
        parent_path, _, name = path.rpartition(".")
        if parent_path in PUBLIC_MODULES:
            found = dict(exports(self.package, parent_path)).get(name)
            return found if isinstance(found, griffe.Class) else None
        parent = self.at(parent_path) if "." in parent_path else None
        member = parent.all_members.get(name) if parent is not None else None
        return held_class(self.package, member) if member is not None else None


# ---------------------------------------------------------------------------------------------
# Loading a tree
# ---------------------------------------------------------------------------------------------


def load(root: Path) -> griffe.Module:
    """The `which50` package of a tree, read statically, with the imports between its packages
    followed (the generated ones included)."""
    paths = [root / name for name in SEARCH_DIRS if (root / name).is_dir()]
    if not any((path / PACKAGE / "__init__.py").is_file() for path in paths):
        raise PackageNotFound(f"no {PACKAGE} package under {', '.join(SEARCH_DIRS)} of {root}")
    loader = griffe.GriffeLoader(search_paths=paths, allow_inspection=False, store_source=False)
    package = loader.load(PACKAGE, try_relative_path=False)
    loader.resolve_aliases(implicit=True, external=True)
    assert isinstance(package, griffe.Module)
    for name, module in package.modules.items():
        if f"{PACKAGE}.{name}" not in PUBLIC_MODULES:
            module.public = False
    return package


def git_tree(ref: str, dest: Path, repo: Path) -> bool:
    """Write the tree's `overlay/` and `generated/` at `ref` into `dest`; False when `ref` has no
    `which50` package there (nothing to compare)."""
    listed = subprocess.run(
        ["git", "ls-tree", "--name-only", ref, "--", *SEARCH_DIRS],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    if not listed:
        return False
    archive = subprocess.run(
        ["git", "archive", "--format=tar", ref, "--", *listed],
        cwd=repo,
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    return any((dest / name / PACKAGE / "__init__.py").is_file() for name in listed)


# ---------------------------------------------------------------------------------------------
# The public surface
# ---------------------------------------------------------------------------------------------


def target(obj: griffe.Object | griffe.Alias) -> griffe.Object | None:
    """What an alias finally points to (None when griffe cannot tell)."""
    if not isinstance(obj, griffe.Alias):
        return obj
    try:
        return obj.final_target
    except (griffe.AliasResolutionError, griffe.CyclicAliasError):
        return None


def lookup(package: griffe.Module, path: str) -> griffe.Object | None:
    try:
        found = package.modules_collection.get_member(path)
    except (KeyError, ValueError):
        return None
    return target(found)


def held_class(package: griffe.Module, member: griffe.Object | griffe.Alias) -> griffe.Class | None:
    """The class an attribute holds: by its annotation, else by the call that builds it."""
    attribute = target(member)
    if not isinstance(attribute, griffe.Attribute):
        return None
    value = attribute.value
    built = value.function if isinstance(value, griffe.ExprCall) else None
    for expr in (attribute.annotation, built):
        if isinstance(expr, griffe.ExprName):
            found = lookup(package, expr.canonical_path)
            if isinstance(found, griffe.Class):
                return found
    return None


def private(name: str) -> bool:
    """A leading underscore, and no trailing pair: `_runner`, `__slots`, but not `__init__`."""
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def public_members(obj: griffe.Object) -> Iterator[tuple[str, griffe.Object | griffe.Alias]]:
    """A class's public members, inherited ones and special methods included."""
    for name, member in obj.all_members.items():
        if member.is_public and not private(name):
            yield name, member


def exports(package: griffe.Module, module_path: str) -> Iterator[tuple[str, griffe.Object]]:
    """What a public module exports (its `__all__`, or its public names when griffe cannot read
    `__all__`), each name with what it finally is; never a submodule."""
    module = lookup(package, module_path)
    if not isinstance(module, griffe.Module):
        return
    for name, member in module.all_members.items():
        if member.is_public and not (member.is_module and not member.is_alias):
            obj = target(member)
            if obj is not None:
                yield name, obj


def surface(package: griffe.Module) -> Surface:
    """The classes of the public surface, each by the first (shortest) path a user reaches it:
    the exported ones first, then those their attributes lead to, breadth first."""
    found = Surface(package, {}, {})
    queue: list[tuple[str, griffe.Class, bool]] = []
    for module_path in PUBLIC_MODULES:
        for name, obj in exports(package, module_path):
            if isinstance(obj, griffe.Class):
                queue.append((f"{module_path}.{name}", obj, True))
    while queue:
        path, cls, exported = queue.pop(0)
        if cls.path in found.names:
            continue
        found.names[cls.path] = path
        if not exported:
            found.reached[path] = cls
        for base in cls.resolved_bases:
            found.names.setdefault(base.path, path)
        for name, member in public_members(cls):
            held = held_class(package, member)
            if held is not None:
                queue.append((f"{path}.{name}", held, False))
    return found


# ---------------------------------------------------------------------------------------------
# The comparison
# ---------------------------------------------------------------------------------------------


def compare(old_package: griffe.Module, new_package: griffe.Module) -> list[PythonBreak]:
    """Every breaking difference between two loaded packages, once each, in a stable order."""
    old, new = surface(old_package), surface(new_package)
    found: dict[tuple[str, str], PythonBreak] = {}

    def add(item: PythonBreak) -> None:
        found.setdefault((item.code, item.where), item)

    pairs: list[tuple[griffe.Object, griffe.Object]] = [(old_package, new_package)]
    for path, old_class in old.reached.items():
        new_class = new.at(path)
        if new_class is not None:
            pairs.append((old_class, new_class))
        elif lost := lost_class(path, old, new):
            add(lost)
    for old_obj, new_obj in pairs:
        for breakage in griffe.find_breaking_changes(old_obj, new_obj):
            if not same_value(breakage, old, new):
                add(from_griffe(breakage, old, new))
    for item in our_rules(old, new):
        add(item)
    return sorted(found.values(), key=lambda b: (b.where, b.code))


def lost_class(path: str, old: Surface, new: Surface) -> PythonBreak | None:
    """A reached attribute that is still there but leads to no class any more."""
    parent_path, _, name = path.rpartition(".")
    parent = new.at(parent_path)
    if parent is None or name not in parent.all_members:
        return None  # its removal, or its parent's, is griffe's finding
    was = old.reached[path].name
    return PythonBreak(
        "attribute-class-lost", path, f"held {was}, now no class: its members cannot be checked"
    )


def same_value(breakage: griffe.Breakage, old: Surface, new: Surface) -> bool:
    """A default griffe calls changed that is written differently with the same value: a
    constant inlined (`MAX_BATCH` to `10_000`), or a value given a name."""
    if breakage.kind is not griffe.BreakageKind.PARAMETER_CHANGED_DEFAULT:
        return False
    before, after = breakage.old_value.default, breakage.new_value.default
    return resolved(old.package, before) == resolved(new.package, after)


def from_griffe(breakage: griffe.Breakage, old: Surface, new: Surface) -> PythonBreak:
    kind = breakage.kind
    code = CODES.get(kind, kind.name.lower().replace("_", "-"))
    if kind is griffe.BreakageKind.OBJECT_REMOVED:
        return PythonBreak(code, old.public(breakage.obj.path), kind_of(breakage.obj))
    where = new.public(breakage.obj.path)
    parameter = breakage.new_value if breakage.old_value is None else breakage.old_value
    if isinstance(parameter, griffe.Parameter):
        where = f"{where}({parameter.name})"
    detail = ""
    if kind is griffe.BreakageKind.PARAMETER_CHANGED_DEFAULT:
        detail = f"{breakage.old_value.default} -> {breakage.new_value.default}"
    elif kind is griffe.BreakageKind.PARAMETER_CHANGED_KIND:
        detail = f"{breakage.old_value.kind.value} -> {breakage.new_value.kind.value}"
    elif kind is griffe.BreakageKind.OBJECT_CHANGED_KIND:
        detail = f"{breakage.old_value.value} -> {breakage.new_value.value}"
    elif kind is griffe.BreakageKind.RETURN_CHANGED_TYPE:
        detail = f"was {breakage.old_value}"
    elif kind is griffe.BreakageKind.CLASS_REMOVED_BASE:
        names = [[base.name for base in side] for side in (breakage.old_value, breakage.new_value)]
        detail = f"{', '.join(names[0])} -> {', '.join(names[1]) or 'none'}"
    else:
        detail = breakage.details
    return PythonBreak(code, where, detail)


def kind_of(obj: griffe.Object | griffe.Alias) -> str:
    found = target(obj)
    if found is None:
        return "name"
    if isinstance(found, griffe.Function) and found.parent is not None and found.parent.is_class:
        return "method"
    if isinstance(found, griffe.Attribute) and found.parent is not None and found.parent.is_class:
        return "property" if "property" in found.labels else "attribute"
    return found.kind.value


# ---------------------------------------------------------------------------------------------
# Our rules: defaults behind names, exported DEFAULT_* constants, class fields
# ---------------------------------------------------------------------------------------------


def resolved(package: griffe.Module, value: str | griffe.Expr | None, depth: int = 0) -> str:
    """The text of a value, a name replaced by the value of the constant it names."""
    if isinstance(value, griffe.ExprName) and depth < 5:
        found = lookup(package, value.canonical_path)
        if isinstance(found, griffe.Attribute) and found.value is not None:
            return resolved(package, found.value, depth + 1)
    return str(value)


def field_default(value: str | griffe.Expr | None) -> str | griffe.Expr | None:
    """A class field's default: its value, or what a `Field(...)`/`field(...)` call gives; None
    when it has none (the field is required)."""
    if not isinstance(value, griffe.ExprCall):
        return value
    if str(value.function).rpartition(".")[2] not in FIELD_CALLS:
        return value
    for argument in value.arguments:
        if isinstance(argument, griffe.ExprKeyword):
            if argument.name == "default":
                return argument.value
            if argument.name in DEFAULT_KEYWORDS:
                return argument
        elif str(argument) != "...":
            return argument
        else:
            return None
    return None


def our_rules(old: Surface, new: Surface) -> Iterator[PythonBreak]:
    classes: list[tuple[str, griffe.Object, griffe.Object]] = []
    for module_path in PUBLIC_MODULES:
        now = dict(exports(new.package, module_path))
        for name, old_obj in exports(old.package, module_path):
            new_obj = now.get(name)
            where = f"{module_path}.{name}"
            if isinstance(old_obj, griffe.Class) and isinstance(new_obj, griffe.Class):
                classes.append((where, old_obj, new_obj))
            elif name.startswith("DEFAULT_") and isinstance(old_obj, griffe.Attribute):
                before = resolved(old.package, old_obj.value)
                after = resolved(new.package, getattr(new_obj, "value", None))
                if new_obj is not None and before != after:
                    yield PythonBreak("default-changed", where, f"{before} -> {after}")
    for path, old_class in old.reached.items():
        new_class = new.at(path)
        if new_class is not None:
            classes.append((path, old_class, new_class))
    for where, old_obj, new_obj in classes:
        yield from class_rules(where, old_obj, new_obj, old, new)


def class_rules(
    where: str, old_class: griffe.Object, new_class: griffe.Object, old: Surface, new: Surface
) -> Iterator[PythonBreak]:
    new_members = new_class.all_members
    for name, member in public_members(old_class):
        if name not in new_members:
            continue
        before, after = target(member), target(new_members[name])
        if isinstance(before, griffe.Function) and isinstance(after, griffe.Function):
            yield from default_rules(f"{where}.{name}", before, after, old, new)
        elif isinstance(before, griffe.Attribute) and isinstance(after, griffe.Attribute):
            yield from field_rules(f"{where}.{name}", before, after, old, new)


def default_rules(
    where: str, before: griffe.Function, after: griffe.Function, old: Surface, new: Surface
) -> Iterator[PythonBreak]:
    """A default written the same way (a name) whose value changed; griffe compares the text."""
    for parameter in before.parameters:
        if parameter.name not in after.parameters:
            continue
        other = after.parameters[parameter.name]
        if parameter.default is None or other.default is None:
            continue
        if str(parameter.default) != str(other.default):
            continue  # griffe's finding
        was, now = resolved(old.package, parameter.default), resolved(new.package, other.default)
        if was != now:
            detail = f"{parameter.default}: {was} -> {now}"
            yield PythonBreak("default-changed", f"{where}({parameter.name})", detail)


def field_rules(
    where: str, before: griffe.Attribute, after: griffe.Attribute, old: Surface, new: Surface
) -> Iterator[PythonBreak]:
    """A class field (annotated, with a value in the class body: a model's or a dataclass's)
    whose default went or changed: building the model or the dataclass breaks. Attributes set in
    `__init__` are no fields."""
    if before.annotation is None or "class-attribute" not in before.labels:
        return
    was = field_default(before.value)
    if was is None:
        return
    if "class-attribute" in after.labels:
        now = field_default(after.value)
    elif after.value is None:
        now = None  # annotated in the class body, with no value
    else:
        return  # now set in __init__: no field any more, and no default to compare
    if now is None:
        yield PythonBreak("field-became-required", where, f"its default was {was}")
        return
    was_text, now_text = resolved(old.package, was), resolved(new.package, now)
    if was_text != now_text:
        yield PythonBreak("default-changed", where, f"{was_text} -> {now_text}")


def compare_trees(old_root: Path, new_root: Path) -> list[PythonBreak]:
    """The breaking differences between the `which50` packages of two trees."""
    return compare(load(old_root), load(new_root))


# ---------------------------------------------------------------------------------------------
# A readable report, however many breaks
# ---------------------------------------------------------------------------------------------


def grouped(breaks: list[PythonBreak]) -> list[tuple[PythonBreak, int]]:
    """The breaks, those alike folded into one line each, with how many breaks each line holds.

    Alike: the same code and detail on members of one parent (`Contact.{list_id, values}`), then
    the same members of several parents (`types.{Campaign, Contact}.{to_dict, from_dict}`).
    """
    by_parent: dict[tuple[str, str, str], list[str]] = {}
    for item in breaks:
        head, paren, params = item.where.partition("(")
        parent, _, name = head.rpartition(".")
        by_parent.setdefault((item.code, parent, item.detail), []).append(name + paren + params)
    by_members: dict[tuple[str, tuple[str, ...], str], list[str]] = {}
    for (code, parent, detail), names in by_parent.items():
        by_members.setdefault((code, tuple(names), detail), []).append(parent)
    lines = []
    for (code, members, detail), parents in by_members.items():
        where = braced(list(members))
        if parents != [""]:
            where = f"{braced(parents)}.{where}"
        lines.append((PythonBreak(code, where, detail), len(parents) * len(members)))
    return sorted(lines, key=lambda line: (line[0].where, line[0].code))


def braced(names: list[str], shown: int = 8) -> str:
    """`a`, or `{a, b}`, or `{a, b, ..., and 3 more}` for long lists."""
    if len(names) == 1:
        return names[0]
    common = ""
    if all("." in name for name in names):
        prefixes = {name.rpartition(".")[0] for name in names}
        if len(prefixes) == 1:
            common = f"{prefixes.pop()}."
            names = [name.rpartition(".")[2] for name in names]
    more = f", and {len(names) - shown} more" if len(names) > shown else ""
    return f"{common}{{{', '.join(names[:shown])}{more}}}"
