"""Each list against Django admin's change list of the same model on the same data: both as the
administrator, who reads every district (a district's methodologist reads only theirs)."""

from __future__ import annotations

from bench.pages import measure


def admin_section(admin_user, repeats: int) -> list:
    from django.test import Client
    from django.urls import reverse

    from bench.urls import list_views

    client = Client(raise_request_exception=True)
    client.force_login(admin_user)
    rows = []
    for name, view in list_views().items():
        meta = view.model._meta
        mine = measure(client, reverse(name), repeats)
        admin = measure(client, reverse(f"benchadmin:{meta.app_label}_{meta.model_name}_changelist"), repeats)
        ratio = mine["median"] / admin["median"] if admin["median"] else 0
        rows.append({"page": name, "ours": mine, "admin": admin, "ratio": ratio})
        print(
            f"  {name:40} ours={mine['median']:.1f} admin={admin['median']:.1f} ratio={ratio:.2f}", flush=True
        )
    return rows
