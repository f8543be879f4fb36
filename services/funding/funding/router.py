"""HTTP endpoints of the funding service: parse, call the service layer, commit once, return a schema."""

from fastapi import APIRouter

router = APIRouter()
