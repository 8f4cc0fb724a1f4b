"""The client names network failures in fixed phrases the window can translate."""

from __future__ import annotations

import socket

from wuye_desktop.regulator import client as c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_closed_port_is_a_refused_connection() -> None:
    with c.RegulatorClient(f"http://127.0.0.1:{free_port()}", "X", "s", timeout_s=5) as client:
        health = client.health()
        answer = client.get("/dispatches?limit=1")
    assert (health.ok, health.message) == (False, c.T_REFUSED)
    assert (answer.kind, answer.describe()) == ("retry", c.T_REFUSED)


def test_the_systems_words_are_mapped_to_phrases_or_kept() -> None:
    cases = {
        "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed": c.T_UNTRUSTED,
        "[Errno -2] Name or service not known": c.T_NO_HOST,
        "[Errno 11001] getaddrinfo failed": c.T_NO_HOST,
        "[WinError 10061] the target machine actively refused it": c.T_REFUSED,
        "[Errno 101] Network is unreachable": c.T_NO_ROUTE,
        "something nobody expected": "cannot reach the platform: something nobody expected",
    }
    for text, phrase in cases.items():
        assert c._network_phrase(OSError(text), "cannot reach the platform") == phrase
