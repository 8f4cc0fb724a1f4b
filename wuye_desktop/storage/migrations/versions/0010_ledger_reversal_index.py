"""Ledger entries: an index on the entry a reversal names, so the register finds, for a page of
entries, which were reversed and by which entry without scanning the community's ledger.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_ledger_entry_reversal", "ledger_entry", ["community_id", "reverses_seq"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_ledger_entry_reversal", table_name="ledger_entry")
