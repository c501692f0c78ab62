"""`client.journeys`: journeys (campaigns), their activities, reports and sends."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .. import _bodies as bodies
from .. import _operations as ops
from .._params import int_id, names, text
from .._runner import AsyncRunner, SyncRunner
from ._base import AsyncResource, SyncResource

if TYPE_CHECKING:
    from which50_models import (
        Campaign,
        CampaignActivity,
        Contact,
        EmailReport,
        JourneyChannelReports,
        LandingPageReport,
        TextMessageReport,
    )

    from ..types import EmailState, LandingPageState

__all__ = [
    "Activities",
    "AsyncActivities",
    "AsyncJourneys",
    "AsyncReports",
    "AsyncSends",
    "Journeys",
    "Reports",
    "Sends",
]


def _journey(value: int) -> int:
    return int_id("journey_id", value)


_email_state = bodies.email_state
_landing_page_state = bodies.landing_page_state


def _match(match: Sequence[str] | None) -> dict[str, list[str]]:
    joined = names("match", match)
    return {} if joined is None else {"match": joined}


def _email_patch(match: Mapping[str, str | int]) -> dict[str, Any]:
    return bodies.patch_match("UpdateMatchingAndSendEmail", match)


def _text_patch(match: Mapping[str, str | int]) -> dict[str, Any]:
    return bodies.patch_match("UpdateMatchingAndSendTextMessage", match)


def _pdf(
    values: Mapping[str, Any],
    contact_list_id: int | None,
    match: Sequence[str] | None,
    custom_events: Sequence[str] | None,
) -> dict[str, Any]:
    params: dict[str, Any] = {"body": bodies.contact(contact_list_id, values), **_match(match)}
    events = names("custom_events", custom_events)
    if events is not None:
        params["customevents"] = events
    return params


class Activities(SyncResource):
    """`client.journeys.activities`: the steps of a journey."""

    def list(self, journey_id: int) -> builtins.list[CampaignActivity]:
        """The journey's activities (listJourneyActivities)."""
        return self._runner.run(ops.list_journey_activities, _journey(journey_id))

    def get(self, journey_id: int, activity_id: int) -> CampaignActivity:
        """One activity (getJourneyActivity)."""
        return self._runner.run(
            ops.get_journey_activity,
            _journey(journey_id),
            int_id("activity_id", activity_id),
        )

    def list_contacts(self, journey_id: int, activity_id: int) -> builtins.list[Contact]:
        """The contacts that reached the activity (listJourneyActivityContacts)."""
        return self._runner.run(
            ops.list_journey_activity_contacts,
            _journey(journey_id),
            int_id("activity_id", activity_id),
        )


class Reports(SyncResource):
    """`client.journeys.reports`: what each channel of a journey achieved."""

    def get(self, journey_id: int) -> JourneyChannelReports:
        """Every channel's report (getJourneyReports)."""
        return self._runner.run(ops.get_journey_reports, _journey(journey_id))

    def emails(self, journey_id: int) -> list[EmailReport]:
        """One report per email (getJourneyEmailReport)."""
        return self._runner.run(ops.get_journey_email_report, _journey(journey_id))

    def text_messages(self, journey_id: int) -> list[TextMessageReport]:
        """One report per text message (getJourneyTextMessageReport)."""
        return self._runner.run(ops.get_journey_text_message_report, _journey(journey_id))

    def landing_pages(self, journey_id: int) -> list[LandingPageReport]:
        """One report per landing page (getJourneyLandingPageReport)."""
        return self._runner.run(ops.get_journey_landing_page_report, _journey(journey_id))

    def email_contacts(
        self, journey_id: int, email_id: int, *, state: EmailState | None = None
    ) -> list[Contact]:
        """Contacts sent the email, or only those in ``state`` (listJourneyEmailContacts,
        listJourneyEmailContactsByState)."""
        ids = (_journey(journey_id), int_id("email_id", email_id))
        if state is None:
            return self._runner.run(ops.list_journey_email_contacts, *ids)
        return self._runner.run(ops.list_journey_email_contacts_by_state, *ids, _email_state(state))

    def text_message_contacts(
        self, journey_id: int, text_message_id: int, *, state: str | None = None
    ) -> list[Contact]:
        """Contacts sent the text message, or only those in ``state``
        (listJourneyTextMessageContacts, listJourneyTextMessageContactsByState)."""
        ids = (_journey(journey_id), int_id("text_message_id", text_message_id))
        if state is None:
            return self._runner.run(ops.list_journey_text_message_contacts, *ids)
        return self._runner.run(
            ops.list_journey_text_message_contacts_by_state,
            *ids,
            text("state", state),
        )

    def landing_page_contacts(
        self, journey_id: int, landing_page_id: int, *, state: LandingPageState | None = None
    ) -> list[Contact]:
        """Contacts who saw the landing page, or only those in ``state``
        (listJourneyLandingPageContacts, listJourneyLandingPageContactsByState)."""
        ids = (_journey(journey_id), int_id("landing_page_id", landing_page_id))
        if state is None:
            return self._runner.run(ops.list_journey_landing_page_contacts, *ids)
        return self._runner.run(
            ops.list_journey_landing_page_contacts_by_state,
            *ids,
            _landing_page_state(state),
        )


