"""The landing-page PDF: well formed, and 7-bit ASCII so that text-minded proxies keep it whole."""

from __future__ import annotations

import re

from which50_sandbox._pdf import landing_page_pdf


def _pdf() -> bytes:
    return landing_page_pdf(
        "Spring (sale)", "Jöurney", {"City": "Dún Laoghaire", "Note": "a\\b", "Gone": None}, "now"
    )


def test_every_byte_is_ascii() -> None:
    assert max(_pdf()) < 128


def test_the_cross_reference_table_points_at_each_object() -> None:
    pdf = _pdf()
    startxref = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", pdf).group(1))  # type: ignore[union-attr]
    assert pdf[startxref:].startswith(b"xref\n0 6\n")
    offsets = [int(m) for m in re.findall(rb"(\d{10}) 00000 n ", pdf)]
    assert len(offsets) == 5
    for number, offset in enumerate(offsets, start=1):
        assert pdf[offset:].startswith(b"%d 0 obj\n" % number)
    length = int(re.search(rb"/Length (\d+)", pdf).group(1))  # type: ignore[union-attr]
    stream = pdf.split(b"stream\n", 1)[1].split(b"\nendstream", 1)[0]
    assert len(stream) == length


def test_text_is_escaped_and_accents_are_octal() -> None:
    pdf = _pdf()
    assert rb"(Spring \(sale\)) '" in pdf
    assert rb"(Journey: J\366urney) '" in pdf
    assert rb"(City: D\372n Laoghaire) '" in pdf
    assert rb"(Note: a\\b) '" in pdf
    assert b"Gone" not in pdf
