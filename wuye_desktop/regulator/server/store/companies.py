"""Registered companies and authentication: sealed secrets and the nonces already seen."""

from __future__ import annotations

from typing import Any

from wuye_desktop.core.validation import credit_code_problem
from wuye_desktop.regulator import protocol
from wuye_desktop.regulator.server import sealing
from wuye_desktop.regulator.server.store._shared import StoreError, rfc3339_at
from wuye_desktop.regulator.server.store.base import StoreBase


class Companies(StoreBase):
    """Registering companies, their secrets and the nonces they used."""

    def register_company(self, code: str, name: str = "", secret: str | None = None) -> str:
        """Register a company; returns its secret (a new one unless given)."""
        problem = credit_code_problem(code)
        if problem:
            raise StoreError(f"{code}: {problem}")
        if secret is None:
            secret = protocol.new_secret()
        if len(secret.encode("utf-8")) < protocol.MIN_SECRET_BYTES or secret != secret.strip():
            raise StoreError(
                f"a secret has at least {protocol.MIN_SECRET_BYTES} bytes and no surrounding spaces"
            )
        with self._transaction() as db:
            if db.execute("SELECT 1 FROM companies WHERE code = ?", (code,)).fetchone():
                raise StoreError(f"{code}: already registered")
            db.execute(
                "INSERT INTO companies VALUES (?, ?, ?, ?)",
                (code, name, sealing.seal(self._key, secret, code), rfc3339_at(self.now())),
            )
        return secret

    def companies(self) -> list[dict[str, Any]]:
        rows = self._rows("SELECT code, name, created_at FROM companies ORDER BY code")
        return [dict(r) for r in rows]

    def secret_of(self, code: str) -> str | None:
        """The company's secret, None for an unknown company (secrets never change: cached)."""
        secret = self._secrets.get(code)
        if secret is None:
            with self._lock:
                row = self._db.execute(
                    "SELECT sealed_secret FROM companies WHERE code = ?", (code,)
                ).fetchone()
            if row is None:
                return None
            secret = sealing.unseal(self._key, row[0], code)
            self._secrets[code] = secret
        return secret

    def remember_nonce(self, company: str, nonce: str) -> bool:
        """Record a nonce; False if the company used it in the last 600 s (§2 replayed)."""
        now = self.now()
        with self._lock:
            # Inserted, or an old sighting refreshed; no row changed means seen recently.
            cursor = self._db.execute(
                "INSERT INTO nonces VALUES (?, ?, ?) ON CONFLICT (company, nonce)"
                " DO UPDATE SET seen = excluded.seen WHERE seen < ?",
                (company, nonce, now, now - protocol.NONCE_MEMORY_S),
            )
            self._count_write()
            return cursor.rowcount == 1

    def _require_company(self, code: str) -> None:
        if self.secret_of(code) is None:
            raise StoreError(f"{code}: no such company")
