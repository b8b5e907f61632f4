"""A send outside the test process, for the tests that run real workers (and kill them):
``python -m tests.delivery.scenario migrate|setup N|report`` against the database that
DATABASE_URL names, with the environment's task backend.

- ``migrate``: an empty database with every table, the cache's included;
- ``setup N``: a coalition of one local with N members (m0@personal.example …) and a
  published update, sent to all of them by e-mail — which enqueues the send's start for a
  worker;
- ``report``: the send's status and its outbox rows' statuses, as JSON.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from decimal import Decimal


def _setup(members: int) -> dict[str, object]:
    from django.db import transaction
    from django.utils import timezone

    from caucus.accounts.models import RoleGrant, User
    from caucus.delivery.actions import do_create_send
    from caucus.members.models import Member
    from caucus.orgs.models import (
        BargainingUnit,
        Classification,
        Coalition,
        Employer,
        Region,
        Union,
        Worksite,
    )
    from caucus.table.models import Negotiation
    from caucus.updates.models import Update

    coalition = Coalition.objects.create(name="Kill Test Coalition", slug="kill")
    employer = Employer.objects.create(
        name="MegaCorp", slug="megacorp", email_domains="megacorp.example"
    )
    region = Region.objects.create(employer=employer, name="North", code="N")
    union = Union.objects.create(
        coalition=coalition, name="Local 1", short_name="Local 1", slug="l1"
    )
    unit = BargainingUnit.objects.create(union=union, name="Stores", code="ST")
    worksite = Worksite.objects.create(employer=employer, region=region, name="Store", code="S")
    job = Classification.objects.create(employer=employer, code="C", title="Clerk")
    negotiation = Negotiation.objects.create(
        coalition=coalition, employer=employer, name="Agreement", slug="agreement"
    )
    negotiation.units.set([unit])
    Member.objects.bulk_create(
        Member(
            union=union,
            member_id=f"M{n}",
            first_name=f"Member{n}",
            last_name="Test",
            unit=unit,
            worksite=worksite,
            classification=job,
            hourly_rate=Decimal("20"),
            hire_date=date(2020, 1, 1),
            email=f"m{n}@personal.example",
        )
        for n in range(members)
    )
    comms = User.objects.create_user(username="comms", email="comms@union.example")
    RoleGrant.objects.create(user=comms, role="communications")
    update = Update.objects.create(
        negotiation=negotiation,
        title="Strike vote",
        slug="strike-vote",
        body="Vote Tuesday.",
        status=Update.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    with transaction.atomic():
        send = do_create_send(comms, update, by_email=True, by_text=False, to_whole_coalition=True)
    return {"send": send.pk}


def _report() -> dict[str, object]:
    from django.db.models import Count

    from caucus.delivery.models import OutboxMessage, Send

    send = Send.objects.order_by("pk").last()
    rows = dict(OutboxMessage.objects.values_list("status").annotate(n=Count("id")))
    return {"status": send.status if send else None, "rows": rows}


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "caucus.settings")
    import django

    django.setup()
    from django.core.management import call_command

    if argv[0] == "migrate":
        call_command("migrate", verbosity=0)
        call_command("createcachetable", verbosity=0)  # saves move the page cache's generation
        out: dict[str, object] = {"migrated": True}
    elif argv[0] == "setup":
        out = _setup(int(argv[1]))
    else:
        out = _report()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
