"""Outbox: a refused event a person dismissed, or a newer one superseded, and why.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import wuye_desktop.storage.types

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "resolved_at", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=True
            )
        )
        # Existing rows get empty text; the server defaults are for them only.
        batch_op.add_column(
            sa.Column("resolved_by", sa.String(length=64), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("resolution", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("resolution")
        batch_op.drop_column("resolved_by")
        batch_op.drop_column("resolved_at")
