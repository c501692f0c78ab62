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

from which50_resources import AsyncResources, Resources

from ._async.client import AsyncWhich50Core
from ._raw import RawResponses
from ._sync.client import Which50Core
from .resources.contact_lists import AsyncContactLists, ContactLists
from .resources.files import AsyncFiles, Files

__all__ = ["AsyncWhich50", "Which50"]


class Which50(Which50Core, Resources):
    """The Which50 API client.

    Settings come from the arguments, else from `WHICH50_BASE_URL`, `WHICH50_TOKEN`,
    `WHICH50_USERNAME` and `WHICH50_PASSWORD`, else from the defaults. ``http_client`` is your
    own `httpx.Client` (proxies, certificates, event hooks); it is used as is and never closed
    here. ``transport`` replaces the network beneath the retries (``httpx.MockTransport`` in
    tests). Use the client as a context manager, or call `close()`.
    """

    # The resources are generated (`which50_resources.Resources`: contacts, journeys, ...);
    # these two carry the hand-written additions.
    contact_lists: ContactLists
    files: Files
    _contact_lists_class = ContactLists
    _files_class = Files

    def _wire(self) -> None:
        self._attach(self._runner)

    @property
    def with_raw_response(self) -> RawResponses:
        """The same resources, returning `RawResponse` (the httpx response and the parsed value)."""
        return RawResponses(self)


class AsyncWhich50(AsyncWhich50Core, AsyncResources):
    """The async twin of `Which50`: the same resources and methods, awaited. ``http_client``
    is an `httpx.AsyncClient` and ``transport`` an `httpx.AsyncBaseTransport`. Use
    ``async with``, or call `aclose()`."""

    contact_lists: AsyncContactLists
    files: AsyncFiles
    _contact_lists_class = AsyncContactLists
    _files_class = AsyncFiles

    def _wire(self) -> None:
        self._attach(self._runner)

    @property
    def with_raw_response(self) -> RawResponses:
        """The same resources, returning `RawResponse` (the httpx response and the parsed value)."""
        return RawResponses(self)
