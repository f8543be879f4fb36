"""HTTP endpoints of the enrollment service: parse, call the service layer, commit once, return a schema."""

from fastapi import APIRouter

router = APIRouter()
