"""One demo account for each role (the second district's methodologist comes with it: `region.py`)."""

from __future__ import annotations

from accounts.models import User
from core.access import Role

DEMO_PASSWORD = "mshn-demo-2026"

# username, role, last, first, middle, organisation index (into the demo organisations)
ACCOUNTS = [
    ("admin", Role.ADMIN, "Орлов", "Денис", "Андреевич", None),
    ("metodist", Role.METHODIST, "Суровцева", "Ольга", "Алексеевна", None),
    ("kurator1", Role.COORDINATOR, "Мельникова", "Анна", "Сергеевна", 0),
    ("kurator2", Role.COORDINATOR, "Никитенко", "Ольга", "Викторовна", 1),
    ("otdel", Role.DEPARTMENT, "Сухов", "Семён", "Васильевич", None),
    ("krai", Role.REGION, "Краева", "Ирина", "Павловна", None),
]
DISTRICT_STAFF = (Role.METHODIST, Role.DEPARTMENT)


def load_users(organizations) -> list[User]:
    users = []
    for username, role, last, first, middle, org_index in ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "role": role,
                "last_name": last,
                "first_name": first,
                "middle_name": middle,
                "organization": organizations[org_index] if org_index is not None else None,
                # the demo district's staff work in the district of its organisations
                "district": organizations[0].district if role in DISTRICT_STAFF else None,
                "email": f"{username}@mshn.example",
                "is_staff": role == Role.ADMIN,
                "is_superuser": role == Role.ADMIN,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        users.append(user)
    return users
