"""A real, minimal PDF (one page of Helvetica text) with a correct cross-reference table.

The file is 7-bit ASCII throughout: no binary marker comment, and text outside ASCII written as
octal escapes. Tools that pass bodies through as text (Prism's proxy, for one, which the
recordings go through) then keep every byte.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def _escape(text: str) -> str:
    """A PDF literal string body: Latin-1, with `\\`, `(` and `)` escaped, and bytes past ASCII
    as octal escapes."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    latin = escaped.encode("latin-1", "replace")
    return "".join(chr(b) if 32 <= b < 127 else f"\\{b:03o}" for b in latin)


def landing_page_pdf(page: str, journey: str, values: Mapping[str, Any], when: str) -> bytes:
    """A one-page PDF naming the landing page and journey, personalised with the contact."""
    lines = [page, f"Journey: {journey}", f"Generated: {when}", ""]
    lines += [f"{name}: {value}" for name, value in sorted(values.items()) if value is not None]
    text = ["BT", "/F1 12 Tf", "14 TL", "72 770 Td"]
    text += [f"({_escape(line[:90])}) '" for line in lines[:45]]
    text.append("ET")
    stream = "\n".join(text).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
