"""email notices and self-service lost codes

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29

A story's notice choice and encrypted address with its blind index
(`contact_preference`), the messages to send (`notification`), lost-code
requests waiting for the sender run (`code_request`), and how far the notice
queue has read the outbox (`notify_cursor`).  Existing stories get their
preference row (notices off) from the first `notify send`, which indexes
every stored contact address.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_TS = sqlmodel.sql.sqltypes.UTCDateTime
_STR = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "contact_preference",
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("address_enc", sa.LargeBinary(), nullable=True),
        sa.Column("address_index", _STR(length=64), nullable=True),
        sa.Column("index_key", _STR(length=16), nullable=False),
        sa.Column("notify", sa.Boolean(), nullable=False),
        sa.Column("updated_at", _TS(), nullable=False),
        sa.ForeignKeyConstraint(["story_id"], ["story.id"]),
        sa.PrimaryKeyConstraint("story_id"),
    )
    with op.batch_alter_table("contact_preference", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_preference_address_index"), ["address_index"])
    op.create_table(
        "notification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=True),
        sa.Column("kind", _STR(length=32), nullable=False),
        sa.Column("dedup_key", _STR(length=80), nullable=False),
        sa.Column("recipient_enc", sa.LargeBinary(), nullable=True),
        sa.Column("address_index", _STR(length=64), nullable=True),
        sa.Column("recipient_hint", _STR(length=40), nullable=False),
        sa.Column("secret_enc", sa.LargeBinary(), nullable=True),
        sa.Column("status", _STR(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", _TS(), nullable=False),
        sa.Column("claimed_at", _TS(), nullable=True),
        sa.Column("sent_at", _TS(), nullable=True),
        sa.Column("last_error", _STR(length=60), nullable=False),
        sa.Column("created_at", _TS(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("dedup_key"),
    )
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notification_story_id"), ["story_id"])
        batch_op.create_index(batch_op.f("ix_notification_address_index"), ["address_index"])
        batch_op.create_index(batch_op.f("ix_notification_status"), ["status"])
        batch_op.create_index(batch_op.f("ix_notification_next_attempt_at"), ["next_attempt_at"])
        batch_op.create_index(batch_op.f("ix_notification_created_at"), ["created_at"])
    op.create_table(
        "code_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("address_enc", sa.LargeBinary(), nullable=True),
        sa.Column("address_index", _STR(length=64), nullable=False),
        sa.Column("requested_at", _TS(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "notify_cursor",
        sa.Column("name", _STR(length=32), nullable=False),
        sa.Column("last_outbox_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("notify_cursor")
    op.drop_table("code_request")
    op.drop_table("notification")
    op.drop_table("contact_preference")
