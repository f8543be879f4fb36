"""Hot routes answered directly (issue 15): FastAPI's request handling (dependency solving, parameter validation,
its exit stacks) costs the platform's most frequent requests more than their own work.

A direct route is declared as usual, so OpenAPI documents it from the endpoint's signature and FastAPI still
answers everything unusual. Its handler first calls ``answer(request)``: a coroutine that handles the well-formed
request itself and returns the response, or returns ``None`` to hand the request to FastAPI's own handler (a query
string, an odd header, a body that does not parse or validate: FastAPI's 422s stay exactly as they were). It must
refuse the way the declared endpoint refuses in the same order (the identity check with the same ``require``
raising 401/403; a body that is not JSON is FastAPI's 422 ``json_invalid`` before the identity is looked at). Used
by points' score read and enrollment's submit.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from fastapi import Request, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError

from common.middleware import is_json_media_type

Answer = Callable[[Request], Awaitable[Response | None]]
Model = TypeVar("Model", bound=BaseModel)


def direct_route(answer: Answer) -> type[APIRoute]:
    """A route class (``add_api_route(..., route_class_override=direct_route(answer))``) whose handler tries
    ``answer(request)`` first and hands the request to FastAPI's handler when that returns ``None``."""

    class DirectRoute(APIRoute):
        def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
            declared = super().get_route_handler()

            async def handle(request: Request) -> Response:
                response = await answer(request)
                return response if response is not None else await declared(request)

            return handle

    return DirectRoute


def json_payload(raw: bytes, headers: Any) -> Any:
    """The JSON body as FastAPI reads it (``json.loads``) when it is one, in a JSON media type; else ``None``
    (``None`` is no JSON body FastAPI would take either: the model refuses it)."""
    if not raw or not is_json_media_type(headers.get("content-type", "").encode("latin-1")):
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


def validated(model: type[Model], data: Any) -> Model | None:
    """``data`` validated as the body ``model`` (as FastAPI validates a JSON body), or ``None`` when it fails."""
    if not isinstance(data, dict):
        return None
    try:
        return model.model_validate(data)
    except ValidationError:
        return None


_VISIBLE = re.compile(r"[\x21-\x7e]{1,200}")  # common.idempotency.IdempotencyKey's pattern and lengths


def idempotency_key(request: Request) -> tuple[bool, str | None]:
    """``(True, key)`` for no ``Idempotency-Key`` header (``key`` None) or one that ``IdempotencyKey`` takes;
    ``(False, None)`` otherwise (FastAPI's handler answers its 422)."""
    values = [v for k, v in request.scope["headers"] if k == b"idempotency-key"]
    if not values:
        return True, None
    if len(values) == 1 and _VISIBLE.fullmatch(value := values[0].decode("latin-1")):
        return True, value
    return False, None
