"""The regulator protocol: client, outbox/inbox and the reference server."""
