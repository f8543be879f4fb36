"""A guardian born after the child, or younger than the minimum age at the child's birth (setting
``guardian_min_age``, default 14), is refused with code ``guardian_age``; "not in the future" checks of birth dates
use the Asia/Shanghai day, not the server's UTC day (issue 13)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

import common.ids
from common.ids import check_id_number
from common.schemas import day_in_shanghai
from enrollment.rules import full_years
from enrollment_kit import application, make_id

CHILD = date(2019, 3, 1)


def _with_guardian(born: date) -> dict:
    body = application(birth=CHILD)
    body["guardians"][0]["id_number"] = make_id(born)
    return body


@pytest.mark.parametrize("born,ok", [
    (date(2005, 3, 1), True),  # 14 on the child's birth day
    (date(2005, 3, 2), False),  # 13 and 364 days
    (date(2019, 3, 1), False),  # born the same day
    (date(2020, 1, 1), False),  # born after the child
    (date(1960, 1, 1), True),
])
def test_a_guardian_too_young_or_born_after_the_child_is_refused(make_service, auth, born, ok):
    app = make_service("enrollment", outbox_dispatcher=False)
    resp = app.post("/applications", json=_with_guardian(born), headers=auth("platform"))
    if ok:
        assert resp.status_code == 201, resp.text
        return
    assert resp.status_code == 422 and resp.json()["code"] == "guardian_age", resp.text
    assert resp.json()["field"] == "guardians.0.id_number" and str(born) in resp.json()["detail"]
    batch = app.post("/applications/batch", json={"items": [_with_guardian(born)]},
                     headers={**auth("platform"), "Idempotency-Key": f"age-{born}"}).json()
    assert (batch["rejected"], batch["items"][0]["code"]) == (1, "guardian_age")


def test_the_minimum_age_is_a_setting(make_service, auth):
    app = make_service("enrollment", outbox_dispatcher=False, guardian_min_age=18)
    refused = app.post("/applications", json=_with_guardian(date(2002, 1, 1)), headers=auth("platform"))
    assert refused.status_code == 422 and "at least 18" in refused.json()["detail"]
    assert full_years(date(2001, 3, 1), CHILD) == 18
    assert app.post("/applications", json=_with_guardian(date(2001, 3, 1)), headers=auth("platform")).status_code == 201


def test_not_in_the_future_is_the_shanghai_day(monkeypatch):
    late_evening_utc = datetime(2025, 6, 1, 17, 30, tzinfo=timezone.utc)  # already 2 June in Huangyan
    assert day_in_shanghai(late_evening_utc) == date(2025, 6, 2)
    born_today_in_shanghai = make_id(date(2025, 6, 2))
    monkeypatch.setattr(common.ids, "day_in_shanghai", lambda: day_in_shanghai(late_evening_utc))
    assert check_id_number(born_today_in_shanghai) == born_today_in_shanghai
    with pytest.raises(ValueError, match="future"):
        check_id_number(make_id(date(2025, 6, 3)))
