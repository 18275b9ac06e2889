"""«История изменений» on a record's page: times in Asia/Vladivostok, and no row for a save that changed nothing."""

from __future__ import annotations

import datetime

from tests.factories import PersonFactory


def test_history_shows_local_times_and_skips_saves_that_changed_nothing(as_methodist, school_a):
    person = PersonFactory(organization=school_a, last_name="Старая")
    person.save()  # nothing changed
    person.last_name = "Новая"
    person.save()
    created, unchanged, renamed = person.history.order_by("history_id")
    utc = datetime.UTC
    created.history_date = datetime.datetime(2026, 3, 1, 23, 30, tzinfo=utc)  # 2 March 09:30 in Vladivostok
    renamed.history_date = datetime.datetime(2026, 3, 2, 1, 5, tzinfo=utc)
    unchanged.history_date = datetime.datetime(2026, 3, 2, 0, 0, tzinfo=utc)
    for record in (created, unchanged, renamed):
        record.save()
    response = as_methodist.get(person.get_absolute_url())
    history = response.context["history"]
    assert [change.kind for change in history] == ["изменение", "создание"]
    assert history[0].fields == [("фамилия", "Старая", "Новая")]
    table = response.content.decode().split('id="history-title"')[1]
    assert "02.03.2026 11:05" in table and "02.03.2026 09:30" in table
    assert "02.03.2026 10:00" not in table and "01.03.2026 23:30" not in table
