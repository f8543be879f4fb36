"""JSON between the services and into JSON columns, with orjson (issue 15): the pages of facts and scores the
services exchange and the breakdowns points stores are the largest JSON of the season, and the standard library's
codec was a sizeable share of their CPU (decoding a 1,000-case facts page: 13 ms against 7 ms; encoding a
breakdown: 35 µs against 6 µs).

A value orjson refuses (an integer beyond 64 bits when encoding, a lone surrogate, a key that is not a string;
``NaN`` when decoding) goes to ``json`` instead, so nothing that parsed or encoded before fails now. Two differences
remain: orjson writes a float ``NaN`` or infinity as ``null`` (``json`` writes ``NaN``, and ``JSONResponse`` refuses
it), and it *decodes* an integer beyond 64 bits (``18446744073709551617``) as a float without refusing it. So these
are for documents whose numbers are bounded integers (or strings, as points and money are here): the services'
own answers and stored columns their schemas checked, never a caller's request body.
"""

from __future__ import annotations

import gc
import json
from typing import Any

import orjson

LARGE = 1 << 16
"""A document from this many bytes is decoded with the cyclic garbage collector paused."""


def loads(data: bytes | str) -> Any:
    """``json.loads(data)``, by orjson when it can. A large document (a page of 1,000 cases: some 60,000 dicts and
    lists, no reference cycles) is decoded with the cyclic garbage collector paused: its collections, triggered by
    every 700 new containers, walked the half-built page again and again (a third of the decoding time)."""
    paused = len(data) >= LARGE and gc.isenabled()
    if paused:
        gc.disable()
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data)
    finally:
        if paused:
            gc.enable()


def dumps(value: Any) -> bytes:
    """``value`` as the bytes starlette's ``JSONResponse`` renders (compact, UTF-8; the same bytes for strings,
    integers, booleans and ``None``), by orjson."""
    try:
        return orjson.dumps(value)
    except orjson.JSONEncodeError:
        return json.dumps(value, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")).encode()


def dumps_text(value: Any) -> str:
    """``value`` as compact JSON text (no spaces, non-ASCII characters as themselves): what a JSON column stores
    when the text is made once by the caller instead of by SQLAlchemy's ``json.dumps`` on each bind. ``json.loads``
    of it gives ``value`` back, as it does of ``json.dumps(value)``."""
    try:
        return orjson.dumps(value).decode()
    except orjson.JSONEncodeError:  # an integer beyond 64 bits...
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
