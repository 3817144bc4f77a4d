"""the detector an approval checked the text with

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29

Approval checks that nothing of a redacted identifier is left in the text,
with the detector in force; it records which detector and which text
(`stories.identifiers.leftover_stamp`), and the export need not repeat the
check while both are the same.  Existing stories get "" and are checked by the export.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("story", schema=None) as batch_op:
        batch_op.add_column(sa.Column("checked_detector", sqlmodel.sql.sqltypes.AutoString(length=40),
                                      nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("story", schema=None) as batch_op:
        batch_op.drop_column("checked_detector")
