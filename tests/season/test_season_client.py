"""A small season played through the generated client (``clients/python/tongcheng-client``, issue 17) against the
real suite: the five processes started with tongcheng.suite.Suite on free ports and a temporary var folder, the
stub departments answering by themselves. As the platform the client submits applications and reads the
placements; as the bureau it scores, runs and publishes; nothing but the client's typed calls and models."""

from __future__ import annotations

import time
import uuid

import pytest
from tongcheng_client import AuthenticatedClient
from tongcheng_client.api.enrollment_applications import enrollment_submit_application as submit
from tongcheng_client.api.enrollment_outbox import enrollment_outbox_status as outbox_status
from tongcheng_client.api.enrollment_placements import enrollment_lookup as placement
from tongcheng_client.api.enrollment_runs import enrollment_create_run as create_run
from tongcheng_client.api.enrollment_runs import enrollment_publish as publish
from tongcheng_client.api.points_scoring_jobs import points_get_job as get_job
from tongcheng_client.api.points_scoring_jobs import points_start_job as start_job
from tongcheng_client.models import (EnrollmentApplicationIn, EnrollmentApplicationOut, EnrollmentPlacementLookupOut,
                                     EnrollmentPublishIn, EnrollmentRunIn, EnrollmentRunOut, PointsJobIn,
                                     PointsJobRead)

from season_kit import wait_for
from shared_kit import free_port
from tongcheng.api import Roles, load_tokens
from tongcheng.cohort import generate
from tongcheng.demo import DEMO_ENV, make_stubs
from tongcheng.importer import import_district
from tongcheng.registry import Registry
from tongcheng.schools import generate as generate_district
from tongcheng.secrets import generate as generate_secrets
from tongcheng.suite import DEFAULT_PORTS, Suite

pytestmark = pytest.mark.processes
SIZE, SEED, SEASON = 40, 23, 2025


@pytest.fixture(scope="module")
def suite(tmp_path_factory):
    """The suite with the district loaded (schools, seats, plans, semesters, tariffs; HY-2025 ships with points)
    and the four stub departments answering; yields (gateway URL, tokens, cohort, the stubs)."""
    var = tmp_path_factory.mktemp("var")
    generate_secrets(var)
    suite = Suite(var=var, ports={name: free_port() for name in DEFAULT_PORTS}, extra_env=dict(DEMO_ENV))
    district = generate_district(SIZE)
    cohort = generate(SIZE, SEED, district=district)
    try:
        suite.start_all()
        roles = Roles.connect(suite.url(), var)
        pool = make_stubs(roles, Registry.from_cohort(cohort), SEASON)
        try:
            import_district(roles.bureau, district)
            pool.start()
            yield suite.url(), load_tokens(var), cohort, pool
        finally:
            pool.stop()
            roles.close()
    finally:
        suite.stop_all()


def test_a_small_season_through_the_generated_client(suite):
    url, tokens, cohort, stubs = suite
    platform = AuthenticatedClient(base_url=url, token=tokens["platform-taizhou"], raise_on_unexpected_status=True)
    bureau = AuthenticatedClient(base_url=url, token=tokens["bureau-1"], raise_on_unexpected_status=True)

    numbers: dict[str, int] = {}
    for family in cohort.families:
        body = EnrollmentApplicationIn.from_dict(family.application(SEASON))
        answer = submit.sync(client=platform, body=body, idempotency_key=str(uuid.uuid4()))
        assert isinstance(answer, EnrollmentApplicationOut), answer
        assert answer.state == "submitted" and answer.child.additional_properties["name"] == family.child["name"]
        numbers[answer.application_no] = family.grade
    assert len(numbers) == SIZE

    # verification: enrollment hands the cases over, the stub departments answer them by themselves
    wait_for("the outbox to deliver the cases", lambda: outbox_status.sync(client=bureau).pending == 0)
    handed = time.monotonic()
    wait_for("the departments to answer", lambda: stubs.drained_since(handed))
    assert stubs.answered() >= 2 * SIZE  # a residence permit and social insurance per guardian at least

    for grade in sorted(set(numbers.values())):
        job = start_job.sync(client=bureau, body=PointsJobIn(season=SEASON, grade=grade),
                             idempotency_key=str(uuid.uuid4()))
        assert isinstance(job, PointsJobRead), job

        def done(job_id: int = job.id) -> PointsJobRead | None:
            current = get_job.sync(job_id, client=bureau)
            assert current.state != "failed", current.error
            return current if current.state == "done" else None

        finished = wait_for(f"the scoring job of grade {grade}", done)
        assert finished.total == sum(g == grade for g in numbers.values())

        run = create_run.sync(client=bureau, body=EnrollmentRunIn(season=SEASON, grade=grade, seed=f"client-{grade}"),
                              idempotency_key=str(uuid.uuid4()))
        assert isinstance(run, EnrollmentRunOut) and run.state == "draft", run
        published = publish.sync(run.id, client=bureau, body=EnrollmentPublishIn(window_days=5),
                                 idempotency_key=str(uuid.uuid4()))
        assert isinstance(published, EnrollmentRunOut) and published.state == "published", published

    placed = 0
    for no, grade in numbers.items():
        where = placement.sync(no, client=platform)
        assert isinstance(where, EnrollmentPlacementLookupOut), (no, where)
        assert where.application_no == no and where.run_state == "published"
        if where.placed:
            placed += 1
            assert where.school_code and where.school_name
        else:
            assert where.reason
    assert placed > SIZE // 2
