"""revision findings

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21

Each revision stores its findings (kinds and positions, no text) and the
fingerprint of the detector that found them (`stories.scans`), so the review
screen and the export's re-scan reuse them while the detector is unchanged.
Existing revisions get empty values and are scanned again when next needed.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("revision", schema=None) as batch_op:
        batch_op.add_column(sa.Column("findings", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("detector", sqlmodel.sql.sqltypes.AutoString(length=16),
                                      nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("revision", schema=None) as batch_op:
        batch_op.drop_column("detector")
        batch_op.drop_column("findings")
