"""Errors that a person reads.

Every message is an English template marked for translation (context "core") plus its
parameters, so the UI can translate it and the CLI can print it as is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any


class WuyeError(Exception):
    """Base of every error meant for a person rather than a traceback."""

    def __init__(self, template: str, **params: Any) -> None:
        super().__init__(template)
        self.template = template
        self.params: dict[str, Any] = params

    def __str__(self) -> str:
        return self.template.format(**self.params)


@dataclass(frozen=True)
class FieldError:
    """One bad field: its name in the form or file, and why it is refused."""

    field: str
    template: str
    params: Mapping[str, Any] = dc_field(default_factory=dict)
    row: int | None = None  # the 1-based row of a file, when the input came from one

    def message(self) -> str:
        return self.template.format(**self.params)

    def __str__(self) -> str:
        where = f"row {self.row}, " if self.row is not None else ""
        return f"{where}{self.field}: {self.message()}"


class ValidationError(WuyeError):
    """Input refused field by field; nothing was written."""

    def __init__(self, errors: Iterable[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__("{count} field(s) refused", count=len(self.errors))

    def __str__(self) -> str:
        return "; ".join(str(e) for e in self.errors)

    def for_field(self, name: str) -> list[FieldError]:
        return [e for e in self.errors if e.field == name]


class NotFound(WuyeError):
    """The thing asked for does not exist."""


class PermissionDenied(WuyeError):
    """The user's role does not allow this action."""


class AuthenticationFailed(WuyeError):
    """Wrong user name or password, or the account is locked or disabled."""


class ConcurrentEdit(WuyeError):
    """Somebody else saved the same record first; the caller must reload."""


class StateError(WuyeError):
    """The action is not allowed in the record's current state."""


class StorageUnavailable(WuyeError):
    """The environment failed (disk full, server gone, database locked): retry later."""


class DatabaseFileLost(WuyeError):
    """Another program deleted or replaced the database's files while this one was writing:
    nothing more may be written, or it would go into a file nobody will ever read."""


class NotADatabase(WuyeError):
    """The file given as the database is not one (a text file, a damaged file): retrying
    will not help, a person must name the right file."""