class Sends(SyncResource):
    """`client.journeys.sends`: write a contact, then send it an email or a text message."""

    def send_email(
        self,
        email_id: int,
        contact_list_id: int,
        values: Mapping[str, Any],
        *,
        match: Sequence[str] | None = None,
    ) -> Contact:
        """Create or update the contact, then send the email (sendEmail, POST)."""
        return self._runner.run(
            ops.send_email,
            body=bodies.email_send(email_id, contact_list_id, values),
            **_match(match),
        )

    def upsert_and_send_email(
        self,
        email_id: int,
        contact_list_id: int,
        values: Mapping[str, Any],
        *,
        match: Sequence[str],
    ) -> Contact:
        """Update every contact matching on ``match`` (or create one), then send the email
        (upsertAndSendEmail, PUT)."""
        return self._runner.run(
            ops.upsert_and_send_email,
            body=bodies.email_send(email_id, contact_list_id, values),
            **_match(match),
        )

    def update_matching_and_send_email(
        self,
        email_id: int,
        contact_list_id: int,
        match: Mapping[str, str | int],
        values: Mapping[str, Any],
    ) -> Contact:
        """Set ``values`` on the contacts whose fields equal ``match``, then send the email
        (updateMatchingAndSendEmail, PATCH)."""
        return self._runner.run(
            ops.update_matching_and_send_email,
            body=bodies.email_send(email_id, contact_list_id, values),
            **_email_patch(match),
        )

    def send_text_message(
        self,
        text_message_id: int,
        contact_list_id: int,
        values: Mapping[str, Any],
        *,
        match: Sequence[str] | None = None,
    ) -> Contact:
        """Create or update the contact, then send the text message (sendTextMessage, POST)."""
        return self._runner.run(
            ops.send_text_message,
            body=bodies.text_message_send(text_message_id, contact_list_id, values),
            **_match(match),
        )

    def upsert_and_send_text_message(
        self,
        text_message_id: int,
        contact_list_id: int,
        values: Mapping[str, Any],
        *,
        match: Sequence[str],
    ) -> Contact:
        """Update every contact matching on ``match`` (or create one), then send the text
        message (upsertAndSendTextMessage, PUT)."""
        return self._runner.run(
            ops.upsert_and_send_text_message,
            body=bodies.text_message_send(text_message_id, contact_list_id, values),
            **_match(match),
        )

    def update_matching_and_send_text_message(
        self,
        text_message_id: int,
        contact_list_id: int,
        match: Mapping[str, str | int],
        values: Mapping[str, Any],
    ) -> Contact:
        """Set ``values`` on the contacts whose fields equal ``match``, then send the text
        message (updateMatchingAndSendTextMessage, PATCH)."""
        return self._runner.run(
            ops.update_matching_and_send_text_message,
            body=bodies.text_message_send(text_message_id, contact_list_id, values),
            **_text_patch(match),
        )


