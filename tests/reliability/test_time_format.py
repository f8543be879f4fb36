"""One time format in every answer (issue 17): an instant is ISO 8601 in UTC with ``Z``
(``2025-04-30T01:00:00Z``, microseconds when it has them), whether the answer is a POST's (written through
``common.idempotency``) or a GET's of the same object (a response model) — one serializer,
``common.schemas.utc_text``. Times for people stay Asia/Shanghai where documented (``at`` of a change, ``+08:00``).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from common.schemas import utc_text
from reliability_kit import application, public_school, rulebook
from reliability_kit import case as case_

INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def instants(value: Any, path: str = "") -> dict[str, str]:
    """Every datetime text in an answer, by its dotted path."""
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in instants(item, f"{path}.{key}".lstrip(".")).items()}
    if isinstance(value, list):
        return {k: v for i, item in enumerate(value) for k, v in instants(item, f"{path}.{i}").items()}
    return {path: value} if isinstance(value, str) and INSTANT.match(value) else {}


def assert_one_format(post: dict, get: dict) -> None:
    sent, read = instants(post), instants(get)
    assert sent, "the answer has no time to compare"
    for path, text in sent.items():
        assert text.endswith("Z"), (path, text)
        if path in read:
            assert read[path] == text, (path, text, read[path])
    assert all(text.endswith("Z") for text in read.values()), read


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1),
                    timezones=st.sampled_from([timezone.utc, timezone(timedelta(hours=8)), timezone(timedelta(0))])))
def test_utc_text_is_pydantics_text_of_the_utc_instant(moment):
    from pydantic import TypeAdapter

    text = utc_text(moment)
    assert text.endswith("Z") and "+" not in text
    assert datetime.fromisoformat(text.replace("Z", "+00:00")) == moment
    as_utc = moment.astimezone(timezone.utc)
    assert TypeAdapter(datetime).dump_python(as_utc, mode="json") == text  # what a response model writes


def test_post_and_get_answers_of_the_same_objects_agree_across_services(stack):
    """enrollment (an application, with and without an Idempotency-Key, and its replay), funding (a semester, a
    purchased seat), verification (a case's request), points (a draft rulebook)."""
    call, ok = stack.call, stack.ok
    ok(call("enrollment", "POST", "/schools", "bureau", json_body=public_school("TP1")), 201)
    for key in (None, "time-1"):  # both write paths of common.idempotency
        posted = ok(call("enrollment", "POST", "/applications", "platform", key=key,
                         json_body=application(public=["TP1"])), 201)
        got = ok(call("enrollment", "GET", f"/applications/{posted['application_no']}", "platform"))
        assert_one_format(posted, got)
    replay = call("enrollment", "POST", "/applications", "platform", key="time-1", json_body=application())
    assert replay.status_code == 422 or replay.json()["submitted_at"] == posted["submitted_at"]

    semester = ok(call("funding", "POST", "/semesters", "bureau", json_body={"code": "2031-autumn"}), 201)
    listed = ok(call("funding", "GET", "/semesters", "bureau"))["items"]
    assert_one_format(semester, next(s for s in listed if s["code"] == "2031-autumn"))

    case = ok(call("verification", "POST", "/cases", "bureau", json_body=case_("HY2025-1-930001")), 201)
    request = ok(call("verification", "GET", f"/requests/{case['requests'][0]['id']}", "bureau"))
    assert instants(request) and all(t.endswith("Z") for t in instants(request).values()), request

    book = ok(call("points", "POST", "/rulebooks", "bureau", json_body=rulebook("RB-TIME")), 201)
    assert_one_format(book, ok(call("points", "GET", "/rulebooks/RB-TIME", "bureau")))
