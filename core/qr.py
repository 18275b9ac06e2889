"""QR codes as inline SVG (segno: pure Python, no image library): the printable sheets of survey links and
the verification code of a справка."""

from __future__ import annotations


def qr_svg(text: str, *, scale: float = 4, border: int = 2) -> str:
    import segno  # imported when a code is drawn: most pages never draw one

    return segno.make(text, error="m").svg_inline(scale=scale, border=border)
