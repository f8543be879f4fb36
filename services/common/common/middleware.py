"""ASGI middleware shared by services and the gateway: request id, access log, header, body size and JSON depth
limits, JSON-only write bodies, no duplicate keys."""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from itertools import accumulate
from typing import Any

from common.errors import BATCH_WITHOUT_KEY, internal_error, problem
from common.logging import request_caller_var, request_id_var

REQUEST_ID_HEADER = "x-request-id"
_SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
# a JSON string, as the unrolled loop "normal* (special normal*)*": the alternation "(?:[^"\\]|\\.)*" stepped one
# character at a time and took a 1,000-item batch body (180 KB) some 12 ms, a fifth of its handling (issue 15)
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_DEPTH = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
_NOT_BRACKETS = bytes(b for b in range(256) if b not in _DEPTH)  # built once: per request it cost a submit 5 %
access_log = logging.getLogger("tongcheng.access")
error_log = logging.getLogger("tongcheng.errors")


def json_depth(body: bytes) -> int:
    """Deepest nesting of arrays/objects in a JSON text (strings ignored)."""
    if body.count(b"[") + body.count(b"{") == 0:
        return 0
    brackets = _JSON_STRING.sub(b"", body).translate(None, _NOT_BRACKETS)
    return max(accumulate(_DEPTH[b] for b in brackets), default=0)


def is_json_media_type(content_type: bytes) -> bool:
    """``application/json`` or ``application/<something>+json``; a ``charset`` parameter, when given, must be
    UTF-8 (JSON is UTF-8, RFC 8259 §8.1: a body declared in another charset would be read wrongly)."""
    media, _, params = content_type.partition(b";")
    media = media.strip().lower()
    if not (media == b"application/json" or (media.startswith(b"application/") and media.endswith(b"+json"))):
        return False
    for param in params.split(b";"):
        name, _, value = param.partition(b"=")
        if name.strip().lower() == b"charset" and value.strip().strip(b'"').lower() not in (b"utf-8", b"utf8"):
            return False
    return True


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


class _Pairs(list):
    """A JSON object kept as its ``(key, value)`` pairs, duplicates and all."""


def _duplicate_path(node: Any, path: tuple[str, ...] = ()) -> str | None:
    if isinstance(node, _Pairs):
        seen: set[str] = set()
        for key, value in node:
            if key in seen:
                return ".".join((*path, key))
            seen.add(key)
            if (found := _duplicate_path(value, (*path, key))) is not None:
                return found
    elif isinstance(node, list):
        for i, item in enumerate(node):
            if (found := _duplicate_path(item, (*path, str(i)))) is not None:
                return found
    return None


def _is_utf8(body: bytes) -> bool:
    """UTF-8 and no NUL byte: JSON never holds a raw NUL, and UTF-16 of ASCII text is valid UTF-8 but for them."""
    if b"\x00" in body:
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def duplicate_key(body: bytes) -> str | None:
    """The path (``items.0.application_no``, as ``field`` elsewhere) of the first key that appears twice in one JSON
    object of ``body``, or ``None`` (also for text that is not JSON: the endpoint's own parsing answers that).
    Parsers disagree on which of two values wins — Python keeps the last, others the first — so a body with both is
    refused rather than guessed at. A plain parse finds out whether there is one; only then a second parse keeps
    every pair to name its place."""
    if body.count(b'"') < 4:
        return None
    try:
        json.loads(body, object_pairs_hook=_refuse_duplicates)
    except DuplicateKey:
        return _duplicate_path(json.loads(body, object_pairs_hook=_Pairs))
    except ValueError:
        return None
    return None


UPLOAD_PREFIX = "/imports/"  # in a path: the only writes taking multipart/form-data (a CSV or XLSX file)
BATCH_SUFFIX = "/batch"  # a POST to a path ending so is a batch: it needs an Idempotency-Key, whatever its body
KEY_HEADER = b"idempotency-key"


