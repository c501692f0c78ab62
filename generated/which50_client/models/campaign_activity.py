from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.target import Target


T = TypeVar("T", bound="CampaignActivity")


@_attrs_define
class CampaignActivity:
    """An activity of a journey, and the target (segment) it sends to. Inferred: presence and nullability, after the
    ASP.NET serializer (see the API's description).

    """

    id: int
    """ Activity id. """
    name: None | str
    """ Activity name. """
    campaign_id: int
    """ Journey it belongs to. """
    created_date: datetime.datetime
    """ Creation time. """
    target_at_runtime: bool
    """ Whether the target (segment) is built at run time. """
    target: Target
    """ A segment of a contact list. Fields known from samples. Inferred: presence and nullability, after the
    ASP.NET serializer (see the API's description). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str
        name = self.name

        campaign_id = self.campaign_id

        created_date = self.created_date.isoformat()

        target_at_runtime = self.target_at_runtime

        target = self.target.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
                "Name": name,
                "CampaignId": campaign_id,
                "CreatedDate": created_date,
                "TargetAtRuntime": target_at_runtime,
                "Target": target,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.target import Target

        d = dict(src_dict)
        id = d.pop("Id")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("Name"))

        campaign_id = d.pop("CampaignId")

        created_date = datetime.datetime.fromisoformat(d.pop("CreatedDate"))

        target_at_runtime = d.pop("TargetAtRuntime")

        target = Target.from_dict(d.pop("Target"))

        campaign_activity = cls(
            id=id,
            name=name,
            campaign_id=campaign_id,
            created_date=created_date,
            target_at_runtime=target_at_runtime,
            target=target,
        )

        campaign_activity.additional_properties = d
        return campaign_activity

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
