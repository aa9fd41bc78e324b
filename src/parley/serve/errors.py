"""The one JSON error shape of the HTTP API, and the handlers that map every failure to it.

Every error, whatever raised it, answers::

    {"error": {"status": 404, "code": "not_found", "message": "no event 12", "details": []}}

``code`` is a stable machine-readable word; ``message`` is one line for people; ``details``
lists per-parameter problems for validation errors (``{"loc": [...], "msg": ...}``). Dashboard
pages (HTML) answer the same information as a small HTML page.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from parley.errors import ParleyError

log = logging.getLogger(__name__)

# Machine-readable codes for HTTP statuses raised without one of their own.
CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
    422: "invalid_parameter",
    500: "internal_error",
    503: "unavailable",
}


class ErrorBody(BaseModel):
    """The body of every error."""

    status: int
    code: str
    message: str
    details: list[dict[str, Any]] = []


class ErrorResponse(BaseModel):
    """What every failed request returns."""

    error: ErrorBody


class ApiError(Exception):
    """An error a route raises on purpose, with its status, code and message."""

    def __init__(
        self, status: int, code: str, message: str, details: list[dict[str, Any]] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details or []


def not_found(what: str) -> ApiError:
    """Return the 404 error for a missing record (``what`` names it: "event 12")."""
    return ApiError(404, "not_found", f"no {what} in this store")


# Documented on every API route so the OpenAPI spec names the shape of its failures.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorResponse, "description": d}
    for s, d in (
        (404, "Not found"),
        (422, "Invalid parameter"),
        (503, "Query too costly or store unavailable"),
    )
}


def error_payload(
    status: int, code: str, message: str, details: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Return the error body as a dict."""
    return {"error": {"status": status, "code": code, "message": message, "details": details or []}}


def _wants_html(request: Request) -> bool:
    """Return whether the request is for a dashboard page rather than the API or a .json twin."""
    path = request.url.path
    return not (path.startswith(("/api", "/static", "/openapi")) or path.endswith(".json"))


def respond(
    request: Request,
    status: int,
    code: str,
    message: str,
    details: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """Return the error as JSON, or as a small HTML page for dashboard requests."""
    if _wants_html(request):
        from html import escape

        body = (
            f"<!doctype html><meta charset=utf-8><title>{status} {escape(code)}</title>"
            f"<link rel=stylesheet href=/static/app.css><main class=error><h1>{status}: {escape(code)}</h1>"
            f"<p>{escape(message)}</p><p><a href=/timeline>Back to the timeline</a></p></main>"
        )
        return HTMLResponse(body, status_code=status, headers=headers)
    return JSONResponse(error_payload(status, code, message, details), status_code=status, headers=headers)


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    """Return one {loc, msg} per invalid parameter (no echo of the raw input)."""
    return [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))} for e in exc.errors()]


def install(app: FastAPI) -> None:
    """Register the handlers that turn every exception into the one error shape."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return respond(request, exc.status, exc.code, exc.message, exc.details)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        details = _validation_details(exc)
        names = ", ".join(sorted({d["loc"][-1] for d in details if d["loc"]})) or "request"
        return respond(request, 422, "invalid_parameter", f"invalid value for {names}", details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        return respond(request, exc.status_code, code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(OperationalError)
    async def _db(request: Request, exc: OperationalError) -> Response:
        if "interrupted" in str(exc.orig):
            return respond(
                request,
                503,
                "query_too_costly",
                "the query ran past the server's time limit; narrow the filters or use a smaller page",
            )
        log.warning("database error on %s: %s", request.url.path, exc.orig)
        return respond(request, 503, "store_unavailable", "the store could not answer; try again")

    @app.exception_handler(ParleyError)
    async def _parley(request: Request, exc: ParleyError) -> Response:
        return respond(request, 400, type(exc).__name__.lower(), exc.one_line())

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return respond(
            request, 500, "internal_error", f"unexpected {exc.__class__.__name__}; see the server log"
        )
