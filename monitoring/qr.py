"""QR codes of personal links, as inline SVG for the printable sheets (no image library needed)."""

from __future__ import annotations


def qr_svg(text: str) -> str:
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    return image.to_string(encoding="unicode")
