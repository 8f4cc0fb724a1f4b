"""The protocol's error answer (§3) as an exception that any layer of the server may raise."""

from __future__ import annotations

from typing import Any

from wuye_desktop.regulator import protocol


class ApiError(Exception):
    """An answer ``{"error": {"code", "message", "field", ...extra}}`` with *status*."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        field: str | None = None,
        *,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.extra = extra or {}
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return error_body(self.code, self.message, self.field, **self.extra)


def error_body(code: str, message: str, field: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "field": field, **extra}}


def validation(message: str, field: str | None) -> ApiError:
    return ApiError(400, protocol.E_VALIDATION, message, field)


def not_found(what: str, ident: str) -> ApiError:
    return ApiError(404, protocol.E_NOT_FOUND, f"No such {what}: {ident}")
