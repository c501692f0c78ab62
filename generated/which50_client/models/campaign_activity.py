from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.target import Target


T = TypeVar("T", bound="CampaignActivity")


@_attrs_define
class CampaignActivity:
    """An activity of a journey, and the target (segment) it sends to."""

    id: int | Unset = UNSET
    """ Activity id. """
    name: None | str | Unset = UNSET
    """ Activity name. """
    campaign_id: int | Unset = UNSET
    """ Journey it belongs to. """
    created_date: datetime.datetime | Unset = UNSET
    """ Creation time. """
    target_at_runtime: bool | Unset = UNSET
    """ Whether the target (segment) is built at run time. """
    target: Target | Unset = UNSET
    """ A segment of a contact list. Fields known from samples. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        campaign_id = self.campaign_id

        created_date: str | Unset = UNSET
        if not isinstance(self.created_date, Unset):
            created_date = self.created_date.isoformat()

        target_at_runtime = self.target_at_runtime

        target: dict[str, Any] | Unset = UNSET
        if not isinstance(self.target, Unset):
            target = self.target.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["Id"] = id
        if name is not UNSET:
            field_dict["Name"] = name
        if campaign_id is not UNSET:
            field_dict["CampaignId"] = campaign_id
        if created_date is not UNSET:
            field_dict["CreatedDate"] = created_date
        if target_at_runtime is not UNSET:
            field_dict["TargetAtRuntime"] = target_at_runtime
        if target is not UNSET:
            field_dict["Target"] = target

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.target import Target

        d = dict(src_dict)
        id = d.pop("Id", UNSET)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("Name", UNSET))

        campaign_id = d.pop("CampaignId", UNSET)

        _created_date = d.pop("CreatedDate", UNSET)
        created_date: datetime.datetime | Unset
        if isinstance(_created_date, Unset):
            created_date = UNSET
        else:
            created_date = datetime.datetime.fromisoformat(_created_date)

        target_at_runtime = d.pop("TargetAtRuntime", UNSET)

        _target = d.pop("Target", UNSET)
        target: Target | Unset
        if isinstance(_target, Unset):
            target = UNSET
        else:
            target = Target.from_dict(_target)

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
