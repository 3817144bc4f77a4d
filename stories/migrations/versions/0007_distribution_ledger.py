"""distribution ledger, takedown tasks, clinic-configured consent channels

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29

Every place a story went (`distribution`: website files the export wrote and
uses staff recorded, each tied to a revision hash), the copies that must come
down after a withdrawal, expiry or erasure (`takedown_task`), the
clinic-configured channels a consent covers (`consent_channel`), and how far
the takedown consumer has read the outbox (`takedown_cursor`).  Existing
databases start with an empty ledger: the next export records its files.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_TS = sqlmodel.sql.sqltypes.UTCDateTime
_STR = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "distribution",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("channel", _STR(length=32), nullable=False),
        sa.Column("where_used", _STR(length=200), nullable=False),
        sa.Column("revision_hash", _STR(length=64), nullable=False),
        sa.Column("used_on", sa.Date(), nullable=False),
        sa.Column("note", _STR(length=200), nullable=False),
        sa.Column("automatic", sa.Boolean(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=True),
        sa.Column("recorded_at", _TS(), nullable=False),
        sa.Column("ended_at", _TS(), nullable=True),
        sa.Column("end_reason", _STR(length=16), nullable=False),
        sa.ForeignKeyConstraint(["recorded_by"], ["staff_user.id"]),
        sa.ForeignKeyConstraint(["story_id"], ["story.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("distribution", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_distribution_story_id"), ["story_id"])
        batch_op.create_index(batch_op.f("ix_distribution_ended_at"), ["ended_at"])
    op.create_table(
        "takedown_task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("distribution_id", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("outbox_id", sa.Integer(), nullable=False),
        sa.Column("reason", _STR(length=40), nullable=False),
        sa.Column("created_at", _TS(), nullable=False),
        sa.Column("done_at", _TS(), nullable=True),
        sa.Column("taken_down_on", sa.Date(), nullable=True),
        sa.Column("done_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["distribution_id"], ["distribution.id"]),
        sa.ForeignKeyConstraint(["done_by"], ["staff_user.id"]),
        sa.ForeignKeyConstraint(["story_id"], ["story.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("distribution_id", "outbox_id"),
    )
    with op.batch_alter_table("takedown_task", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_takedown_task_distribution_id"), ["distribution_id"])
        batch_op.create_index(batch_op.f("ix_takedown_task_story_id"), ["story_id"])
        batch_op.create_index(batch_op.f("ix_takedown_task_created_at"), ["created_at"])
        batch_op.create_index(batch_op.f("ix_takedown_task_done_at"), ["done_at"])
    op.create_table(
        "consent_channel",
        sa.Column("consent_id", sa.Integer(), nullable=False),
        sa.Column("channel", _STR(length=32), nullable=False),
        sa.ForeignKeyConstraint(["consent_id"], ["consent.id"]),
        sa.PrimaryKeyConstraint("consent_id", "channel"),
    )
    op.create_table(
        "takedown_cursor",
        sa.Column("name", _STR(length=32), nullable=False),
        sa.Column("last_outbox_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("takedown_cursor")
    op.drop_table("consent_channel")
    op.drop_table("takedown_task")
    op.drop_table("distribution")