class RequestContextMiddleware:
    """Accept or create ``X-Request-ID``, log one access line per request, and refuse, before any endpoint runs:
    request headers over ``max_header_bytes`` in all (names and values, 16 KiB by default) or more than
    ``max_headers`` of them (431 ``headers_too_large``: uvicorn's default parser, httptools, takes a 2 MB header or
    5,000 headers and hands them on, so the limit has to be here), NUL in the path or query (400
    ``invalid_characters``), bodies over ``max_body`` bytes (413 ``body_too_large``), a write body that is not JSON
    (415 ``unsupported_media_type``: every write endpoint of the suite takes ``application/json`` in UTF-8, in
    exactly one ``Content-Type`` header), JSON nested deeper than ``max_depth`` (422 ``json_too_deep``) and a key
    twice in one object (422 ``duplicate_key``, naming the key as ``field``); uploads (a path with ``UPLOAD_PREFIX``) may be
    ``multipart/form-data`` instead (the size limit stays). ``json_only=False`` (the gateway,
    which passes bodies on as they are and leaves their judgement to the service) skips the media-type and
    duplicate-key and batch-key checks; the depth limit stays.

    A batch (a ``POST`` to a path ending in ``BATCH_SUFFIX``) without an ``Idempotency-Key`` header is not judged
    by its body at all (issue 17: whatever the body, a retry must be recognisable): the body is dropped unread and
    the request marked (``BATCH_WITHOUT_KEY`` in the scope), so the caller's identity and role are checked as
    always (401, 403) and then :func:`common.identity.require` answers 400 ``idempotency_key_required``."""

    def __init__(self, app: Any, *, max_body: int = 1_000_000, max_depth: int = 32, json_only: bool = True,
                 max_header_bytes: int = 16 * 1024, max_headers: int = 100):
        self.app, self.max_body, self.max_depth, self.json_only = app, max_body, max_depth, json_only
        self.max_header_bytes, self.max_headers = max_header_bytes, max_headers

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        content_types = [v for k, v in scope.get("headers") or [] if k == b"content-type"]
        rid = headers.get(REQUEST_ID_HEADER.encode(), b"").decode("latin-1")
        if not _SAFE_ID.match(rid):
            rid = uuid.uuid4().hex
        token = request_id_var.set(rid)
        caller: dict[str, str] = {}
        caller_token = request_caller_var.set(caller)
        started = time.perf_counter()
        status_holder = {"status": 0}

        async def send_with_id(message: dict) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", rid.encode())]
            await send(message)

        try:
            raw_headers = scope.get("headers") or []
            if (len(raw_headers) > self.max_headers
                    or sum(len(name) + len(value) for name, value in raw_headers) > self.max_header_bytes):
                await self._answer(scope, send_with_id, 431, "headers_too_large",
                                   f"request headers over {self.max_header_bytes} bytes in all or more than "
                                   f"{self.max_headers} of them")
                return
            query = scope.get("query_string", b"")
            if "\x00" in scope.get("path", "") or b"%00" in query or b"\x00" in query:
                await self._answer(scope, send_with_id, 400, "invalid_characters",
                                   "NUL is not allowed in a path or query string")
                return
            if (self.json_only and scope["method"] == "POST" and scope.get("path", "").endswith(BATCH_SUFFIX)
                    and not headers.get(KEY_HEADER, b"").strip()):
                scope[BATCH_WITHOUT_KEY] = True  # whatever the body: not read, not judged
                await self.app(scope, _empty_body, send_with_id)
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
                if (UPLOAD_PREFIX in scope.get("path", "") and len(content_types) == 1
                        and content_types[0].split(b";")[0].strip().lower() == b"multipart/form-data"):
                    pass  # an upload (common.sheets): the endpoint reads the file, no JSON checks apply
                elif self.json_only and body.strip() and not (len(content_types) == 1
                                                              and is_json_media_type(content_types[0])):
                    await self._answer(scope, send_with_id, 415, "unsupported_media_type",
                                       "the body must be JSON, sent with Content-Type: application/json")
                    return
                elif self.json_only and not _is_utf8(body):  # json.loads(bytes) would guess UTF-16 or UTF-32
                    await self._answer(scope, send_with_id, 400, "bad_request",
                                       "the body must be JSON in UTF-8 (RFC 8259 §8.1)")
                    return
                elif (body.count(b"[") + body.count(b"{") > self.max_depth  # never deeper than its brackets
                      and json_depth(body) > self.max_depth):
                    await self._answer(scope, send_with_id, 422, "json_too_deep",
                                       f"JSON nested deeper than {self.max_depth} levels")
                    return
                elif self.json_only and (key := duplicate_key(body)) is not None:
                    await self._answer(scope, send_with_id, 422, "duplicate_key",
                                       "a key appears twice in one JSON object; send it once", field=key[:200])
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
            if scope.get("path") not in QUIET_PATHS:
                access_log.info("%s %s %s %.1fms", scope["method"], scope.get("path"), status_holder["status"],
                                (time.perf_counter() - started) * 1000, extra={"caller": caller.get("caller")})
            request_caller_var.reset(caller_token)
            request_id_var.reset(token)

    @staticmethod
    async def _answer(scope: dict, send: Any, status: int, code: str, detail: str, **extra: Any) -> None:
        resp = problem(status, code, "Request refused", detail, **extra)
        await resp({**scope}, _no_receive, send)


QUIET_PATHS = frozenset({"/health", "/health/live", "/health/ready", "/metrics"})  # probes and scrapes: no access log


async def _empty_body() -> dict:
    return {"type": "http.request", "body": b"", "more_body": False}


async def _no_receive() -> dict:
    return {"type": "http.disconnect"}
