"""excerpts: short passages of approved stories, signed off by the patient

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29

A moderator proposes a short passage of an approved story (`excerpt`); the
patient signs it off or declines it on Check my story; only a signed-off
excerpt of a story whose consent covers excerpts may be used.  A use of an
excerpt is a `distribution` row naming it (`excerpt_id`) and tied to its
hash.  Existing databases have no excerpts; existing ledger rows name none.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_TS = sqlmodel.sql.sqltypes.UTCDateTime
_STR = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "excerpt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_hash", _STR(length=64), nullable=False),
        sa.Column("revision_hash", _STR(length=64), nullable=False),
        sa.Column("verbatim", sa.Boolean(), nullable=False),
        sa.Column("status", _STR(length=16), nullable=False),
        sa.Column("proposed_by", sa.Integer(), nullable=True),
        sa.Column("proposed_at", _TS(), nullable=False),
        sa.Column("answered_at", _TS(), nullable=True),
        sa.Column("patient_comment", _STR(length=500), nullable=False),
        sa.Column("finding_count", sa.Integer(), nullable=False),
        sa.Column("retired_at", _TS(), nullable=True),
        sa.Column("retired_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["proposed_by"], ["staff_user.id"]),
        sa.ForeignKeyConstraint(["retired_by"], ["staff_user.id"]),
        sa.ForeignKeyConstraint(["story_id"], ["story.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("excerpt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_excerpt_story_id"), ["story_id"])
        batch_op.create_index(batch_op.f("ix_excerpt_content_hash"), ["content_hash"])
        batch_op.create_index(batch_op.f("ix_excerpt_status"), ["status"])
    with op.batch_alter_table("distribution", schema=None) as batch_op:
        batch_op.add_column(sa.Column("excerpt_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_distribution_excerpt_id"), ["excerpt_id"])
        batch_op.create_foreign_key("fk_distribution_excerpt_id_excerpt", "excerpt",
                                    ["excerpt_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("distribution", schema=None) as batch_op:
        batch_op.drop_constraint("fk_distribution_excerpt_id_excerpt", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_distribution_excerpt_id"))
        batch_op.drop_column("excerpt_id")
    op.drop_table("excerpt")
