from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Campaign")


@_attrs_define
class Campaign:
    """A journey (the DTOs call it a campaign). Inferred: presence and nullability, after the ASP.NET serializer (see the
    API's description).

    """

    id: int
    name: None | str
    account_id: int
    list_id: int
    """ Contact list used by the journey. """
    start_date: datetime.datetime | None
    """ Inferred nullable (a journey not yet started). """
    end_date: datetime.datetime | None
    """ Inferred nullable (a journey with no end). """
    cm_link: None | str
    """ Not described upstream. """
    comment: None | str
    status: None | str
    """ Values not documented; never a closed enum. """
    reach: int
    interactions: int
    unsubscribes: int
    show_in_agent_portal: bool
    tags: list[str] | None
    emails: Any
    """ Untyped upstream (`Object`; the sample shows `{}`). Structure unknown. """
    landing_pages: Any
    """ Untyped upstream (`Object`; the sample shows `{}`). Structure unknown. """
    text_messages: Any
    """ Untyped upstream (`Object`; the sample shows `{}`). Structure unknown. """
    e_documents: Any
    """ Untyped upstream (`Object`; the sample shows `{}`). Structure unknown. """
    channels: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str
        name = self.name

        account_id = self.account_id

        list_id = self.list_id

        start_date: None | str
        if isinstance(self.start_date, datetime.datetime):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        end_date: None | str
        if isinstance(self.end_date, datetime.datetime):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        cm_link: None | str
        cm_link = self.cm_link

        comment: None | str
        comment = self.comment

        status: None | str
        status = self.status

        reach = self.reach

        interactions = self.interactions

        unsubscribes = self.unsubscribes

        show_in_agent_portal = self.show_in_agent_portal

        tags: list[str] | None
        if isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        emails = self.emails

        landing_pages = self.landing_pages

        text_messages = self.text_messages

        e_documents = self.e_documents

        channels: None | str
        channels = self.channels

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
                "Name": name,
                "AccountId": account_id,
                "ListId": list_id,
                "StartDate": start_date,
                "EndDate": end_date,
                "CmLink": cm_link,
                "Comment": comment,
                "Status": status,
                "Reach": reach,
                "Interactions": interactions,
                "Unsubscribes": unsubscribes,
                "ShowInAgentPortal": show_in_agent_portal,
                "Tags": tags,
                "Emails": emails,
                "LandingPages": landing_pages,
                "TextMessages": text_messages,
                "EDocuments": e_documents,
                "Channels": channels,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("Id")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("Name"))

        account_id = d.pop("AccountId")

        list_id = d.pop("ListId")

        def _parse_start_date(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.datetime.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        start_date = _parse_start_date(d.pop("StartDate"))

        def _parse_end_date(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.datetime.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        end_date = _parse_end_date(d.pop("EndDate"))

        def _parse_cm_link(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cm_link = _parse_cm_link(d.pop("CmLink"))

        def _parse_comment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        comment = _parse_comment(d.pop("Comment"))

        def _parse_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status = _parse_status(d.pop("Status"))

        reach = d.pop("Reach")

        interactions = d.pop("Interactions")

        unsubscribes = d.pop("Unsubscribes")

        show_in_agent_portal = d.pop("ShowInAgentPortal")

        def _parse_tags(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        tags = _parse_tags(d.pop("Tags"))

        emails = d.pop("Emails")

        landing_pages = d.pop("LandingPages")

        text_messages = d.pop("TextMessages")

        e_documents = d.pop("EDocuments")

        def _parse_channels(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        channels = _parse_channels(d.pop("Channels"))

        campaign = cls(
            id=id,
            name=name,
            account_id=account_id,
            list_id=list_id,
            start_date=start_date,
            end_date=end_date,
            cm_link=cm_link,
            comment=comment,
            status=status,
            reach=reach,
            interactions=interactions,
            unsubscribes=unsubscribes,
            show_in_agent_portal=show_in_agent_portal,
            tags=tags,
            emails=emails,
            landing_pages=landing_pages,
            text_messages=text_messages,
            e_documents=e_documents,
            channels=channels,
        )

        campaign.additional_properties = d
        return campaign

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
