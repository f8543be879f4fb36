"""The season driver's waiting: it fails with the services' own explanation instead of hanging."""

import io

import httpx
import pytest
from rich.console import Console

from tongcheng.api import Gateway, Roles
from tongcheng.cohort import generate
from tongcheng.schools import bundled
from tongcheng.season import Season, SeasonError


def roles_for(handler) -> Roles:
    def gw(subject):
        return Gateway("http://gw.test", f"tok-{subject}", transport=httpx.MockTransport(handler), attempts=1)

    return Roles(platform=gw("platform"), bureau=gw("bureau"), finance=gw("finance"), auditor=gw("auditor"),
                 departments={d: gw(d) for d in ("police", "hrss", "housing", "market")})


def test_a_stuck_outbox_fails_with_its_last_error():
    flushes = []

    def handler(request):
        if request.url.path == "/api/enrollment/outbox/flush":
            flushes.append(1)
            return httpx.Response(200, json={})
        return httpx.Response(200, json={"pending": 5, "delivered": 0, "failing": 5, "topics": {},
                                         "last_error": "verification.cases: 422 validation_error"})

    season = Season(roles_for(handler), generate(5, 1, district=bundled()), bundled(),
                    console=Console(file=io.StringIO()), quiet=True, stall_s=0.3)
    with pytest.raises(SeasonError, match="no progress .* 422 validation_error"):
        season.verify()
    assert flushes  # it asked enrollment to deliver now before giving up


def test_a_failed_scoring_job_is_reported():
    def handler(request):
        if request.method == "POST":
            return httpx.Response(202, json={"id": 1, "state": "running", "total": 3, "done": 0})
        return httpx.Response(200, json={"id": 1, "state": "failed", "total": 3, "done": 1,
                                         "error": "verification unreachable"})

    season = Season(roles_for(handler), generate(5, 1, district=bundled()), bundled(),
                    console=Console(file=io.StringIO()), quiet=True)
    with pytest.raises(SeasonError, match="verification unreachable"):
        season.score()
