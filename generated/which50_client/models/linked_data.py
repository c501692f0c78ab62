from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LinkedData")


@_attrs_define
class LinkedData:
    """A Linked Data list, an extra data table attached to a contact list. Inferred: presence and nullability, after the
    ASP.NET serializer (see the API's description).

    """

    id: int
    """ Linked Data list id. """
    contact_list_id: int
    """ Owning contact list. """
    name: None | str
    """ Linked Data list name. """
    type_: None | str
    """ `Contact` (transactional records linked to contacts) or `Lookup` (reference data). A plain string, so that a
    new type never breaks a client. """
    is_public: bool
    """ Whether the list is accessible without authorisation. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        contact_list_id = self.contact_list_id

        name: None | str
        name = self.name

        type_: None | str
        type_ = self.type_

        is_public = self.is_public

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
                "ContactListId": contact_list_id,
                "Name": name,
                "Type": type_,
                "IsPublic": is_public,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("Id")

        contact_list_id = d.pop("ContactListId")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("Name"))

        def _parse_type_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        type_ = _parse_type_(d.pop("Type"))

        is_public = d.pop("IsPublic")

        linked_data = cls(
            id=id,
            contact_list_id=contact_list_id,
            name=name,
            type_=type_,
            is_public=is_public,
        )

        linked_data.additional_properties = d
        return linked_data

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
