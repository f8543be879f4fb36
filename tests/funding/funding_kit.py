"""Helpers for the funding tests, imported by the test modules (``from funding_kit import ...``)."""

from __future__ import annotations

from datetime import date
from itertools import count
from typing import Any

from stdnum.cn import ric

from common.schemas import day_in_shanghai

_serial = count(1)


def paid_on_today() -> str:
    """A payment day the service accepts: on or after the approval day (the tests approve today) and not after
    today (Asia/Shanghai), taken when the payment is sent."""
    return day_in_shanghai().isoformat()


def id_number(birth: date = date(2019, 3, 1), county: str = "331003") -> str:
    """A valid, distinct resident ID number (GB 11643 check character computed)."""
    base = f"{county}{birth:%Y%m%d}{next(_serial) % 1000:03d}"
    return base + ric.calc_check_digit(base + "0")  # stdnum expects a placeholder check character


def seat(application_no: str, school_code: str, start: str, *, name: str = "王小明", grade: int = 1,
         id_no: str | None = None) -> dict[str, Any]:
    return {"application_no": application_no, "pupil_name": name, "pupil_id_number": id_no or id_number(),
            "school_code": school_code, "grade": grade, "start_date": start}


class Funding:
    """A thin driver over the funding TestClient: ``f.post("bureau", "/semesters", {...})``."""

    def __init__(self, client: Any, auth: Any):
        self.client, self.auth = client, auth

    def headers(self, role: str, extra: dict[str, str] | None = None) -> dict[str, str]:
        if role.startswith("school:"):  # a private school's staff, bound to one school code
            code = role.split(":", 1)[1]
            h = self.auth("school", subject=f"school-{code}", school=code)
        elif role.startswith("service:"):
            h = self.auth("service", subject=role.split(":", 1)[1])
        elif role.startswith("department:"):
            h = self.auth("department", role.split(":", 1)[1])
        else:
            h = self.auth(role, subject=f"{role}-user")
        return {**h, **(extra or {})}

    def call(self, method: str, role: str, path: str, body: Any = None, headers: dict[str, str] | None = None,
             **kw: Any) -> Any:
        return self.client.request(method, path, json=body, headers=self.headers(role, headers), **kw)

    def get(self, role: str, path: str, **kw: Any) -> Any:
        return self.call("GET", role, path, **kw)

    def post(self, role: str, path: str, body: Any = None, **kw: Any) -> Any:
        return self.call("POST", role, path, body, **kw)

    def put(self, role: str, path: str, body: Any = None, **kw: Any) -> Any:
        return self.call("PUT", role, path, body, **kw)

    def ok(self, resp: Any, status: int = 200) -> Any:
        assert resp.status_code == status, resp.text
        return resp.json()

    # a few set-up steps used by several tests
    def semester(self, code: str, **dates: str) -> dict[str, Any]:
        return self.ok(self.post("bureau", "/semesters", {"code": code, **dates}), 201)

    def tariff(self, school: str, semester: str, cost: str, fee: str, standard: str | None = None) -> dict[str, Any]:
        body = {"operating_cost_per_pupil": cost, "original_fee": fee}
        if standard is not None:
            body["standard"] = standard
        return self.ok(self.put("bureau", f"/tariffs/{school}/{semester}", body))

    def handover(self, *seats: dict[str, Any], run_id: str = "run-1") -> dict[str, Any]:
        return self.ok(self.post("service:enrollment", "/purchased-seats/handover",
                                 {"run_id": run_id, "seats": list(seats)}))

    def awaiting(self, school: str, semester: str) -> list[int]:
        """Seat ids on the school's roll for the semester that nobody has confirmed yet."""
        ids, cursor = [], ""
        while cursor is not None:
            page = self.ok(self.get("bureau", f"/rolls/{school}/{semester}?limit=1000{cursor}"))
            ids += [i["seat_id"] for i in page["items"] if i["status"] == "awaiting"]
            cursor = page["next_cursor"] and f"&cursor={page['next_cursor']}"
        return ids

    def confirm(self, school: str, semester: str, attending: list[int] | None = None,
                left: list[dict[str, Any]] | None = None, role: str = "bureau") -> dict[str, Any] | None:
        """Confirm the roll (在校确认): by default every seat awaiting confirmation attends; ``None`` when there
        is nothing to confirm."""
        attending = self.awaiting(school, semester) if attending is None and left is None else (attending or [])
        if not attending and not left:
            return None
        return self.ok(self.post(role, f"/rolls/{school}/{semester}/confirmations",
                                 {"attending": attending, "left": left or []}), 201)

    def settle(self, school: str, semester: str, role: str = "finance", confirm: bool = True) -> dict[str, Any]:
        """Draft the settlement, after confirming the school's whole roll (``confirm=False`` leaves it as it is)."""
        if confirm:
            self.confirm(school, semester)
        return self.ok(self.post(role, "/settlements", {"school_code": school, "semester": semester}), 201)

    def approve(self, settlement: dict[str, Any]) -> dict[str, Any]:
        return self.ok(self.post("finance", f"/settlements/{settlement['id']}/approve",
                                 headers={"If-Match": f'"v{settlement["version"]}"'}))
