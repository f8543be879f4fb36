"""Structured JSON logs with the request id on every line, and personal data masked.

ID numbers (18 characters) become ``3310**********1234``; mobile phones ``138****5678``.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Callable
from contextvars import ContextVar
from datetime import datetime, timezone

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)
request_caller_var: ContextVar[dict | None] = ContextVar("request_caller", default=None)
"""Per request, a dict the middleware creates and the access log line reads: whoever authenticates the caller
writes ``caller`` into it (:func:`note_caller`). A shared dict, not a value, so a sync dependency running in a worker
thread (with a copy of the context) still reaches it."""


trace_id_of: Callable[[], str | None] | None = None
"""Set by :mod:`common.tracing` when tracing is on: the current trace id, written on every log line."""


def note_caller(role: str, subject: str) -> None:
    """Record the authenticated caller (``role:subject``, never a credential) for this request's access log line."""
    holder = request_caller_var.get()
    if holder is not None:
        holder["caller"] = f"{role}:{subject}"

_ID_RE = re.compile(r"(?<![0-9A-Za-z])(\d{4})\d{10}(\d{3}[\dXx])(?![0-9A-Za-z])")
_PHONE_RE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")


def mask_id(value: str | None) -> str | None:
    """``331003199001011234`` → ``3310**********1234`` (first 4, last 4 kept)."""
    if not value:
        return value
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def mask_phone(value: str | None) -> str | None:
    """``13812345678`` → ``138****5678``."""
    if not value or len(value) < 7:
        return value
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_text(text: str) -> str:
    """Mask every whole ID number and mobile phone found in free text."""
    text = _ID_RE.sub(lambda m: m.group(1) + "*" * 10 + m.group(2), text)
    return _PHONE_RE.sub(lambda m: m.group(1) + "****" + m.group(2), text)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts (UTC), level, logger, service, request_id, msg (masked), caller (on access lines
    of authenticated requests: ``role:subject``), trace_id (when tracing is on, inside a span), exc."""

    def __init__(self, service: str):
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "service": self.service,
            "request_id": getattr(record, "request_id", None) or request_id_var.get(),
            "msg": mask_text(record.getMessage()),
        }
        if (caller := getattr(record, "caller", None)) is not None:
            entry["caller"] = caller
        if trace_id_of is not None and (trace_id := trace_id_of()) is not None:
            entry["trace_id"] = trace_id
        if record.exc_info:
            entry["exc"] = mask_text(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(service: str, level: str = "INFO") -> None:
    """Send the root logger and uvicorn's loggers to stderr as JSON lines."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(service))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        lg = logging.getLogger(name)
        lg.handlers[:] = []
        lg.propagate = True
    logging.getLogger("uvicorn.access").setLevel("WARNING")
    logging.getLogger("httpx").setLevel("WARNING")
