"""Example values of the points models (issue 17; see :mod:`common.examples`): the shipped rulebook ``HY-2025`` as
the rulebook example, and the score of the examples' family (father 王建国: permit since 2019-03-01, 64 months of
social insurance, half of a home bought 2021-06-18; cut-off 2025-04-30)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

RULEBOOK: dict[str, Any] = json.loads((Path(__file__).parent / "rulebooks" / "HY-2025.json").read_text("utf-8"))
"""积分细则 HY-2025 as shipped (BRIEF §5)."""

RULEBOOK_REVISION: dict[str, Any] = {**RULEBOOK, "id": "HY-2025-v2",
                                     "name": "黄岩区2025年随迁子女积分入学细则（修订稿）"}
"""What the bureau sends to ``POST /rulebooks`` (and ``PUT`` while a draft): a revision of the shipped HY-2025 under
a new id (a published rulebook never changes; every suite has the shipped HY-2025 already: 409
``rulebook_exists``)."""

RULEBOOK_REVISION_EDIT: dict[str, Any] = {**RULEBOOK_REVISION, "name": "黄岩区2025年随迁子女积分入学细则（修订稿二）"}
"""``PUT /rulebooks/HY-2025-v2``: the draft's name corrected."""

RULEBOOK_READ: dict[str, Any] = {**RULEBOOK, "state": "published", "version": 1, "created_by": "bureau:bureau-1",
                                 "created_at": "2025-03-01T02:00:00Z", "updated_at": "2025-03-01T02:00:00Z",
                                 "published_at": "2025-03-02T01:00:00Z"}

VALUES: dict[str, list[Any]] = {
    "id": [17, "HY-2025"],
    "rulebook_id": ["HY-2025"],
    "name": ["黄岩区2025年随迁子女积分入学细则"],
    "state": ["published", "done"],
    "rule": ["E1"],
    "kind": ["guardian_residence_permit", "base"],
    "item": ["owned_home"],
    "min_age": [{"1": 6, "7": 12}],
    "eligible": [True],
    "met": [True],
    "counts": [True],
    "family_score": ["87.20"],
    "other_guardian_score": ["52.00"],
    "earliest_continuous_since": ["2019-03-01"],
    "total": [120, "87.20"],
    "raw": ["23.00"],
    "points": ["23.00"],
    "cap": ["30.00"],
    "fixed": ["20.00"],
    "rate": ["1.00"],
    "unit": ["full_year"],
    "reason": ["ok", "permit_ok"],
    "working": ["20.00 + 3 full years × 1.00 = 23.00"],
    "explanation": ["符合 E1: 居住证自 2019-03-01 连续 6 年 / meets E1: permit since 2019-03-01, 6 full years"],
    "note": [None],
    "fact": [{"tenure": "owned", "share_percent": "50.00", "acquired_on": "2021-06-18", "county_code": "331003"}],
    "result_id": [311],
    "department": ["housing"],
    "done": [120],
    "rescored": [118],
    "unchanged": [2],
    "changed_after": [None],
    "last_seq": [4071],
    "full": [False],
    "min_share_percent": ["50.00"],
    "requires": [["E1", "E2"]],
    "only_without": [["owned_home"]],
    "license_status": [["active"]],
}

TERMS: dict[str, str] = {
    "/rulebooks": "积分细则 (rulebook) — BRIEF §5, plan 二(四): the season's points rules as data",
    "/scores": "积分 (score) with its breakdown — BRIEF §5, plan 二(四) 积分入学",
    "/score-changes": "积分变动 (score changes) — BRIEF §4 step 5, §2: the platform follows the scores",
    "/scoring-jobs": "批量积分 (scoring job) — BRIEF §4 step 5: every application scored from confirmed facts",
    "/what-if": "积分测算 (what-if) — BRIEF §5: a family's points under a rulebook, nothing stored",
}
"""Each operation's Chinese term and policy clause, by its path's first segment (common.openapi.document_terms)."""
