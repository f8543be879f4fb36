"""Example values of the enrollment models (issue 17; see :mod:`common.examples`): the examples' family applies for
grade 1 of season 2025 from 西城街道 (331003003), choosing 黄岩区西城第一小学 and 西城第二小学 (public) and 黄岩育英随迁子女学校
(private), the bundled data's schools (``data/schools.csv``)."""

from __future__ import annotations

from typing import Any

from datetime import date

from common.examples import CHILD_ID, GUARDIAN2_ID, GUARDIAN_ID, USCC, id_number

CHILD = {"name": "王小雨", "id_number": CHILD_ID, "birth_date": "2018-03-15"}
FATHER = {"name": "王建国", "id_number": GUARDIAN_ID, "relation": "父亲", "phone": "13805761234"}
MOTHER = {"name": "李秀英", "id_number": GUARDIAN2_ID, "relation": "母亲", "phone": "15958612345"}
CLAIMS = {"housing": [{"guardian_no": 1, "tenure": "owned", "certificate_no": "浙(2021)黄岩区不动产权第0012345号",
                       "share_percent": "50.00"}],
          "business_license": [{"guardian_no": 1, "uscc": USCC}]}

APPLICATION: dict[str, Any] = {
    "season": 2025, "grade": 1, "child": CHILD, "guardians": [FATHER, MOTHER], "township_code": "331003003",
    "public_choices": ["HYGP00301", "HYGP00302"], "private_choices": ["HYMP00301"], "claims": CLAIMS}
"""申请: what the platform sends to ``POST /applications``."""

NEIGHBOUR_APPLICATION: dict[str, Any] = {
    "season": 2025, "grade": 1,
    "child": {"name": "陈浩然", "id_number": id_number("331003", date(2018, 9, 2), 31, "M"), "birth_date": "2018-09-02"},
    "guardians": [{"name": "陈志强", "id_number": id_number("341126", date(1986, 12, 8), 17, "M"), "relation": "父亲",
                   "phone": "13757612345"}],
    "township_code": "331003003", "public_choices": ["HYGP00301"], "private_choices": ["HYMP00301"],
    "claims": {"housing": [{"guardian_no": 1, "tenure": "rented", "lease_no": "HYZL-2024-00417"}]}}
"""A neighbour's son, rented home, one guardian: the second application of ``POST /applications/batch``'s example
(the batch sends whole applications; a child sent twice would be refused as ``duplicate_application``)."""

APPLICATION_OUT: dict[str, Any] = {
    **APPLICATION, "application_no": "HY2025-1-000123", "state": "submitted", "child": CHILD,
    "guardians": [FATHER, MOTHER], "submitted_at": "2025-05-06T01:30:00Z", "withdrawn_at": None, "version": 1}

PUBLIC_SCHOOL: dict[str, Any] = {"code": "HYGP00301", "name": "黄岩区西城第一小学", "kind": "public", "level": "primary",
                                 "township_code": "331003003", "catchment_townships": ["331003003"]}
PRIVATE_SCHOOL: dict[str, Any] = {
    "code": "HYMP00301", "name": "黄岩育英随迁子女学校", "kind": "private", "level": "primary",
    "township_code": "331003003", "floor_area_m2": "6205.00", "land_area_m2": "19267.00",
    "classrooms": {"1": 4, "2": 5, "3": 4, "4": 4, "5": 4, "6": 4},
    "current_pupils": {"1": 0, "2": 180, "3": 171, "4": 127, "5": 161, "6": 144}, "status": "active"}
SCHOOL_OUT: dict[str, Any] = {
    **PRIVATE_SCHOOL, "catchment_townships": [], "version": 3, "approved_capacity": 1034,
    "approved_capacity_inputs": {"approved": 1034, "by_floor": 1034, "by_land": 1070, "by_classrooms": 1125,
                                 "binding": "floor"},
    "intakes": [{"season": 2025, "grade": 1, "planned": 180}]}

AGE_REASON = "因病推迟一年入学，有医院证明 (school start delayed a year by illness, with a hospital's certificate)"

