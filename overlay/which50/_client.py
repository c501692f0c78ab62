"""`Which50` and `AsyncWhich50`: the clients people import. Twins with the same names.

Each client is its machinery and its resource namespaces. The machinery (configuration,
``with_options``, the HTTP client with the retry transport beneath it, closing, the context
manager) is written once, in `_async/client.py` (`AsyncWhich50Core`), and the sync
`Which50Core` is generated from it by scripts/unasync.py: the two differ only in ``await``,
``async`` and the httpx names, which is what token replacement handles, and a check
(`make check`) keeps them identical otherwise. The resources are wired here, in `_wire`, one
line per namespace, so a change to the resources never touches the generated machinery.
"""

from __future__ import annotations

from ._async.client import AsyncWhich50Core
from ._raw import RawResponses
from ._sync.client import Which50Core
from .resources.contact_lists import AsyncContactLists, ContactLists
from .resources.contacts import AsyncContacts, Contacts
from .resources.files import AsyncFiles, Files
from .resources.journeys import AsyncJourneys, Journeys

__all__ = ["AsyncWhich50", "Which50"]


class Which50(Which50Core):
    """The Which50 API client.

    Settings come from the arguments, else from `WHICH50_BASE_URL`, `WHICH50_TOKEN`,
    `WHICH50_USERNAME` and `WHICH50_PASSWORD`, else from the defaults. ``http_client`` is your
    own `httpx.Client` (proxies, certificates, event hooks); it is used as is and never closed
    here. ``transport`` replaces the network beneath the retries (``httpx.MockTransport`` in
    tests). Use the client as a context manager, or call `close()`.
    """

    contacts: Contacts
    contact_lists: ContactLists
    files: Files
    journeys: Journeys

    def _wire(self) -> None:
        self.contacts = Contacts(self._runner)
        self.contact_lists = ContactLists(self._runner)
        self.files = Files(self._runner)
        self.journeys = Journeys(self._runner)

    @property
    def with_raw_response(self) -> RawResponses:
        """The same resources, returning `RawResponse` (the httpx response and the parsed value)."""
        return RawResponses(self)


class AsyncWhich50(AsyncWhich50Core):
    """The async twin of `Which50`: the same resources and methods, awaited. ``http_client``
    is an `httpx.AsyncClient` and ``transport`` an `httpx.AsyncBaseTransport`. Use
    ``async with``, or call `aclose()`."""

    contacts: AsyncContacts
    contact_lists: AsyncContactLists
    files: AsyncFiles
    journeys: AsyncJourneys

    def _wire(self) -> None:
        self.contacts = AsyncContacts(self._runner)
        self.contact_lists = AsyncContactLists(self._runner)
        self.files = AsyncFiles(self._runner)
        self.journeys = AsyncJourneys(self._runner)

    @property
    def with_raw_response(self) -> RawResponses:
        """The same resources, returning `RawResponse` (the httpx response and the parsed value)."""
        return RawResponses(self)
