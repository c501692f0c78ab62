"""`client.contacts`: one contact, by its encrypted id, and its history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import _operations as ops
from .._params import contact_id as _cid
from .._params import int_id
from ._base import AsyncResource, SyncResource

if TYPE_CHECKING:
    from which50_models import (
        Campaign,
        Contact,
        ContactEmail,
        ContactInteraction,
        ContactLandingPage,
        ContactSummary,
        ContactTextMessage,
        ContactWebForm,
    )

__all__ = ["AsyncContacts", "Contacts"]


class Contacts(SyncResource):
    def get(self, contact_id: str) -> Contact:
        """The contact (getContact)."""
        return self._runner.run(ops.get_contact, _cid(contact_id))

    def summary(self, contact_id: str) -> ContactSummary:
        """Counts of the contact's interactions (getContactSummary)."""
        return self._runner.run(ops.get_contact_summary, _cid(contact_id))

    def list_journeys(self, contact_id: str) -> list[Campaign]:
        """The journeys the contact is in (listContactJourneys)."""
        return self._runner.run(ops.list_contact_journeys, _cid(contact_id))

    def list_communications(self, contact_id: str) -> list[ContactInteraction]:
        """Every interaction with the contact (listContactCommunications)."""
        return self._runner.run(ops.list_contact_communications, _cid(contact_id))

    def list_journey_activities(self, contact_id: str, journey_id: int) -> list[ContactInteraction]:
        """The contact's interactions in one journey (listContactJourneyActivities)."""
        return self._runner.run(
            ops.list_contact_journey_activities,
            _cid(contact_id),
            int_id("journey_id", journey_id),
        )

    def list_emails(self, contact_id: str) -> list[ContactEmail]:
        """Emails sent to the contact (listContactEmails)."""
        return self._runner.run(ops.list_contact_emails, _cid(contact_id))

    def list_text_messages(self, contact_id: str) -> list[ContactTextMessage]:
        """Text messages sent to the contact (listContactTextMessages)."""
        return self._runner.run(ops.list_contact_text_messages, _cid(contact_id))

    def list_landing_pages(self, contact_id: str) -> list[ContactLandingPage]:
        """Landing pages the contact visited (listContactLandingPages)."""
        return self._runner.run(ops.list_contact_landing_pages, _cid(contact_id))

    def list_web_forms(self, contact_id: str) -> list[ContactWebForm]:
        """Web forms the contact submitted (listContactWebForms)."""
        return self._runner.run(ops.list_contact_web_forms, _cid(contact_id))


class AsyncContacts(AsyncResource):
    async def get(self, contact_id: str) -> Contact:
        """The contact (getContact)."""
        return await self._runner.run(ops.get_contact, _cid(contact_id))

    async def summary(self, contact_id: str) -> ContactSummary:
        """Counts of the contact's interactions (getContactSummary)."""
        return await self._runner.run(ops.get_contact_summary, _cid(contact_id))

    async def list_journeys(self, contact_id: str) -> list[Campaign]:
        """The journeys the contact is in (listContactJourneys)."""
        return await self._runner.run(ops.list_contact_journeys, _cid(contact_id))

    async def list_communications(self, contact_id: str) -> list[ContactInteraction]:
        """Every interaction with the contact (listContactCommunications)."""
        return await self._runner.run(ops.list_contact_communications, _cid(contact_id))

    async def list_journey_activities(
        self, contact_id: str, journey_id: int
    ) -> list[ContactInteraction]:
        """The contact's interactions in one journey (listContactJourneyActivities)."""
        return await self._runner.run(
            ops.list_contact_journey_activities,
            _cid(contact_id),
            int_id("journey_id", journey_id),
        )

    async def list_emails(self, contact_id: str) -> list[ContactEmail]:
        """Emails sent to the contact (listContactEmails)."""
        return await self._runner.run(ops.list_contact_emails, _cid(contact_id))

    async def list_text_messages(self, contact_id: str) -> list[ContactTextMessage]:
        """Text messages sent to the contact (listContactTextMessages)."""
        return await self._runner.run(ops.list_contact_text_messages, _cid(contact_id))

    async def list_landing_pages(self, contact_id: str) -> list[ContactLandingPage]:
        """Landing pages the contact visited (listContactLandingPages)."""
        return await self._runner.run(ops.list_contact_landing_pages, _cid(contact_id))

    async def list_web_forms(self, contact_id: str) -> list[ContactWebForm]:
        """Web forms the contact submitted (listContactWebForms)."""
        return await self._runner.run(ops.list_contact_web_forms, _cid(contact_id))
