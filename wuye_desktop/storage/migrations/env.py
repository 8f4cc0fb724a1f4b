"""Alembic environment: always run from ``storage.migrate`` with a live connection."""

from __future__ import annotations

from alembic import context

from wuye_desktop.storage.models import Base

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
