from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContactInteraction")


@_attrs_define
class ContactInteraction:
    """One interaction of a contact with the platform. Inferred: presence and nullability, after the ASP.NET serializer
    (see the API's description).

    """

    id: int
    """ Interaction id. """
    interaction: None | str
    """ Type of interaction. Open-ended, never a closed enum; the known values are examples from the help pages. """
    name: None | str
    """ Name of the email, SMS, web form, etc. """
    occurred: datetime.datetime
    """ When it happened. """
    status: None | str
    """ Last status of the interaction. Values not documented. """
    campaign_id: int
    """ Journey (campaign) id. """
    campaign_name: None | str
    """ Journey (campaign) name. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        interaction: None | str
        interaction = self.interaction

        name: None | str
        name = self.name

        occurred = self.occurred.isoformat()

        status: None | str
        status = self.status

        campaign_id = self.campaign_id

        campaign_name: None | str
        campaign_name = self.campaign_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
                "Interaction": interaction,
                "Name": name,
                "Occurred": occurred,
                "Status": status,
                "CampaignId": campaign_id,
                "CampaignName": campaign_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("Id")

        def _parse_interaction(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        interaction = _parse_interaction(d.pop("Interaction"))

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("Name"))

        occurred = datetime.datetime.fromisoformat(d.pop("Occurred"))

        def _parse_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status = _parse_status(d.pop("Status"))

        campaign_id = d.pop("CampaignId")

        def _parse_campaign_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        campaign_name = _parse_campaign_name(d.pop("CampaignName"))

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
