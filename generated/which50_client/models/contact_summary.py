from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.contact_email import ContactEmail
    from ..models.contact_interaction import ContactInteraction
    from ..models.contact_landing_page import ContactLandingPage
    from ..models.contact_text_message import ContactTextMessage
    from ..models.contact_web_form import ContactWebForm


T = TypeVar("T", bound="ContactSummary")


@_attrs_define
class ContactSummary:
    """Inferred: the last 10 interactions of each kind that the index names (emails, texts, landing pages, web forms, RSVP
    events, competitions), reusing the documented interaction DTOs. Inferred: presence and nullability, after the
    ASP.NET serializer (see the API's description).

    """

    emails: list[ContactEmail] | None
    text_messages: list[ContactTextMessage] | None
    landing_pages: list[ContactLandingPage] | None
    web_forms: list[ContactWebForm] | None
    rsvp_events: list[ContactInteraction] | None
    competitions: list[ContactInteraction] | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        emails: list[dict[str, Any]] | None
        if isinstance(self.emails, list):
            emails = []
            for emails_type_0_item_data in self.emails:
                emails_type_0_item = emails_type_0_item_data.to_dict()
                emails.append(emails_type_0_item)

        else:
            emails = self.emails

        text_messages: list[dict[str, Any]] | None
        if isinstance(self.text_messages, list):
            text_messages = []
            for text_messages_type_0_item_data in self.text_messages:
                text_messages_type_0_item = text_messages_type_0_item_data.to_dict()
                text_messages.append(text_messages_type_0_item)

        else:
            text_messages = self.text_messages

        landing_pages: list[dict[str, Any]] | None
        if isinstance(self.landing_pages, list):
            landing_pages = []
            for landing_pages_type_0_item_data in self.landing_pages:
                landing_pages_type_0_item = landing_pages_type_0_item_data.to_dict()
                landing_pages.append(landing_pages_type_0_item)

        else:
            landing_pages = self.landing_pages

        web_forms: list[dict[str, Any]] | None
        if isinstance(self.web_forms, list):
            web_forms = []
            for web_forms_type_0_item_data in self.web_forms:
                web_forms_type_0_item = web_forms_type_0_item_data.to_dict()
                web_forms.append(web_forms_type_0_item)

        else:
            web_forms = self.web_forms

        rsvp_events: list[dict[str, Any]] | None
        if isinstance(self.rsvp_events, list):
            rsvp_events = []
            for rsvp_events_type_0_item_data in self.rsvp_events:
                rsvp_events_type_0_item = rsvp_events_type_0_item_data.to_dict()
                rsvp_events.append(rsvp_events_type_0_item)

        else:
            rsvp_events = self.rsvp_events

        competitions: list[dict[str, Any]] | None
        if isinstance(self.competitions, list):
            competitions = []
            for competitions_type_0_item_data in self.competitions:
                competitions_type_0_item = competitions_type_0_item_data.to_dict()
                competitions.append(competitions_type_0_item)

        else:
            competitions = self.competitions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Emails": emails,
                "TextMessages": text_messages,
                "LandingPages": landing_pages,
                "WebForms": web_forms,
                "RSVPEvents": rsvp_events,
                "Competitions": competitions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contact_email import ContactEmail
        from ..models.contact_interaction import ContactInteraction
        from ..models.contact_landing_page import ContactLandingPage
        from ..models.contact_text_message import ContactTextMessage
        from ..models.contact_web_form import ContactWebForm

        d = dict(src_dict)

        def _parse_emails(data: object) -> list[ContactEmail] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                emails_type_0 = []
                _emails_type_0 = data
                for emails_type_0_item_data in _emails_type_0:
                    emails_type_0_item = ContactEmail.from_dict(emails_type_0_item_data)

                    emails_type_0.append(emails_type_0_item)

                return emails_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ContactEmail] | None, data)

        emails = _parse_emails(d.pop("Emails"))

        def _parse_text_messages(data: object) -> list[ContactTextMessage] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                text_messages_type_0 = []
                _text_messages_type_0 = data
                for text_messages_type_0_item_data in _text_messages_type_0:
                    text_messages_type_0_item = ContactTextMessage.from_dict(
                        text_messages_type_0_item_data
                    )

                    text_messages_type_0.append(text_messages_type_0_item)

                return text_messages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ContactTextMessage] | None, data)

        text_messages = _parse_text_messages(d.pop("TextMessages"))

        def _parse_landing_pages(data: object) -> list[ContactLandingPage] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                landing_pages_type_0 = []
                _landing_pages_type_0 = data
                for landing_pages_type_0_item_data in _landing_pages_type_0:
                    landing_pages_type_0_item = ContactLandingPage.from_dict(
                        landing_pages_type_0_item_data
                    )

                    landing_pages_type_0.append(landing_pages_type_0_item)

                return landing_pages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ContactLandingPage] | None, data)

        landing_pages = _parse_landing_pages(d.pop("LandingPages"))

        def _parse_web_forms(data: object) -> list[ContactWebForm] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                web_forms_type_0 = []
                _web_forms_type_0 = data
                for web_forms_type_0_item_data in _web_forms_type_0:
                    web_forms_type_0_item = ContactWebForm.from_dict(
                        web_forms_type_0_item_data
                    )

                    web_forms_type_0.append(web_forms_type_0_item)

                return web_forms_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ContactWebForm] | None, data)

        web_forms = _parse_web_forms(d.pop("WebForms"))

        def _parse_rsvp_events(data: object) -> list[ContactInteraction] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                rsvp_events_type_0 = []
                _rsvp_events_type_0 = data
                for rsvp_events_type_0_item_data in _rsvp_events_type_0:
                    rsvp_events_type_0_item = ContactInteraction.from_dict(
                        rsvp_events_type_0_item_data
                    )

                    rsvp_events_type_0.append(rsvp_events_type_0_item)

                return rsvp_events_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ContactInteraction] | None, data)

        rsvp_events = _parse_rsvp_events(d.pop("RSVPEvents"))

        def _parse_competitions(data: object) -> list[ContactInteraction] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                competitions_type_0 = []
                _competitions_type_0 = data
                for competitions_type_0_item_data in _competitions_type_0:
                    competitions_type_0_item = ContactInteraction.from_dict(
                        competitions_type_0_item_data
                    )

                    competitions_type_0.append(competitions_type_0_item)

                return competitions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ContactInteraction] | None, data)

        competitions = _parse_competitions(d.pop("Competitions"))

        contact_summary = cls(
            emails=emails,
            text_messages=text_messages,
            landing_pages=landing_pages,
            web_forms=web_forms,
            rsvp_events=rsvp_events,
            competitions=competitions,
        )

        contact_summary.additional_properties = d
        return contact_summary

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
