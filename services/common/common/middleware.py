"""ASGI middleware shared by services and the gateway: request id, access log, body size and JSON depth limits,
JSON-only write bodies, no duplicate keys."""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from itertools import accumulate
from typing import Any

from common.errors import internal_error, problem
from common.logging import request_id_var

REQUEST_ID_HEADER = "x-request-id"
_SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_DEPTH = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
access_log = logging.getLogger("tongcheng.access")
error_log = logging.getLogger("tongcheng.errors")


def json_depth(body: bytes) -> int:
    """Deepest nesting of arrays/objects in a JSON text (strings ignored)."""
    if body.count(b"[") + body.count(b"{") == 0:
        return 0
    brackets = _JSON_STRING.sub(b"", body).translate(None, bytes(b for b in range(256) if b not in _DEPTH))
    return max(accumulate(_DEPTH[b] for b in brackets), default=0)


def is_json_media_type(content_type: bytes) -> bool:
    """``application/json`` or ``application/<something>+json``, parameters (``; charset=utf-8``) ignored."""
    media = content_type.split(b";", 1)[0].strip().lower()
    return media == b"application/json" or (media.startswith(b"application/") and media.endswith(b"+json"))


class DuplicateKey(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise DuplicateKey(key)
        out[key] = value
    return out


def duplicate_key(body: bytes) -> str | None:
    """The first key that appears twice in one JSON object of ``body``, or ``None`` (also for text that is not
    JSON: the endpoint's own parsing answers that). Parsers disagree on which of two values wins — Python keeps the
    last, others the first — so a body with both is refused rather than guessed at."""
    if body.count(b'"') < 4:
        return None
    try:
        json.loads(body, object_pairs_hook=_refuse_duplicates)
    except DuplicateKey as dup:
        return dup.key
    except ValueError:
        return None
    return None


class RequestContextMiddleware:
    """Accept or create ``X-Request-ID``, log one access line per request, and refuse, before any endpoint runs:
    NUL in the path or query (400 ``invalid_characters``), bodies over ``max_body`` bytes (413 ``body_too_large``),
    a write body that is not JSON (415 ``unsupported_media_type``: every write endpoint of the suite takes
    ``application/json``), JSON nested deeper than ``max_depth`` (422 ``json_too_deep``) and a key twice in one
    object (422 ``duplicate_key``, naming the key as ``field``). ``json_only=False`` (the gateway, which passes
    bodies on as they are and leaves their judgement to the service) skips the media-type and duplicate-key
    checks; the depth limit stays."""

    def __init__(self, app: Any, *, max_body: int = 1_000_000, max_depth: int = 32, json_only: bool = True):
        self.app, self.max_body, self.max_depth, self.json_only = app, max_body, max_depth, json_only

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        rid = headers.get(REQUEST_ID_HEADER.encode(), b"").decode("latin-1")
        if not _SAFE_ID.match(rid):
            rid = uuid.uuid4().hex
        token = request_id_var.set(rid)
        started = time.perf_counter()
        status_holder = {"status": 0}

        async def send_with_id(message: dict) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", rid.encode())]
            await send(message)

        try:
            query = scope.get("query_string", b"")
            if "\x00" in scope.get("path", "") or b"%00" in query or b"\x00" in query:
                await self._answer(scope, send_with_id, 400, "invalid_characters",
                                   "NUL is not allowed in a path or query string")
                return
            declared = headers.get(b"content-length")
            if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
                await self._answer(scope, send_with_id, 413, "body_too_large",
                                   f"request body over {self.max_body} bytes")
                return
            if scope["method"] in ("POST", "PUT", "PATCH", "DELETE"):
                body = b""
                more = True
                while more:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        return
                    body += message.get("body", b"")
                    more = message.get("more_body", False)
                    if len(body) > self.max_body:
                        await self._answer(scope, send_with_id, 413, "body_too_large",
                                           f"request body over {self.max_body} bytes")
                        return
                if self.json_only and body.strip() and not is_json_media_type(headers.get(b"content-type", b"")):
                    await self._answer(scope, send_with_id, 415, "unsupported_media_type",
                                       "the body must be JSON, sent with Content-Type: application/json")
                    return
                if json_depth(body) > self.max_depth:
                    await self._answer(scope, send_with_id, 422, "json_too_deep",
                                       f"JSON nested deeper than {self.max_depth} levels")
                    return
                if self.json_only and (key := duplicate_key(body)) is not None:
                    await self._answer(scope, send_with_id, 422, "duplicate_key",
                                       "a key appears twice in one JSON object; send it once", field=key[:64])
                    return
                replayed = False

                async def receive_again() -> dict:
                    nonlocal replayed
                    if not replayed:
                        replayed = True
                        return {"type": "http.request", "body": body, "more_body": False}
                    return await receive()

                await self.app(scope, receive_again, send_with_id)
            else:
                await self.app(scope, receive, send_with_id)
        except Exception:
            # An exception no handler took. Starlette's outermost ServerErrorMiddleware would answer it after this
            # middleware has returned: without the request id in the body, the header or the log line. Answer here.
            if status_holder["status"]:
                raise  # the answer has started; nothing sane can be sent any more
            error_log.exception("unhandled error on %s %s", scope["method"], scope.get("path"))
            await internal_error()(scope, _no_receive, send_with_id)
        finally:
            if scope.get("path") != "/health":
                access_log.info("%s %s %s %.1fms", scope["method"], scope.get("path"), status_holder["status"],
                                (time.perf_counter() - started) * 1000)
            request_id_var.reset(token)

    @staticmethod
    async def _answer(scope: dict, send: Any, status: int, code: str, detail: str, **extra: Any) -> None:
        resp = problem(status, code, "Request refused", detail, **extra)
        await resp({**scope}, _no_receive, send)


async def _no_receive() -> dict:
    return {"type": "http.disconnect"}
