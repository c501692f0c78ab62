from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.email_report import EmailReport
    from ..models.landing_page_report import LandingPageReport
    from ..models.text_message_report import TextMessageReport


T = TypeVar("T", bound="JourneyChannelReports")


@_attrs_define
class JourneyChannelReports:
    """Inferred: the channel reports of a journey, one array per channel. Inferred: presence and nullability, after the
    ASP.NET serializer (see the API's description).

    """

    emails: list[EmailReport] | None
    text_messages: list[TextMessageReport] | None
    landing_pages: list[LandingPageReport] | None
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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Emails": emails,
                "TextMessages": text_messages,
                "LandingPages": landing_pages,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.email_report import EmailReport
        from ..models.landing_page_report import LandingPageReport
        from ..models.text_message_report import TextMessageReport

        d = dict(src_dict)

        def _parse_emails(data: object) -> list[EmailReport] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                emails_type_0 = []
                _emails_type_0 = data
                for emails_type_0_item_data in _emails_type_0:
                    emails_type_0_item = EmailReport.from_dict(emails_type_0_item_data)

                    emails_type_0.append(emails_type_0_item)

                return emails_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[EmailReport] | None, data)

        emails = _parse_emails(d.pop("Emails"))

        def _parse_text_messages(data: object) -> list[TextMessageReport] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                text_messages_type_0 = []
                _text_messages_type_0 = data
                for text_messages_type_0_item_data in _text_messages_type_0:
                    text_messages_type_0_item = TextMessageReport.from_dict(
                        text_messages_type_0_item_data
                    )

                    text_messages_type_0.append(text_messages_type_0_item)

                return text_messages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[TextMessageReport] | None, data)

        text_messages = _parse_text_messages(d.pop("TextMessages"))

        def _parse_landing_pages(data: object) -> list[LandingPageReport] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                landing_pages_type_0 = []
                _landing_pages_type_0 = data
                for landing_pages_type_0_item_data in _landing_pages_type_0:
                    landing_pages_type_0_item = LandingPageReport.from_dict(
                        landing_pages_type_0_item_data
                    )

                    landing_pages_type_0.append(landing_pages_type_0_item)

                return landing_pages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LandingPageReport] | None, data)

        landing_pages = _parse_landing_pages(d.pop("LandingPages"))

        journey_channel_reports = cls(
            emails=emails,
            text_messages=text_messages,
            landing_pages=landing_pages,
        )

        journey_channel_reports.additional_properties = d
        return journey_channel_reports

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
