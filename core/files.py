"""Uploaded files: checked by size and by their real content, stored under generated names outside the
static root, and served only through views that have checked the user's right to see them."""

from __future__ import annotations

import uuid
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import FileField
from django.db.models.signals import post_delete, pre_save
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Kind:
    extension: str
    content_type: str
    label: str


KINDS = {
    "pdf": Kind("pdf", "application/pdf", "PDF"),
    "docx": Kind("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"),
    "xlsx": Kind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
    "pptx": Kind("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PPTX"),
    "png": Kind("png", "image/png", "PNG"),
    "jpeg": Kind("jpg", "image/jpeg", "JPEG"),
    "gif": Kind("gif", "image/gif", "GIF"),
    "webp": Kind("webp", "image/webp", "WEBP"),
}
DOCUMENTS = ("pdf", "docx", "xlsx", "pptx", "png", "jpeg", "gif", "webp")
_OOXML_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
# A real Office document unpacks to a few megabytes; more than this is a zip bomb, refused unread.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
_EXECUTABLE_STARTS = (b"MZ", b"\x7fELF", b"#!", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa")


def sniff(uploaded) -> str | None:
    """The file's real kind from its first bytes (and, for Office files, its inner parts), or None."""
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"PK\x03\x04"):
        return _office_kind(uploaded)
    return None


def _office_kind(uploaded) -> str | None:
    try:
        with zipfile.ZipFile(uploaded) as archive:
            check_archive_size(archive, uploaded.name)
            names = set(archive.namelist())
    except (zipfile.BadZipFile, EOFError, OSError, ValueError):
        return None
    finally:
        uploaded.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    return next((kind for kind, part in _OOXML_PARTS.items() if part in names), None)


def check_archive_size(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse a zip that would unpack to too much, from its directory alone (nothing is decompressed)."""
    entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
        raise ValidationError(
            _(
                "Файл «%(name)s» распаковывается в слишком большой объём (больше %(mb)s МБ или %(n)s частей): "
                "это не обычный документ. Сохраните документ заново и загрузите его."
            )
            % {"name": name, "mb": MAX_UNPACKED_BYTES // (1024 * 1024), "n": MAX_ZIP_ENTRIES}
        )


def validate_upload(uploaded, allowed: tuple[str, ...] = DOCUMENTS) -> Kind:
    """The file's kind, or a Russian message that says what is wrong with it."""
    limit = settings.UPLOAD_MAX_MB
    if uploaded.size > limit * 1024 * 1024:
        raise ValidationError(
            _("Файл «%(name)s» больше %(limit)s МБ: уменьшите его или разделите на части.")
            % {"name": uploaded.name, "limit": limit}
        )
    uploaded.seek(0)
    if uploaded.read(4).startswith(_EXECUTABLE_STARTS):
        uploaded.seek(0)
        raise ValidationError(
            _("Файл «%(name)s» — программа или сценарий; такие файлы не принимаются.")
            % {"name": uploaded.name}
        )
    kind = sniff(uploaded)
    if kind not in allowed:
        raise ValidationError(
            _("Файл «%(name)s» не распознан как %(kinds)s. Сохраните его в одном из этих форматов.")
            % {"name": uploaded.name, "kinds": ", ".join(KINDS[k].label for k in allowed)}
        )
    _name_as(uploaded, KINDS[kind])
    return KINDS[kind]


def _name_as(uploaded, kind: Kind) -> None:
    """A PNG named «скан.pdf» is kept as «скан.png»: stored and served as what it really is."""
    path = PurePath(uploaded.name or "file")
    if _kind_of_extension(path.name) != _kind_of_extension(f"x.{kind.extension}"):
        uploaded.name = f"{path.stem}.{kind.extension}"


def generated_name(prefix: str):
    """upload_to for a FileField: `<prefix>/<year>/<random>.<real extension>`; the user's name is kept apart."""

    def upload_to(instance, filename: str) -> str:
        extension = PurePath(filename).suffix.lower().lstrip(".")[:5] or "bin"
        return f"{prefix}/{timezone.now():%Y}/{uuid.uuid4().hex}.{extension}"

    return upload_to


def file_response(fieldfile, download_name: str, *, inline: bool = False) -> FileResponse:
    """Serve a stored file after the caller has checked the user's right to it."""
    kind = KINDS.get(_kind_of_extension(fieldfile.name))
    response = FileResponse(
        fieldfile.open("rb"),
        as_attachment=not inline,
        filename=download_name,
        content_type=kind.content_type if kind else "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _kind_of_extension(name: str) -> str:
    extension = PurePath(name).suffix.lower().lstrip(".")
    return "jpeg" if extension == "jpg" else extension


def delete_after_commit(storage, name: str) -> None:
    """A stored file goes only once the change that dropped it is committed: a rollback keeps it."""
    transaction.on_commit(lambda: storage.delete(name))


def remove_files(sender, instance, **kwargs) -> None:
    """A deleted record takes its stored files with it (no orphans in MEDIA_ROOT)."""
    for field in sender._meta.concrete_fields:
        if isinstance(field, FileField):
            stored = getattr(instance, field.attname)
            if stored and not sender._default_manager.filter(**{field.attname: stored.name}).exists():
                delete_after_commit(stored.storage, stored.name)


def remove_replaced_files(sender, instance, **kwargs) -> None:
    """A file replaced on edit does not stay behind either."""
    if instance.pk is None:
        return
    fields = [f for f in sender._meta.concrete_fields if isinstance(f, FileField)]
    old = sender._default_manager.filter(pk=instance.pk).values(*[f.attname for f in fields]).first()
    for field in fields if old else []:
        previous, current = old[field.attname], getattr(instance, field.attname)
        if previous and previous != (current.name if current else ""):
            delete_after_commit(field.storage, previous)


def connect_file_cleanup(models) -> None:
    for model in models:
        if any(isinstance(f, FileField) for f in model._meta.concrete_fields) and not model._meta.abstract:
            uid = model._meta.label
            post_delete.connect(remove_files, sender=model, dispatch_uid=f"remove_files_{uid}")
            pre_save.connect(remove_replaced_files, sender=model, dispatch_uid=f"remove_replaced_{uid}")
