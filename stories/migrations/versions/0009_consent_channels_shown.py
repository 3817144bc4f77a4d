"""the list of uses each consent showed the patient

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29

The share form offers one checkbox per channel (the built-ins and the
clinic's `STORIES_EXTRA_CHANNELS`), and the authorization she reads lists
them.  That list comes from the settings, which the clinic may change later,
so each consent keeps the list exactly as it was shown (`channels_shown`,
JSON of [key, label] pairs): her copy of the authorization shows what she
read, not today's settings.  Existing consents get "": they were given when
the form offered only the website and excerpts, and are read that way.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.add_column(sa.Column("channels_shown", sa.Text(), nullable=False,
                                      server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_column("channels_shown")
