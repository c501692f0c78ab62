from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactInteraction")


@_attrs_define
class ContactInteraction:
    """One interaction of a contact with the platform."""

    id: int | Unset = UNSET
    """ Interaction id. """
    interaction: None | str | Unset = UNSET
    """ Type of interaction. Open-ended, never a closed enum; the known values are examples from the help pages. """
    name: None | str | Unset = UNSET
    """ Name of the email, SMS, web form, etc. """
    occurred: datetime.datetime | Unset = UNSET
    """ When it happened. """
    status: None | str | Unset = UNSET
    """ Last status of the interaction. Values not documented. """
    campaign_id: int | Unset = UNSET
    """ Journey (campaign) id. """
    campaign_name: None | str | Unset = UNSET
    """ Journey (campaign) name. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        interaction: None | str | Unset
        if isinstance(self.interaction, Unset):
            interaction = UNSET
        else:
            interaction = self.interaction

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        occurred: str | Unset = UNSET
        if not isinstance(self.occurred, Unset):
            occurred = self.occurred.isoformat()

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        campaign_id = self.campaign_id

        campaign_name: None | str | Unset
        if isinstance(self.campaign_name, Unset):
            campaign_name = UNSET
        else:
            campaign_name = self.campaign_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["Id"] = id
        if interaction is not UNSET:
            field_dict["Interaction"] = interaction
        if name is not UNSET:
            field_dict["Name"] = name
        if occurred is not UNSET:
            field_dict["Occurred"] = occurred
        if status is not UNSET:
            field_dict["Status"] = status
        if campaign_id is not UNSET:
            field_dict["CampaignId"] = campaign_id
        if campaign_name is not UNSET:
            field_dict["CampaignName"] = campaign_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("Id", UNSET)

        def _parse_interaction(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        interaction = _parse_interaction(d.pop("Interaction", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("Name", UNSET))

        _occurred = d.pop("Occurred", UNSET)
        occurred: datetime.datetime | Unset
        if isinstance(_occurred, Unset):
            occurred = UNSET
        else:
            occurred = datetime.datetime.fromisoformat(_occurred)

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("Status", UNSET))

        campaign_id = d.pop("CampaignId", UNSET)

        def _parse_campaign_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        campaign_name = _parse_campaign_name(d.pop("CampaignName", UNSET))

        contact_interaction = cls(
            id=id,
            interaction=interaction,
            name=name,
            occurred=occurred,
            status=status,
            campaign_id=campaign_id,
            campaign_name=campaign_name,
        )

        contact_interaction.additional_properties = d
        return contact_interaction

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
