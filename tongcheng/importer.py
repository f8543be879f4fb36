"""The bureau loads the district before a season (BRIEF §4 step 1): schools, migrant seats, private plans,
semesters and tariffs, through the gateway — the same path for ``tongcheng import-schools`` and the season driver.
"""

from __future__ import annotations

from collections import Counter

from rich.progress import Progress

from tongcheng.api import ApiError, Gateway, idempotency_key
from tongcheng.schools import District


def import_district(bureau: Gateway, district: District, *, progress: Progress | None = None) -> Counter:
    """Load schools, migrant seats, private plans, semesters and tariffs as the bureau (idempotent: an existing
    school is replaced with ``PUT`` + ``If-Match``, an existing semester kept, a settled tariff left alone).

    Returns counts such as ``schools_created``, ``schools_updated``, ``seats``, ``plans``, ``tariffs``,
    ``semesters_created``. Raises :class:`ApiError` on anything else (e.g. 422 ``plan_over_capacity``).
    """
    done: Counter = Counter()
    total = len(district.schools) + len(district.seats) + len(district.plans) + len(district.semesters) + len(
        district.tariffs)
    task = progress.add_task("bureau loads the district", total=total) if progress else None

    def tick() -> None:
        if progress is not None and task is not None:
            progress.advance(task)

    en, fu = bureau.enrollment, bureau.funding
    for school in district.schools:
        try:
            en.post("/schools", school.body())
            done["schools_created"] += 1
        except ApiError as exc:
            if exc.status != 409:
                raise
            etag = en.get_response(f"/schools/{school.code}").headers.get("etag")
            body = {k: v for k, v in school.body().items() if k != "code"}
            en.put(f"/schools/{school.code}", body, if_match=etag)
            done["schools_updated"] += 1
        tick()
    for seats in district.seats:
        en.put(f"/schools/{seats.school_code}/seats/{seats.season}/{seats.grade}",
               {"migrant_seats": seats.migrant_seats})
        done["seats"] += 1
        tick()
    for plan in district.plans:
        en.put(f"/schools/{plan.school_code}/plans/{plan.season}/{plan.grade}", {"planned": plan.planned})
        done["plans"] += 1
        tick()
    for semester in district.semesters:
        try:
            fu.post("/semesters", semester.body(), key=idempotency_key("semester", semester.body()))
            done["semesters_created"] += 1
        except ApiError as exc:
            if exc.status != 409:
                raise
            done["semesters_existing"] += 1
        tick()
    for tariff in district.tariffs:
        try:
            fu.put(f"/tariffs/{tariff.school_code}/{tariff.semester}", tariff.body())
            done["tariffs"] += 1
        except ApiError as exc:
            if exc.code != "semester_settled":
                raise
            done["tariffs_settled"] += 1
        tick()
    return done
