"""The 19 townships of Huangyan (county 331003) with their statistical codes, from data/huangyan-townships.csv."""

from __future__ import annotations

import csv
from functools import lru_cache

from common.config import REPO_ROOT
from common.refusals import refuse

COUNTY_CODE = "331003"
TOWNSHIPS_CSV = REPO_ROOT / "data" / "huangyan-townships.csv"


@lru_cache(maxsize=1)
def townships() -> dict[str, dict[str, str]]:
    """``{code: {code, name_zh, name_pinyin, kind}}`` in file order."""
    with TOWNSHIPS_CSV.open(encoding="utf-8") as fh:
        return {row["code"]: row for row in csv.DictReader(fh)}


def check_township(code: str) -> str:
    """Refuse a code that is not one of Huangyan's townships (rule ``township_unknown``, a ValueError)."""
    if code not in townships():
        raise refuse("township_unknown", f"unknown township code {code!r}; see data/huangyan-townships.csv")
    return code
