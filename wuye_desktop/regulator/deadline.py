"""One deadline for a whole request: connecting, sending, the headers and the body.

httpx's timeouts bound each socket operation, so a platform that trickles its answer one byte
every few seconds never trips them and holds the sync for ever. Here every socket operation of
a request gets at most the time left until the request's deadline, and fails with a timeout
once it has passed. The deadline is set per thread by :func:`request_deadline` around one
request; outside it the network works as httpx configures it.
"""

from __future__ import annotations

import ssl
import threading
import time
import typing
from collections.abc import Iterator
from contextlib import contextmanager

import httpcore
import httpx

_local = threading.local()


@contextmanager
def request_deadline(seconds: float) -> Iterator[None]:
    """Everything this thread sends or receives inside ends within *seconds*."""
    previous = getattr(_local, "deadline", None)
    _local.deadline = time.monotonic() + seconds
    try:
        yield
    finally:
        _local.deadline = previous


def _bounded(timeout: float | None, what: str) -> float | None:
    """*timeout* shortened to what is left of this thread's deadline; raises once it passed."""
    deadline: float | None = getattr(_local, "deadline", None)
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        if what == "connect":
            raise httpcore.ConnectTimeout("the request's deadline passed")
        if what == "write":
            raise httpcore.WriteTimeout("the request's deadline passed")
        raise httpcore.ReadTimeout("the request's deadline passed")
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout, "read"))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        # A write may be split into many sends; each gets what is left.
        self._inner.write(buffer, _bounded(timeout, "write"))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname, _bounded(timeout, "connect"))
        return _Stream(inner)

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(
            host, port, _bounded(timeout, "connect"), local_address, socket_options
        )
        return _Stream(stream)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_unix_socket(path, _bounded(timeout, "connect"), socket_options)
        return _Stream(stream)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def transport(verify: ssl.SSLContext | bool) -> httpx.HTTPTransport:
    """httpx's own transport, its sockets bounded by the thread's request deadline."""
    made = httpx.HTTPTransport(verify=verify)
    # httpcore takes the backend only in its pool's constructor, which httpx makes for us; the
    # pool reads this attribute whenever it opens a connection. tests/integration/
    # test_regulator_slow_platform.py fails if a new httpcore stops doing so.
    pool = made._pool
    pool._network_backend = _Backend(pool._network_backend)
    return made
