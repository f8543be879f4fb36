"""HTTP endpoints of the points service: parse, call the service layer, commit once, return a schema."""

from fastapi import APIRouter

from common.identity import Caller

router = APIRouter()


@router.get("/rulebooks")
def list_rulebooks(who: Caller("bureau", "platform", "auditor", "service")) -> list[dict]:
    return []
