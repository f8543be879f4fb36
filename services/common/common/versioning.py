"""Optimistic concurrency with ETag / If-Match: a stale write is refused with 412."""

from __future__ import annotations

from fastapi import Request, Response

from common.errors import PreconditionFailed


def etag(version: int) -> str:
    return f'"v{version}"'


def check_if_match(request: Request, version: int) -> None:
    """When the caller sends ``If-Match``, it must name the current version (else 412 ``precondition_failed``)."""
    sent = request.headers.get("if-match")
    if sent is None or sent.strip() == "*":
        return
    if etag(version) not in [tag.strip().removeprefix("W/") for tag in sent.split(",")]:
        raise PreconditionFailed(f"resource changed: current version is {etag(version)}, you sent {sent}")


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag(version)
