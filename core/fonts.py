"""The serif font of printed documents: PT Serif (OFL), shipped in static/fonts, embedded in every PDF."""

from __future__ import annotations

from django.conf import settings

FAMILY = "PT Serif"
_FACES = [
    ("PTF55F.ttf", "normal", "normal"),
    ("PTF56F.ttf", "normal", "italic"),
    ("PTF75F.ttf", "bold", "normal"),
    ("PTF76F.ttf", "bold", "italic"),
]


def font_config():
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def document_stylesheets(config) -> list:
    """The fonts and the ГОСТ Р 7.0.97 rules every PDF shares (`static/css/gost.css`)."""
    from weasyprint import CSS

    gost = CSS(filename=str(settings.BASE_DIR / "static" / "css" / "gost.css"), font_config=config)
    return [font_stylesheet(config), gost]


def font_stylesheet(config):
    from weasyprint import CSS

    folder = settings.BASE_DIR / "static" / "fonts"
    faces = "\n".join(
        f'@font-face {{ font-family: "{FAMILY}"; src: url("{(folder / name).as_uri()}"); '
        f"font-weight: {weight}; font-style: {style}; }}"
        for name, weight, style in _FACES
    )
    return CSS(string=faces, font_config=config)
