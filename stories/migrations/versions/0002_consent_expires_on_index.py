"""index consent.expires_on

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 20:10:00

The queue page lists authorizations that end soon (`stories.expiry`), which
filters consents by `expires_on`; without an index that query visits every
published story's consent (about 150 ms with 50,000 stories on SQLite).
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consent_expires_on"), ["expires_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_expires_on"))
