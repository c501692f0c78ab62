from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Campaign")


@_attrs_define
class Campaign:
    """A journey (the DTOs call it a campaign)."""

    id: int | Unset = UNSET
    name: None | str | Unset = UNSET
    account_id: int | Unset = UNSET
    list_id: int | Unset = UNSET
    """ Contact list used by the journey. """
    start_date: datetime.datetime | None | Unset = UNSET
    """ Inferred nullable (a journey not yet started). """
    end_date: datetime.datetime | None | Unset = UNSET
    """ Inferred nullable (a journey with no end). """
    cm_link: None | str | Unset = UNSET
    """ Not described upstream. """
    comment: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    """ Values not documented; never a closed enum. """
    reach: int | Unset = UNSET
    interactions: int | Unset = UNSET
    unsubscribes: int | Unset = UNSET
    show_in_agent_portal: bool | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    emails: Any | Unset = UNSET
    """ Untyped upstream (`Object`; the sample shows `{}`). Structure unknown. """
    landing_pages: Any | Unset = UNSET
    """ Untyped upstream (`Object`; the sample shows `{}`). Structure unknown. """
    text_messages: Any | Unset = UNSET
    """ Untyped upstream (`Object`; the sample shows `{}`). Structure unknown. """
    e_documents: Any | Unset = UNSET
    """ Untyped upstream (`Object`; the sample shows `{}`). Structure unknown. """
    channels: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        account_id = self.account_id

        list_id = self.list_id

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.datetime):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.datetime):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        cm_link: None | str | Unset
        if isinstance(self.cm_link, Unset):
            cm_link = UNSET
        else:
            cm_link = self.cm_link

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        reach = self.reach

        interactions = self.interactions

        unsubscribes = self.unsubscribes

        show_in_agent_portal = self.show_in_agent_portal

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        emails = self.emails

        landing_pages = self.landing_pages

        text_messages = self.text_messages

        e_documents = self.e_documents

        channels: None | str | Unset
        if isinstance(self.channels, Unset):
            channels = UNSET
        else:
            channels = self.channels

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["Id"] = id
        if name is not UNSET:
            field_dict["Name"] = name
        if account_id is not UNSET:
            field_dict["AccountId"] = account_id
        if list_id is not UNSET:
            field_dict["ListId"] = list_id
        if start_date is not UNSET:
            field_dict["StartDate"] = start_date
        if end_date is not UNSET:
            field_dict["EndDate"] = end_date
        if cm_link is not UNSET:
            field_dict["CmLink"] = cm_link
        if comment is not UNSET:
            field_dict["Comment"] = comment
        if status is not UNSET:
            field_dict["Status"] = status
        if reach is not UNSET:
            field_dict["Reach"] = reach
        if interactions is not UNSET:
            field_dict["Interactions"] = interactions
        if unsubscribes is not UNSET:
            field_dict["Unsubscribes"] = unsubscribes
        if show_in_agent_portal is not UNSET:
            field_dict["ShowInAgentPortal"] = show_in_agent_portal
        if tags is not UNSET:
            field_dict["Tags"] = tags
        if emails is not UNSET:
            field_dict["Emails"] = emails
        if landing_pages is not UNSET:
            field_dict["LandingPages"] = landing_pages
        if text_messages is not UNSET:
            field_dict["TextMessages"] = text_messages
        if e_documents is not UNSET:
            field_dict["EDocuments"] = e_documents
        if channels is not UNSET:
            field_dict["Channels"] = channels

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("Id", UNSET)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("Name", UNSET))

        account_id = d.pop("AccountId", UNSET)

        list_id = d.pop("ListId", UNSET)

        def _parse_start_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.datetime.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        start_date = _parse_start_date(d.pop("StartDate", UNSET))

        def _parse_end_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.datetime.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        end_date = _parse_end_date(d.pop("EndDate", UNSET))

        def _parse_cm_link(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cm_link = _parse_cm_link(d.pop("CmLink", UNSET))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("Comment", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("Status", UNSET))

        reach = d.pop("Reach", UNSET)

        interactions = d.pop("Interactions", UNSET)

        unsubscribes = d.pop("Unsubscribes", UNSET)

        show_in_agent_portal = d.pop("ShowInAgentPortal", UNSET)

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("Tags", UNSET))

        emails = d.pop("Emails", UNSET)

        landing_pages = d.pop("LandingPages", UNSET)

        text_messages = d.pop("TextMessages", UNSET)

        e_documents = d.pop("EDocuments", UNSET)

        def _parse_channels(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        channels = _parse_channels(d.pop("Channels", UNSET))

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
