"""A tiny `which50` of the same shape as the real one, for the Python breaking-change guard.

It has what the guard must see through: clients whose attributes are annotated with resource
classes, a sub-resource built in `__init__`, a default behind a named constant, exported errors
and `DEFAULT_*` constants, models in `generated/` re-exported by `which50.types`, and private
modules. Tests change a copy of its files (`FILES`) and write each version to a folder.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

FILES: dict[str, str] = {
    "overlay/which50/__init__.py": '''"""A fake which50."""

from ._client import AsyncWhich50, Which50
from ._constants import DEFAULT_TIMEOUT
from ._errors import NotFoundError, Which50Error

__all__ = ["DEFAULT_TIMEOUT", "AsyncWhich50", "NotFoundError", "Which50", "Which50Error"]
''',
    "overlay/which50/_constants.py": """DEFAULT_TIMEOUT = 60.0
MAX_BATCH = 10_000
""",
    "overlay/which50/_errors.py": '''class Which50Error(Exception):
    """The root."""


class NotFoundError(Which50Error):
    """404."""
''',
    "overlay/which50/_helpers.py": '''def clean(value: str, *, strict: bool = False) -> str:
    """A private module's helper: never public."""
    return value.strip()
''',
    "overlay/which50/_client.py": '''from ._constants import DEFAULT_TIMEOUT
from .resources.contacts import AsyncContacts, Contacts
from .resources.lists import Lists


class Which50:
    """The client."""

    contacts: Contacts
    lists: Lists

    def __init__(self, *, token: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.contacts = Contacts()
        self.lists = Lists()

    def close(self) -> None:
        """Close."""


class AsyncWhich50:
    """The async client."""

    contacts: AsyncContacts

    def __init__(self, *, token: str | None = None) -> None:
        self.contacts = AsyncContacts()
''',
    "overlay/which50/resources/__init__.py": '"""Resources."""\n',
    "overlay/which50/resources/contacts.py": '''from typing import Any

from which50_models import Contact

from .._constants import MAX_BATCH
from .._helpers import clean


class Contacts:
    """client.contacts"""

    def get(self, contact_id: str) -> Contact:
        """One contact."""
        return self._fetch(clean(contact_id))

    def list(self, list_id: int, *, limit: int = 50, match: str | None = None) -> list[Contact]:
        """Contacts of a list."""
        return []

    def upsert(self, list_id: int, values: dict[str, Any], *, batch_size: int = MAX_BATCH) -> int:
        """Create or update."""
        return 0

    def _fetch(self, contact_id: str) -> Contact:
        raise NotImplementedError


class AsyncContacts:
    """aclient.contacts"""

    async def get(self, contact_id: str) -> Contact:
        """One contact."""
        raise NotImplementedError
''',
    "overlay/which50/resources/lists.py": '''from which50_models import ContactList


class Fields:
    """client.lists.fields"""

    def get(self, list_id: int, field_id: int) -> str:
        """One field."""
        return ""


class Lists:
    """client.lists"""

    def __init__(self) -> None:
        self.fields = Fields()

    def get(self, list_id: int) -> ContactList:
        """One list."""
        raise NotImplementedError
''',
    "overlay/which50/types.py": '''"""The models."""

from which50_models import Contact, ContactList

__all__ = ["Contact", "ContactList"]
''',
    "generated/which50_models/__init__.py": """from typing import Annotated

from pydantic import BaseModel, Field


class Contact(BaseModel):
    enc_contact_id: Annotated[str, Field(alias="EncContactId", description="The id.")]
    list_id: Annotated[int | None, Field(alias="ListId", description="Its list.")] = None


class ContactList(BaseModel):
    id: Annotated[int, Field(alias="Id")]
    name: Annotated[str | None, Field(alias="Name")] = None
""",
}


def edited(files: Mapping[str, str], path: str, old: str, new: str) -> dict[str, str]:
    """A copy of `files` with `old` replaced by `new` in one file (which must contain it)."""
    assert old in files[path], f"{old!r} is not in {path}"
    return {**files, path: files[path].replace(old, new)}


def write(files: Mapping[str, str], root: Path) -> Path:
    for relative, text in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root
