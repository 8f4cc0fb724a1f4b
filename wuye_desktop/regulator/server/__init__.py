"""The reference regulator server (regulator-protocol.md): FastAPI on uvicorn, its own SQLite store.

``wuye regulator-sim`` runs it; tests start it in a thread with :func:`runner.start_server`.
It is a training and test server, refused on non-loopback addresses unless asked for.
"""