class Journeys(SyncResource):
    """`client.journeys`."""

    def __init__(self, runner: SyncRunner) -> None:
        super().__init__(runner)
        self.activities = Activities(runner)
        self.reports = Reports(runner)
        self.sends = Sends(runner)

    def list(self) -> builtins.list[Campaign]:
        """Every journey (listJourneys)."""
        return self._runner.run(ops.list_journeys)

    def get(self, journey_id: int) -> Campaign:
        """One journey (getJourney)."""
        return self._runner.run(ops.get_journey, _journey(journey_id))

    def list_contacts(self, journey_id: int) -> builtins.list[Contact]:
        """The journey's contacts (listJourneyContacts)."""
        return self._runner.run(ops.list_journey_contacts, _journey(journey_id))

    def generate_landing_page_pdf(
        self,
        journey_id: int,
        landing_page_id: int,
        values: Mapping[str, Any],
        *,
        contact_list_id: int | None = None,
        match: Sequence[str] | None = None,
        custom_events: Sequence[str] | None = None,
    ) -> bytes:
        """The landing page rendered as a PDF for the contact (generateLandingPagePdf)."""
        return self._runner.run(
            ops.generate_landing_page_pdf,
            _journey(journey_id),
            int_id("landing_page_id", landing_page_id),
            **_pdf(values, contact_list_id, match, custom_events),
        )


class AsyncActivities(AsyncResource):
    """`aclient.journeys.activities`: the steps of a journey."""

    async def list(self, journey_id: int) -> builtins.list[CampaignActivity]:
        """The journey's activities (listJourneyActivities)."""
        return await self._runner.run(ops.list_journey_activities, _journey(journey_id))

    async def get(self, journey_id: int, activity_id: int) -> CampaignActivity:
        """One activity (getJourneyActivity)."""
        return await self._runner.run(
            ops.get_journey_activity,
            _journey(journey_id),
            int_id("activity_id", activity_id),
        )

    async def list_contacts(self, journey_id: int, activity_id: int) -> builtins.list[Contact]:
        """The contacts that reached the activity (listJourneyActivityContacts)."""
        return await self._runner.run(
            ops.list_journey_activity_contacts,
            _journey(journey_id),
            int_id("activity_id", activity_id),
        )


class AsyncReports(AsyncResource):
    """`aclient.journeys.reports`: what each channel of a journey achieved."""

    async def get(self, journey_id: int) -> JourneyChannelReports:
        """Every channel's report (getJourneyReports)."""
        return await self._runner.run(ops.get_journey_reports, _journey(journey_id))

    async def emails(self, journey_id: int) -> list[EmailReport]:
        """One report per email (getJourneyEmailReport)."""
        return await self._runner.run(ops.get_journey_email_report, _journey(journey_id))

    async def text_messages(self, journey_id: int) -> list[TextMessageReport]:
        """One report per text message (getJourneyTextMessageReport)."""
        return await self._runner.run(ops.get_journey_text_message_report, _journey(journey_id))

    async def landing_pages(self, journey_id: int) -> list[LandingPageReport]:
        """One report per landing page (getJourneyLandingPageReport)."""
        return await self._runner.run(ops.get_journey_landing_page_report, _journey(journey_id))

    async def email_contacts(
        self, journey_id: int, email_id: int, *, state: EmailState | None = None
    ) -> list[Contact]:
        """Contacts sent the email, or only those in ``state`` (listJourneyEmailContacts,
        listJourneyEmailContactsByState)."""
        ids = (_journey(journey_id), int_id("email_id", email_id))
        if state is None:
            return await self._runner.run(ops.list_journey_email_contacts, *ids)
        return await self._runner.run(
            ops.list_journey_email_contacts_by_state, *ids, _email_state(state)
        )

    async def text_message_contacts(
        self, journey_id: int, text_message_id: int, *, state: str | None = None
    ) -> list[Contact]:
        """Contacts sent the text message, or only those in ``state``
        (listJourneyTextMessageContacts, listJourneyTextMessageContactsByState)."""
        ids = (_journey(journey_id), int_id("text_message_id", text_message_id))
        if state is None:
            return await self._runner.run(ops.list_journey_text_message_contacts, *ids)
        return await self._runner.run(
            ops.list_journey_text_message_contacts_by_state,
            *ids,
            text("state", state),
        )

    async def landing_page_contacts(
        self, journey_id: int, landing_page_id: int, *, state: LandingPageState | None = None
    ) -> list[Contact]:
        """Contacts who saw the landing page, or only those in ``state``
        (listJourneyLandingPageContacts, listJourneyLandingPageContactsByState)."""
        ids = (_journey(journey_id), int_id("landing_page_id", landing_page_id))
        if state is None:
            return await self._runner.run(ops.list_journey_landing_page_contacts, *ids)
        return await self._runner.run(
            ops.list_journey_landing_page_contacts_by_state,
            *ids,
            _landing_page_state(state),
        )


