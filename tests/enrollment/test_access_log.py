"""Who read whose data (common.access): every read of one application's personal data is recorded (who, when,
which application, which endpoint) in the read's transaction; auditors list them by application and by reader,
paged; reading the log is itself recorded; records past retention are purged only by the purge call, which says
how many. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import insert

from enrollment.models import access_log
from enrollment_kit import application, public_school, upstreams


def test_reads_are_recorded_listed_and_purged(make_service, auth, backend):
    *_, clients = upstreams()
    app = make_service("enrollment", outbox_dispatcher=False, today=date(2025, 6, 2),
                       create_app_kwargs={"http_clients": clients})
    bureau, platform, auditor = auth("bureau", subject="bureau-1"), auth("platform", subject="p1"), auth("auditor")
    assert app.post("/schools", json=public_school("S1"), headers=bureau).status_code == 201
    no = app.post("/applications", json=application(public=["S1"]), headers=platform).json()["application_no"]
    for headers in (platform, platform, bureau):
        assert app.get(f"/applications/{no}", headers=headers).status_code == 200
    assert app.get("/applications/HY2025-1-999999", headers=bureau).status_code == 404  # nothing read: no record
    assert app.get(f"/placements/{no}/why", headers=platform).status_code == 404  # not published: no record

    items = app.get(f"/access-log?application_no={no}", headers=auditor).json()["items"]
    assert [(r["reader"], r["endpoint"], r["season"]) for r in items] == \
           [("platform:p1", "GET /applications/{no}", 2025)] * 2 + [("bureau:bureau-1", "GET /applications/{no}",
                                                                   2025)]
    assert datetime.fromisoformat(items[0]["at"]).utcoffset().total_seconds() == 8 * 3600
    by_reader = app.get("/access-log?reader=bureau:bureau-1", headers=auditor).json()["items"]
    assert [r["application_no"] for r in by_reader] == [no]
    # the auditor's reads of the log are themselves in the log, paged
    log_reads = app.get("/access-log?reader=auditor:auditor-test&limit=1", headers=auditor).json()
    assert log_reads["items"][0]["endpoint"] == "GET /access-log" and log_reads["next_cursor"]
    assert app.get("/access-log", headers=bureau).status_code == 403
    assert app.get("/access-log?cursor=x", headers=auditor).json()["code"] == "invalid_cursor"

    # retention (default: the season's school year and one more): on 2 June 2025 season 2022 has expired
    with app.app.state.db.write_session() as session:
        session.execute(insert(access_log), [
            {"at": datetime(2023, 3, 1, tzinfo=timezone.utc), "reader": "bureau:old", "application_no": "HY2022-1-1",
             "season": 2022, "endpoint": "GET /applications/{no}"},
            {"at": datetime(2024, 3, 1, tzinfo=timezone.utc), "reader": "bureau:old", "application_no": "HY2023-1-1",
             "season": 2023, "endpoint": "GET /applications/{no}"}])
        session.commit()
    dry = app.post("/access-log/purge?dry_run=true", headers=auditor).json()
    assert (dry["expired"], dry["purged"], dry["keep_years"]) == (1, 0, 1)
    done = app.post("/access-log/purge", headers=auditor).json()
    assert (done["expired"], done["purged"]) == (1, 1)
    left = app.get("/access-log?reader=bureau:old", headers=auditor).json()["items"]
    assert [r["season"] for r in left] == [2023]
    purges = [r for r in app.get("/access-log?reader=auditor:auditor-test", headers=auditor).json()["items"]
              if r["endpoint"].startswith("POST /access-log/purge")]
    assert [r["endpoint"] for r in purges] == ["POST /access-log/purge (0 purged)", "POST /access-log/purge (1 purged)"]
