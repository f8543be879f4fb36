"""Example values of the verification models (issue 17; see :mod:`common.examples`): the examples' family's case
(father 王建国 and mother 李秀英), the police's request for the father's residence permit and its answer."""

from __future__ import annotations

from typing import Any

from common.examples import GUARDIAN2_ID, GUARDIAN_ID, USCC

PERMIT_FACTS = {"county_code": "331003", "status": "valid", "issued_on": "2019-03-01",
                "continuous_since": "2019-03-01", "township_code": "331003003"}
CASE: dict[str, Any] = {
    "application_no": "HY2025-1-000123", "season": 2025, "grade": 1, "child_birth_date": "2018-03-15",
    "guardians": [{"guardian_no": 1, "name": "王建国", "id_number": GUARDIAN_ID},
                  {"guardian_no": 2, "name": "李秀英", "id_number": GUARDIAN2_ID}],
    "claims": {"housing": [{"guardian_no": 1, "tenure": "owned", "certificate_no": "浙(2021)黄岩区不动产权第0012345号",
                            "share_percent": "50.00"}],
               "business_license": [{"guardian_no": 1, "uscc": USCC}]}}
"""部门核验 case: what enrollment registers for an application (``POST /cases``)."""

RESULT = {"outcome": "confirmed", "facts": PERMIT_FACTS, "note": "居住证信息系统核验一致"}
"""The police's answer (``POST /requests/{id}/results``): confirmed, with the facts of record."""

VALUES: dict[str, list[Any]] = {
    "id": [311],
    "ResultOut.id": [512],
    "request_id": [311],
    "result_id": [512],
    "kind": ["residence_permit"],
    "department": ["police"],
    "state": ["answered", "pending"],
    "outcome": ["confirmed"],
    "facts": [PERMIT_FACTS],
    "note": ["居住证信息系统核验一致"],
    "claim": [{}],
    "supersedes": [None],
    "status": ["stored"],
    "code": [None],
    "detail": [None],
    "created": [1],
    "existing": [0],
    "amended": [0],
    "stored": [1],
    "rejected": [0],
    "ref": ["enrollment-appeal-12"],
    "appeal_ref": ["enrollment-appeal-12"],
    "ground": ["居住证起始日应为2018-09-01 (the permit started on 2018-09-01)"],
    "requested_at": ["2025-07-04T06:40:01Z"],
    "open": [False],
    "recheck": [None],
    "pending": [[]],
    "seq": [4071],
    "items": [[RESULT]],
    "results": [{"residence_permit": {"id": 512, "request_id": 311, "outcome": "confirmed", "facts": PERMIT_FACTS,
                                      "note": None, "department": "police", "answered_at": "2025-05-08T02:30:00Z",
                                      "supersedes": None}}],
    "GuardianIn.name": ["王建国"],
    "GuardianIn.id_number": [GUARDIAN_ID],
    "CaseBatchIn.items": [[CASE]],
    "CaseWithdrawalOut.withdrawn_at": ["2025-04-20T02:00:00Z"],
    "CaseWithdrawalOut.requests": [[{"id": 311, "kind": "residence_permit", "department": "police", "guardian_no": 1,
                                     "state": "withdrawn"}]],
    "ResultBatchIn.items": [[{"request_id": 311, **RESULT}]],
}

TERMS: dict[str, str] = {
    "/cases": "部门核验 (verification case) — BRIEF §4 step 3, plan 四(二): requests to each department",
    "/queue": "待核验 (a department's pending requests) — BRIEF §4 step 4, plan 四(二)",
    "/requests": "核验请求 (verification request) — BRIEF §4 step 4, plan 四(二)",
    "/results": "核验结果 (verification results) — BRIEF §4 step 4, plan 四(二)",
    "/facts": "核验事实 (confirmed facts) — BRIEF §5: only confirmed facts count",
    "/progress": "核验进度 (progress per department) — BRIEF §4 step 4, plan 四(二)",
    "/rechecks": "复核 (re-check for an appeal) — BRIEF §4 step 6",
}
"""Each operation's Chinese term and policy clause, by its path's first segment (common.openapi.document_terms)."""
