"""Records of the open site: what is public and approved, for the permission walk and the site's tests."""

from __future__ import annotations

import datetime

from tests.banks.factories import NormativeDocumentFactory, pdf_upload
from tests.events.factories import EventFactory
from tests.factories import AcademicYearFactory
from tests.meetings.factories import agenda_item, make_meeting


def public_data() -> dict:
    """A public document with its file, an approved meeting with a decision, a public event."""
    year = AcademicYearFactory(start_year=2025)
    return {
        "public_document": NormativeDocumentFactory(
            title="Положение о муниципальной Школе наставничества",
            is_public=True,
            file=pdf_upload("положение_МШН.pdf"),
            file_name="положение_МШН.pdf",
        ),
        "approved_meeting": make_meeting(
            year,
            date=datetime.date(2025, 11, 12),
            time=datetime.time(15, 0),
            agenda=[agenda_item(topic="О плане работы на год", decisions="Принять план работы.")],
            approved=True,
        ),
        "public_event": EventFactory(title="Семинар «Наставник молодого педагога»", is_public=True),
    }
