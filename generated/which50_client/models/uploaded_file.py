from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UploadedFile")


@_attrs_define
class UploadedFile:
    """Inferred: where an uploaded file was stored. Inferred: presence and nullability, after the ASP.NET serializer (see
    the API's description).

    """

    file_path: None | str
    """ Path of the file relative to the FTP folder, usable as `filePath`. """
    file_name: None | str
    size: int
    """ Size in bytes. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file_path: None | str
        file_path = self.file_path

        file_name: None | str
        file_name = self.file_name

        size = self.size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "FilePath": file_path,
                "FileName": file_name,
                "Size": size,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_file_path(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        file_path = _parse_file_path(d.pop("FilePath"))

        def _parse_file_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        file_name = _parse_file_name(d.pop("FileName"))

        size = d.pop("Size")

        uploaded_file = cls(
            file_path=file_path,
            file_name=file_name,
            size=size,
        )

        uploaded_file.additional_properties = d
        return uploaded_file

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
