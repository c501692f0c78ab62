"""The Python side of the breaking-change guard on seeded mutations of a tiny fake `which50`.

Each mutation changes a copy of the fake package's files (tests/_fake_which50.py); both versions
are written to folders and compared in-process, as `make breaking` does. Every breaking mutation
must be reported with its code at the path a user writes; every harmless one reported not at all.
The fake package has the real one's shape, not its modules, so these hold whatever the layout
becomes (resource classes generated into another package included: see the harmless mutations).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from scripts.breaking_python import PythonBreak, compare_trees, grouped
from tests._fake_which50 import FILES, edited, write

Files = dict[str, str]
Mutation = Callable[[Files], Files]

CLIENT = "overlay/which50/_client.py"
CONTACTS = "overlay/which50/resources/contacts.py"
LISTS = "overlay/which50/resources/lists.py"
TYPES = "overlay/which50/types.py"
MODELS = "generated/which50_models/__init__.py"
INIT = "overlay/which50/__init__.py"

GET = '''    def get(self, contact_id: str) -> Contact:
        """One contact."""
        return self._fetch(clean(contact_id))

'''


def edit(path: str, old: str, new: str) -> Mutation:
    return lambda files: edited(files, path, old, new)


def edits(*mutations: Mutation) -> Mutation:
    def apply(files: Files) -> Files:
        for mutation in mutations:
            files = mutation(files)
        return files

    return apply


# name: (mutation, [(a code expected, at this path), ...])
BREAKING: dict[str, tuple[Mutation, list[tuple[str, str]]]] = {
    "resource method removed": (
        edit(CONTACTS, GET, ""),
        [("removed", "which50.Which50.contacts.get")],
    ),
    "resource method renamed": (
        edit(CONTACTS, "def list(self", "def list_all(self"),
        [("removed", "which50.Which50.contacts.list")],
    ),
    "parameter renamed": (
        edit(CONTACTS, GET, GET.replace("contact_id", "id")),
        [
            ("parameter-removed", "which50.Which50.contacts.get(contact_id)"),
            ("required-parameter-added", "which50.Which50.contacts.get(id)"),
        ],
    ),
    "parameter removed": (
        edit(CONTACTS, ", match: str | None = None", ""),
        [("parameter-removed", "which50.Which50.contacts.list(match)")],
    ),
    "optional parameter made required": (
        edit(CONTACTS, "limit: int = 50", "limit: int"),
        [("parameter-became-required", "which50.Which50.contacts.list(limit)")],
    ),
    "required parameter added": (
        edit(CONTACTS, GET, GET.replace("contact_id: str)", "contact_id: str, list_id: int)")),
        [("required-parameter-added", "which50.Which50.contacts.get(list_id)")],
    ),
    "default changed": (
        edit(CONTACTS, "limit: int = 50", "limit: int = 20"),
        [("default-changed", "which50.Which50.contacts.list(limit)")],
    ),
    "default behind a constant changed": (
        edit("overlay/which50/_constants.py", "MAX_BATCH = 10_000", "MAX_BATCH = 5_000"),
        [("default-changed", "which50.Which50.contacts.upsert(batch_size)")],
    ),
    "exported DEFAULT_ constant changed": (
        edit("overlay/which50/_constants.py", "DEFAULT_TIMEOUT = 60.0", "DEFAULT_TIMEOUT = 30.0"),
        [
            ("default-changed", "which50.DEFAULT_TIMEOUT"),
            ("default-changed", "which50.Which50.__init__(timeout)"),
        ],
    ),
    "positional parameter made keyword-only": (
        edit(
            CONTACTS,
            "values: dict[str, Any], *, batch_size",
            "*, values: dict[str, Any], batch_size",
        ),
        [("parameter-kind-changed", "which50.Which50.contacts.upsert(values)")],
    ),
    "positional parameters swapped": (
        edit(LISTS, "list_id: int, field_id: int", "field_id: int, list_id: int"),
        [("parameter-moved", "which50.Which50.lists.fields.get(list_id)")],
    ),
    "sub-resource method renamed": (
        edit(
            LISTS, "def get(self, list_id: int, field_id", "def fetch(self, list_id: int, field_id"
        ),
        [("removed", "which50.Which50.lists.fields.get")],
    ),
    "async twin's method removed": (
        edit(CONTACTS, "async def get(", "async def fetch("),
        [("removed", "which50.AsyncWhich50.contacts.get")],
    ),
    "resource removed from the client": (
        edits(
            edit(CLIENT, "    lists: Lists\n", ""),
            edit(CLIENT, "        self.lists = Lists()\n", ""),
        ),
        [("removed", "which50.Which50.lists")],
    ),
    "resource no longer typed as its class": (
        edits(
            edit(CLIENT, "    contacts: Contacts\n    lists", "    contacts: object\n    lists"),
            edit(CLIENT, "self.contacts = Contacts()", "self.contacts = object()"),
        ),
        [("attribute-class-lost", "which50.Which50.contacts")],
    ),
    "method became a property": (
        edit(CLIENT, "    def close(self) -> None:", "    @property\n    def close(self) -> None:"),
        [("kind-changed", "which50.Which50.close")],
    ),
    "client parameter removed": (
        edit(CLIENT, "*, token: str | None = None, timeout", "*, timeout"),
        [("parameter-removed", "which50.Which50.__init__(token)")],
    ),
    "model removed from which50.types": (
        edits(
            edit(TYPES, "Contact, ContactList\n", "Contact\n"),
            edit(TYPES, '"Contact", "ContactList"]', '"Contact"]'),
        ),
        [("removed", "which50.types.ContactList")],
    ),
    "model field removed": (
        edit(
            MODELS,
            '    list_id: Annotated[int | None, Field(alias="ListId", description="Its list.")]'
            " = None\n",
            "",
        ),
        [("removed", "which50.types.Contact.list_id")],
    ),
    "model field renamed": (
        edit(MODELS, "    list_id: Annotated", "    contact_list_id: Annotated"),
        [("removed", "which50.types.Contact.list_id")],
    ),
    "model field made required": (
        edit(MODELS, 'description="Its list.")] = None', 'description="Its list.")]'),
        [("field-became-required", "which50.types.Contact.list_id")],
    ),
    "model field default changed": (
        edit(MODELS, 'Field(alias="Name")] = None', 'Field(alias="Name")] = ""'),
        [("default-changed", "which50.types.ContactList.name")],
    ),
    "exception class removed": (
        edits(
            edit(INIT, "NotFoundError, Which50Error", "Which50Error"),
            edit(INIT, '"NotFoundError", ', ""),
        ),
        [("removed", "which50.NotFoundError")],
    ),
}

GENERATED_BASE = '''class ContactsBase:
    """Written by the generator: one method per operation."""

    def get(self, contact_id: str) -> object:
        """One contact (getContact)."""
        raise NotImplementedError

    def list(self, list_id: int, *, limit: int = 50, match: str | None = None) -> list[object]:
        """Contacts of a list (listContacts)."""
        return []

    def upsert(self, list_id: int, values: dict[str, object], *, batch_size: int = 10_000) -> int:
        """Create or update (upsertContact)."""
        return 0
'''


def methods_in_a_generated_base(files: Files) -> Files:
    """Contacts keeps its name and place, its methods now inherited from a generated package."""
    text = files[CONTACTS]
    start, end = text.index("class Contacts:"), text.index("class AsyncContacts:")
    contacts = (
        "from which50_resources import ContactsBase\n\n\n"
        'class Contacts(ContactsBase):\n    """client.contacts"""\n\n\n'
    )
    return {
        **files,
        CONTACTS: text[:start] + contacts + text[end:],
        "generated/which50_resources/__init__.py": GENERATED_BASE,
    }


def resource_class_moved(files: Files) -> Files:
    """Contacts renamed and moved to another module; the client reaches it as before."""
    text = files[CONTACTS]
    files = {
        **files,
        CONTACTS: text.replace("class Contacts:", "class ContactsResource:"),
        "overlay/which50/resources/people.py": "from .contacts import ContactsResource\n",
    }
    files = edited(files, CLIENT, "from .resources.contacts import AsyncContacts, Contacts", "")
    files = edited(
        files,
        CLIENT,
        "from ._constants",
        (
            "from .resources.contacts import AsyncContacts\n"
            "from .resources.people import ContactsResource\n"
            "from ._constants"
        ),
    )
    files = edited(
        files,
        CLIENT,
        "    contacts: Contacts\n    lists",
        "    contacts: ContactsResource\n    lists",
    )
    return edited(files, CLIENT, "self.contacts = Contacts()", "self.contacts = ContactsResource()")


HARMLESS: dict[str, Mutation] = {
    "optional keyword parameter added at the end": edit(
        CONTACTS, "match: str | None = None)", "match: str | None = None, offset: int = 0)"
    ),
    "method added": edit(
        CONTACTS,
        "    def _fetch(",
        '    def delete(self, contact_id: str) -> None:\n        """Delete."""\n\n    def _fetch(',
    ),
    "model added": edits(
        edit(TYPES, "Contact, ContactList\n", "Contact, ContactList, Journey\n"),
        edit(TYPES, '"ContactList"]', '"ContactList", "Journey"]'),
        edit(
            MODELS,
            "\n\nclass ContactList(",
            '\n\nclass Journey(BaseModel):\n    id: Annotated[int, Field(alias="Id")]\n'
            "\n\nclass ContactList(",
        ),
    ),
    "optional model field added": edit(
        MODELS,
        "    list_id: Annotated",
        '    email: Annotated[str | None, Field(alias="Email")] = None\n    list_id: Annotated',
    ),
    "docstrings and field descriptions changed": edits(
        edit(
            CONTACTS,
            '"""One contact."""\n        return self',
            '"""One contact, by its encrypted id."""\n        return self',
        ),
        edit(MODELS, 'description="Its list."', 'description="The list it is in."'),
    ),
    "private helper changed": edits(
        edit(
            "overlay/which50/_helpers.py",
            "def clean(value: str, *, strict: bool = False)",
            "def clean(text: str)",
        ),
        edit("overlay/which50/_helpers.py", "value.strip()", "text.strip()"),
        edit(CONTACTS, "self._fetch(clean(contact_id))", "self._get_one(clean(contact_id))"),
        edit(CONTACTS, "def _fetch(self, contact_id: str)", "def _get_one(self, key: str)"),
    ),
    "keyword-only parameters reordered": edit(
        CONTACTS,
        "*, limit: int = 50, match: str | None = None",
        "*, match: str | None = None, limit: int = 50",
    ),
    "a default written as the constant's value": edit(
        CONTACTS, "batch_size: int = MAX_BATCH", "batch_size: int = 10_000"
    ),
    "resource methods moved into a generated base class": methods_in_a_generated_base,
    "resource class renamed and moved to another module": resource_class_moved,
}


@pytest.fixture(scope="module")
def old_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(FILES, tmp_path_factory.mktemp("old"))


def test_the_mutations_are_many_enough() -> None:
    assert len(BREAKING) >= 9 and len(HARMLESS) >= 5
    assert not BREAKING.keys() & HARMLESS.keys()


def test_the_fake_package_matches_itself(old_tree: Path, tmp_path: Path) -> None:
    assert compare_trees(old_tree, write(FILES, tmp_path)) == []


@pytest.mark.parametrize("name", BREAKING)
def test_each_breaking_change_is_caught(name: str, old_tree: Path, tmp_path: Path) -> None:
    mutation, expected = BREAKING[name]
    breaks = compare_trees(old_tree, write(mutation(FILES), tmp_path))
    assert set(expected) <= {(b.code, b.where) for b in breaks}, breaks


@pytest.mark.parametrize("name", HARMLESS)
def test_each_harmless_change_passes(name: str, old_tree: Path, tmp_path: Path) -> None:
    assert compare_trees(old_tree, write(HARMLESS[name](FILES), tmp_path)) == []


def test_alike_breaks_are_folded_into_one_line() -> None:
    breaks = [
        PythonBreak("removed", f"which50.types.{model}.{member}", "method")
        for model in ("Contact", "Journey")
        for member in ("to_dict", "from_dict")
    ] + [
        PythonBreak("field-became-required", "which50.types.Contact.id", "its default was UNSET"),
        PythonBreak("parameter-removed", "which50.Which50.contacts.get(contact_id)"),
    ]
    assert grouped(breaks) == [
        (PythonBreak("parameter-removed", "which50.Which50.contacts.get(contact_id)"), 1),
        (
            PythonBreak(
                "field-became-required", "which50.types.Contact.id", "its default was UNSET"
            ),
            1,
        ),
        (
            PythonBreak(
                "removed", "which50.types.{Contact, Journey}.{to_dict, from_dict}", "method"
            ),
            4,
        ),
    ]
