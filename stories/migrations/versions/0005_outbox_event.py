"""outbox events

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29

Announced audit events (see `stories.events`) get an outbox row in the same
transaction, for consumers such as patient messages and takedown tasks.
Events recorded before this migration are history, not news: none is added.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("audit_event_id", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=True),
        sa.Column("event", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("claimed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("done_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("outbox_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_event_audit_event_id"), ["audit_event_id"])
        batch_op.create_index(batch_op.f("ix_outbox_event_story_id"), ["story_id"])
        batch_op.create_index(batch_op.f("ix_outbox_event_event"), ["event"])
        batch_op.create_index(batch_op.f("ix_outbox_event_done_at"), ["done_at"])


def downgrade() -> None:
    op.drop_table("outbox_event")
