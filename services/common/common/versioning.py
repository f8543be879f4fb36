"""Optimistic concurrency with ETag / If-Match: a stale write is refused with 412.

One way in every service: a write that honours ``If-Match`` declares ``if_match: IfMatch`` in its router (the
header, parsed once: a :class:`Precondition`) and calls ``if_match.check(version)`` there, with the version of the
row it holds locked. The use case is in two steps around it: one reads the row locked and makes the state checks
that come first (409 before 412: a published rulebook, an approved settlement, a settled semester), one makes the
change on the row it is handed; a use case never sees the header (``tests/suite/test_write_path.py`` checks that
only routers import this module's ``IfMatch``). ETags are :func:`etag` (``"v<N>"``), set by :func:`set_etag` on a
plain answer and by :func:`common.idempotency.answer` from an idempotent answer's ``version``.
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request, Response

from common.errors import PreconditionFailed

# RFC 9110 §8.8.3: entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE; etagc = "!" / %x23-7E / obs-text
_ENTITY_TAG = re.compile(r'[ \t]*(W/)?("[\x21\x23-\x7e\x80-\xff]*")[ \t]*(?:,|$)')
_EMPTY_ELEMENTS = re.compile(r"[ \t,]*")


def etag(version: int) -> str:
    return f'"v{version}"'


def entity_tags(value: str) -> list[tuple[bool, str]] | None:
    """An ``If-Match`` / ``If-None-Match`` list → ``[(weak, '"tag"'), ...]`` (quotes kept, empty list elements
    skipped, RFC 9110 §5.6.1); ``None`` when an element is not an entity tag (unquoted ``v2``, a lone quote)."""
    tags: list[tuple[bool, str]] = []
    pos = _EMPTY_ELEMENTS.match(value).end()
    while pos < len(value):
        match = _ENTITY_TAG.match(value, pos)
        if match is None:
            return None
        tags.append((match[1] is not None, match[2]))
        pos = _EMPTY_ELEMENTS.match(value, match.end()).end()
    return tags


def if_match_refusal(sent: str | None, version: int) -> str | None:
    """Why an ``If-Match`` value does not allow a write to the resource at ``version``, or ``None`` when it does.

    RFC 9110 §13.1.1: absent or ``*`` (the resource exists, since it has a version) → allowed; otherwise one of
    the listed tags must equal the current ETag ``"v<version>"`` by strong comparison (§8.8.3.2), so a weak tag
    (``W/"v3"``) never matches. A value that is not a list of quoted entity tags is refused as well, saying so."""
    if sent is None or sent.strip() == "*":
        return None
    current = etag(version)
    tags = entity_tags(sent)
    if not tags:
        return (f"If-Match must be * or entity tags in double quotes, as the ETag is sent ({current}); "
                f"you sent {sent[:100]}")
    if any(not weak and tag == current for weak, tag in tags):
        return None
    if any(weak and tag == current for weak, tag in tags):
        return (f"If-Match compares strongly: a weak tag (W/{current}) never matches; send {current} "
                "as the ETag gave it")
    return f"resource changed: current version is {current}, you sent {sent[:100]}"


def check_if_match_value(sent: str | None, version: int) -> None:
    """``If-Match`` (optional, the header's value) must name ``"v<version>"`` by strong comparison (a weak
    ``W/"v1"`` never matches, RFC 9110 §13.1.1; ``*`` matches): see :func:`if_match_refusal`; else 412
    ``precondition_failed``."""
    if (reason := if_match_refusal(sent, version)) is not None:
        raise PreconditionFailed(reason)


@dataclass(frozen=True)
class Precondition:
    """The caller's ``If-Match`` (``None``: none sent; several header lines are one list)."""

    sent: str | None = None

    def check(self, version: int) -> None:
        """412 ``precondition_failed`` unless the sent value allows a write at ``version``
        (:func:`check_if_match_value`)."""
        check_if_match_value(self.sent, version)


def precondition(request: Request) -> Precondition:
    lines = request.headers.getlist("if-match")
    return Precondition(", ".join(lines) if lines else None)


async def _if_match(request: Request, if_match: Annotated[str | None, Header(
        alias="If-Match", max_length=200, description='the ETag of the version this write replaces ("v<N>"); '
                                                      "stale → 412 precondition_failed")] = None) -> Precondition:
    return precondition(request)


IfMatch = Annotated[Precondition, Depends(_if_match)]
"""``if_match: IfMatch`` in a write endpoint's signature: the ``If-Match`` header (documented, at most 200
characters), as a :class:`Precondition`."""


def check_if_match(request: Request, version: int) -> None:
    """:meth:`Precondition.check` of ``request``'s ``If-Match``."""
    precondition(request).check(version)


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag(version)
