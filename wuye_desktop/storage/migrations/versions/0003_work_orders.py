"""Work orders: numbers, timeline, pauses, commitments, callbacks, photos, the outbox.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import wuye_desktop.storage.types

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "day_counter",
        sa.Column("key", sa.String(length=16), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_day_counter")),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("idempotency_key", sa.String(length=36), nullable=False),
        sa.Column("stream", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("method", sa.String(length=8), nullable=False),
        sa.Column("path", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column(
            "next_attempt_at", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("sent_at", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_outbox_idempotency_key")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_outbox_stream"), ["stream"], unique=False)

    op.create_table(
        "work_order",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("tier", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("caller_name", sa.String(length=100), nullable=False),
        sa.Column("caller_phone", sa.String(length=40), nullable=False),
        sa.Column("handler", sa.String(length=100), nullable=False),
        sa.Column(
            "reported_at", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "response_due", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "completion_due", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "responded_at", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "completed_at", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "closed_at", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "paused_since", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "callback_due", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("regulator_ticket_id", sa.String(length=64), nullable=True),
        sa.Column("last_event_seq", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column(
            "updated_at", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"], ["community.id"], name=op.f("fk_work_order_community_id_community")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_work_order_household_id_household")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_order")),
        sa.UniqueConstraint("number", name=op.f("uq_work_order_number")),
        sa.UniqueConstraint("regulator_ticket_id", name=op.f("uq_work_order_regulator_ticket_id")),
    )
    with op.batch_alter_table("work_order", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_work_order_callback_due"), ["callback_due"], unique=False
        )
        batch_op.create_index(
            "ix_work_order_category", ["category", "reported_at", "id"], unique=False
        )
        batch_op.create_index(
            "ix_work_order_channel", ["channel", "reported_at", "id"], unique=False
        )
        batch_op.create_index(
            "ix_work_order_community_status",
            ["community_id", "status", "reported_at"],
            unique=False,
        )
        batch_op.create_index("ix_work_order_due", ["completion_due", "id"], unique=False)
        batch_op.create_index(
            "ix_work_order_handler", ["handler", "reported_at", "id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_work_order_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index("ix_work_order_reported", ["reported_at", "id"], unique=False)
        batch_op.create_index("ix_work_order_source", ["source", "reported_at", "id"], unique=False)
        batch_op.create_index("ix_work_order_status", ["status", "reported_at", "id"], unique=False)
        batch_op.create_index("ix_work_order_tier", ["tier", "reported_at", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_work_order_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "callback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("at", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("method", sa.String(length=8), nullable=False),
        sa.Column("person_reached", sa.String(length=100), nullable=False),
        sa.Column("satisfaction", sa.String(length=24), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"], ["work_order.id"], name=op.f("fk_callback_order_id_work_order")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_callback")),
    )
    with op.batch_alter_table("callback", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_callback_order_id"), ["order_id"], unique=False)

    op.create_table(
        "commitment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("plan", sa.Text(), nullable=False),
        sa.Column("promised_date", sa.String(length=10), nullable=False),
        sa.Column("responsible_unit", sa.String(length=200), nullable=False),
        sa.Column("responsible_person", sa.String(length=100), nullable=False),
        sa.Column(
            "issued_at", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("issued_by", sa.String(length=64), nullable=False),
        sa.Column("printed_count", sa.Integer(), nullable=False),
        sa.Column(
            "fulfilled_at", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["work_order.id"], name=op.f("fk_commitment_order_id_work_order")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitment")),
        sa.UniqueConstraint("number", name=op.f("uq_commitment_number")),
        sa.UniqueConstraint("order_id", name=op.f("uq_commitment_order_id")),
    )
    op.create_table(
        "order_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("at", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("handler", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"], ["work_order.id"], name=op.f("fk_order_event_order_id_work_order")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_order_event_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_event")),
    )
    with op.batch_alter_table("order_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_order_event_order_id"), ["order_id"], unique=False)

    op.create_table(
        "order_pause",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("start", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("end", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"], ["work_order.id"], name=op.f("fk_order_pause_order_id_work_order")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_pause")),
    )
    with op.batch_alter_table("order_pause", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_order_pause_order_id"), ["order_id"], unique=False)

    op.create_table(
        "order_photo",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("mime", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column(
            "added_at", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"], ["work_order.id"], name=op.f("fk_order_photo_order_id_work_order")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_photo")),
    )
    with op.batch_alter_table("order_photo", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_order_photo_order_id"), ["order_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("order_photo", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_order_photo_order_id"))

    op.drop_table("order_photo")
    with op.batch_alter_table("order_pause", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_order_pause_order_id"))

    op.drop_table("order_pause")
    with op.batch_alter_table("order_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_order_event_order_id"))

    op.drop_table("order_event")
    op.drop_table("commitment")
    with op.batch_alter_table("callback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_callback_order_id"))

    op.drop_table("callback")
    with op.batch_alter_table("work_order", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_work_order_updated_at"))
        batch_op.drop_index("ix_work_order_tier")
        batch_op.drop_index("ix_work_order_status")
        batch_op.drop_index("ix_work_order_source")
        batch_op.drop_index("ix_work_order_reported")
        batch_op.drop_index(batch_op.f("ix_work_order_household_id"))
        batch_op.drop_index("ix_work_order_handler")
        batch_op.drop_index("ix_work_order_due")
        batch_op.drop_index("ix_work_order_community_status")
        batch_op.drop_index("ix_work_order_channel")
        batch_op.drop_index("ix_work_order_category")
        batch_op.drop_index(batch_op.f("ix_work_order_callback_due"))

    op.drop_table("work_order")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_stream"))
        batch_op.drop_index(batch_op.f("ix_outbox_state"))

    op.drop_table("outbox")
    op.drop_table("day_counter")