class AsyncSends(AsyncResource):
    """`aclient.journeys.sends`: write a contact, then send it an email or a text message."""

    async def send_email(
        self,
        email_id: int,
        contact_list_id: int,
        values: Mapping[str, Any],
        *,
        match: Sequence[str] | None = None,
    ) -> Contact:
        """Create or update the contact, then send the email (sendEmail, POST)."""
        return await self._runner.run(
            ops.send_email,
            body=bodies.email_send(email_id, contact_list_id, values),
            **_match(match),
        )

    async def upsert_and_send_email(
        self,
        email_id: int,
        contact_list_id: int,
        values: Mapping[str, Any],
        *,
        match: Sequence[str],
    ) -> Contact:
        """Update every contact matching on ``match`` (or create one), then send the email
        (upsertAndSendEmail, PUT)."""
        return await self._runner.run(
            ops.upsert_and_send_email,
            body=bodies.email_send(email_id, contact_list_id, values),
            **_match(match),
        )

    async def update_matching_and_send_email(
        self,
        email_id: int,
        contact_list_id: int,
        match: Mapping[str, str | int],
        values: Mapping[str, Any],
    ) -> Contact:
        """Set ``values`` on the contacts whose fields equal ``match``, then send the email
        (updateMatchingAndSendEmail, PATCH)."""
        return await self._runner.run(
            ops.update_matching_and_send_email,
            body=bodies.email_send(email_id, contact_list_id, values),
            **_email_patch(match),
        )

    async def send_text_message(
        self,
        text_message_id: int,
        contact_list_id: int,
        values: Mapping[str, Any],
        *,
        match: Sequence[str] | None = None,
    ) -> Contact:
        """Create or update the contact, then send the text message (sendTextMessage, POST)."""
        return await self._runner.run(
            ops.send_text_message,
            body=bodies.text_message_send(text_message_id, contact_list_id, values),
            **_match(match),
        )

    async def upsert_and_send_text_message(
        self,
        text_message_id: int,
        contact_list_id: int,
        values: Mapping[str, Any],
        *,
        match: Sequence[str],
    ) -> Contact:
        """Update every contact matching on ``match`` (or create one), then send the text
        message (upsertAndSendTextMessage, PUT)."""
        return await self._runner.run(
            ops.upsert_and_send_text_message,
            body=bodies.text_message_send(text_message_id, contact_list_id, values),
            **_match(match),
        )

    async def update_matching_and_send_text_message(
        self,
        text_message_id: int,
        contact_list_id: int,
        match: Mapping[str, str | int],
        values: Mapping[str, Any],
    ) -> Contact:
        """Set ``values`` on the contacts whose fields equal ``match``, then send the text
        message (updateMatchingAndSendTextMessage, PATCH)."""
        return await self._runner.run(
            ops.update_matching_and_send_text_message,
            body=bodies.text_message_send(text_message_id, contact_list_id, values),
            **_text_patch(match),
        )


class AsyncJourneys(AsyncResource):
    """`aclient.journeys`."""

    def __init__(self, runner: AsyncRunner) -> None:
        super().__init__(runner)
        self.activities = AsyncActivities(runner)
        self.reports = AsyncReports(runner)
        self.sends = AsyncSends(runner)

    async def list(self) -> builtins.list[Campaign]:
        """Every journey (listJourneys)."""
        return await self._runner.run(ops.list_journeys)

    async def get(self, journey_id: int) -> Campaign:
        """One journey (getJourney)."""
        return await self._runner.run(ops.get_journey, _journey(journey_id))

    async def list_contacts(self, journey_id: int) -> builtins.list[Contact]:
        """The journey's contacts (listJourneyContacts)."""
        return await self._runner.run(ops.list_journey_contacts, _journey(journey_id))

    async def generate_landing_page_pdf(
        self,
        journey_id: int,
        landing_page_id: int,
        values: Mapping[str, Any],
        *,
        contact_list_id: int | None = None,
        match: Sequence[str] | None = None,
        custom_events: Sequence[str] | None = None,
    ) -> bytes:
        """The landing page rendered as a PDF for the contact (generateLandingPagePdf)."""
        return await self._runner.run(
            ops.generate_landing_page_pdf,
            _journey(journey_id),
            int_id("landing_page_id", landing_page_id),
            **_pdf(values, contact_list_id, match, custom_events),
        )
