from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportJobCreateRequest")


@_attrs_define
class ImportJobCreateRequest:
    """Body of `createImportJob`. Inferred: `FieldNames` may be null, as a .NET list may be (the page does not say what the
    server does with a null).

    """

    field_names: list[str] | None | Unset = UNSET
    """ Names of the fields to take from the contact records. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_names: list[str] | None | Unset
        if isinstance(self.field_names, Unset):
            field_names = UNSET
        elif isinstance(self.field_names, list):
            field_names = self.field_names

        else:
            field_names = self.field_names

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if field_names is not UNSET:
            field_dict["FieldNames"] = field_names

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_field_names(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                field_names_type_0 = cast(list[str], data)

                return field_names_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        field_names = _parse_field_names(d.pop("FieldNames", UNSET))

        import_job_create_request = cls(
            field_names=field_names,
        )

        import_job_create_request.additional_properties = d
        return import_job_create_request

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
