"""Argon2id runs at a lower CPU priority than the window: its four lanes (native threads of
the argon2 library, which inherit the niceness of the thread that starts them) once took the
GUI thread's CPU on two cores. The caller's own priority stays what it was."""

from __future__ import annotations

import os
import threading

import pytest

from wuye_desktop.core import users


def _niceness() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


class RecordingHasher:
    def __init__(self) -> None:
        self.seen: list[tuple[int, int]] = []  # (native thread id, niceness) of each call

    def _record(self) -> None:
        self.seen.append((threading.get_native_id(), _niceness()))

    def hash(self, password: str) -> str:
        self._record()
        return "hashed:" + password

    def verify(self, password_hash: str, password: str) -> bool:
        self._record()
        if password == "boom":
            raise RuntimeError("the library failed")
        return password_hash == "hashed:" + password


@pytest.fixture
def hasher(monkeypatch: pytest.MonkeyPatch) -> RecordingHasher:
    fake = RecordingHasher()
    monkeypatch.setattr(users, "_hasher", fake)
    return fake


def test_hashing_and_checking_run_at_a_lower_priority_on_a_thread_of_their_own(
    hasher: RecordingHasher,
) -> None:
    before = _niceness()
    assert users.hash_password("desk1234") == "hashed:desk1234"
    assert users._verify("hashed:desk1234", "desk1234") is True
    assert users._verify("hashed:desk1234", "wrong") is False
    here = threading.get_native_id()
    assert len(hasher.seen) == 3
    for thread_id, niceness in hasher.seen:
        assert thread_id != here
        assert niceness == min(19, before + users.LOW_PRIORITY) or niceness >= users.LOW_PRIORITY
    assert _niceness() == before  # the caller (the database thread) keeps its priority


def test_a_failure_in_the_hash_reaches_the_caller(hasher: RecordingHasher) -> None:
    with pytest.raises(RuntimeError, match="the library failed"):
        users._verify("hashed:x", "boom")


def test_the_real_hash_still_verifies() -> None:
    digest = users.hash_password("correct horse")
    assert users._verify(digest, "correct horse")
    assert not users._verify(digest, "wrong horse")
