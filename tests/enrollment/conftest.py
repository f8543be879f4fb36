"""Fixtures the enrollment tests share (helpers: ``enrollment_kit.py``)."""

from __future__ import annotations

import pytest

from enrollment_kit import MONDAY, hand_checkable_season, start_app, upstreams


@pytest.fixture(scope="module")
def shared_app(tmp_path_factory):
    """One SQLite-backed app per test module, for checks where the backend does not matter (validation, roles)."""
    tmp = tmp_path_factory.mktemp("enrollment")
    client = start_app(f"sqlite:///{tmp}/enrollment.db", tmp)
    yield client
    client.__exit__(None, None, None)


@pytest.fixture
def world(make_service, auth):
    """The hand-checkable season (:func:`enrollment_kit.hand_checkable_season`) on an enrollment app with fake
    upstreams → ``(app, points, funding, application numbers by name)``."""
    verification, points, funding, clients = upstreams()
    app = make_service("enrollment", outbox_dispatcher=False, today=MONDAY,
                       create_app_kwargs={"http_clients": clients})
    nos = hand_checkable_season(app, auth, points)
    return app, points, funding, nos


@pytest.fixture
def suite(make_service):
    """The real verification, points (reading verification) and enrollment (calling both; funding faked) apps, in
    process, on the current backend → ``(verification, points, enrollment)``."""
    verification = make_service("verification")
    points = make_service("points", create_app_kwargs={"http_clients": {"verification": verification}})
    _, _, _, fakes = upstreams()
    enrollment = make_service("enrollment", outbox_dispatcher=False, today=MONDAY, appeal_poll_s=0.01,
                              create_app_kwargs={"http_clients": {"verification": verification, "points": points,
                                                                  "funding": fakes["funding"]}})
    return verification, points, enrollment