VALUES: dict[str, list[Any]] = {
    "name": ["黄岩区西城第一小学"],
    "school_name": ["黄岩区西城第一小学"],
    "kind": ["public", "fact", "cases"],
    "level": ["primary"],
    "state": ["submitted", "published", "lodged"],
    "migrant_seats": [130],
    "planned": [180],
    "approved_capacity": [None],
    "seats": [40],
    "change": [20],
    "seed": ["20250701-HY-notarised"],
    "mechanism": ["deferred_acceptance"],
    "window_days": [5],
    "window_calendar": ["official"],
    "counts": [{"applicants": 2120, "eligible": 1984, "placed_public": 1890, "placed_purchased": 94,
                "waitlisted": 0}],
    "id": [12],
    "run_id": [12],
    "included_run_id": [None],
    "superseded_by": [None],
    "finalised_at": [None],
    "code_version": ["0.1.0+engine.3f9a2c"],
    "gate": [None],
    "certificate": [None],
    "placed": [True],
    "round": [1],
    "tier": [1],
    "choice_rank": [1],
    "purchased_seat": [False],
    "reason": [None, "家长对居住证起始日有异议 (the family disputes the permit's start date)"],
    "run_state": ["published"],
    "decision": ["upheld"],
    "note": ["居住证起始日经公安复核更正 (the permit's start date corrected by the police's re-check)"],
    "disputes": [{"type": "fact", "guardian_no": 1, "kind": "residence_permit"}],
    "progress": ["rescored"],
    "recheck": [None],
    "score": [None],
    "type": ["fact", "placement_rule"],
    "rule": ["tier_catchment"],
    "pending": [3],
    "delivered": [2118],
    "failing": [0],
    "topics": [{"cases": {"pending": 3, "delivered": 2118, "failing": 0}}],
    "index": [0],
    "status": ["created", "active"],
    "created": [1],
    "duplicates": [0],
    "rejected": [0],
    "existing_application_no": [None],
    "code": [None, "HYGP00301"],
    "field": [None],
    "detail": [None],
    "url": ["https://zs.tzedu.example.cn/hooks/tongcheng"],
    "after": [0],
    "limit": [100],
    "cursor": [None],
    "semester": ["2025-autumn"],
    "items": [[SCHOOL_OUT]],
    "ApplicationBatchIn.items": [[NEIGHBOUR_APPLICATION]],
    "RunOut.state": ["published"],
    "AgeExceptionIn.reason": [AGE_REASON],
    "AgeExceptionOut.reason": [AGE_REASON],
    "AgeExceptionOut.child_id_number": [CHILD_ID[:4] + "*" * 10 + CHILD_ID[-4:]],
    "AppealOut.state": ["upheld"],
}

TERMS: dict[str, str] = {
    "/schools": "学校、随迁子女学位、招生计划 (schools, migrant seats, plans) — BRIEF §6, §7, plan 三(二), 三(五)",
    "/age-exceptions": "超龄入学例外 (age exception) — BRIEF §5 E3: the bureau lets an older child apply",
    "/applications": "入学申请 (application) — BRIEF §4 step 2, plan 二(四): submitted by the Taizhou platform",
    "/placements": "录取结果 (placement) — BRIEF §6, plan 二(四)",
    "/runs": "录取批次 (placement run) and 公示 — BRIEF §4 step 6, §6",
    "/appeals": "复核 (appeal) — BRIEF §4 step 6, §3",
    "/reports": "公办学校就读比例 (public-school share) and 录取名册 — BRIEF §1 plan 二(一): the 95 % target",
    "/events": "申请进度 (the platform's feed) — BRIEF §2, plan 二(四): the platform reads results",
    "/webhooks": "进度推送 (the feed pushed to the platform) — BRIEF §2, plan 二(四)",
    "/imports": "数据导入 (the bureau's schools, seats and plans) — BRIEF §4 step 1",
    "/outbox": "移交 (hand-over to verification and funding) — BRIEF §4 steps 3 and 7",
    "/planning": "学位规划 (capacity planning what-if) — plan 三(二), BRIEF §1",
    "/search-keys": "身份证号检索密钥 (search keys of ID numbers) — BRIEF §9",
}
"""Each operation's Chinese term and policy clause, by its path's first segment (common.openapi.document_terms)."""
