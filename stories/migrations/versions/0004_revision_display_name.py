"""the display name is part of each revision

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29

The name shown on the website reaches the public like the title and the body,
so it now lives on each revision: it is scanned, redacted and edited there,
covered by the content hash and so by the patient's sign-off.  Every
revision takes its story's display name; revisions with a name get their new
content hash, and the story's original and signed-off hashes follow (the
patient chose that name herself on the form).  Audit rows keep the hashes
they recorded.  The stored scans are brought up to date (name included) by
`db upgrade`'s rescan, as after any detector change.
"""

import hashlib
import json

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _hash(title: str, body: str, name: str) -> str:
    fields = [title, body, name] if name else [title, body]
    return hashlib.sha256(json.dumps(fields).encode()).hexdigest()


def _backfill(conn) -> None:
    rows = conn.execute(sa.text(
        "SELECT r.id, r.story_id, r.title, r.body, r.content_hash, s.display_name "
        "FROM revision r JOIN story s ON s.id = r.story_id WHERE s.display_name <> ''"
    )).all()
    for rid, story_id, title, body, old, name in rows:
        new = _hash(title, body, name)
        conn.execute(sa.text("UPDATE revision SET display_name = :n, content_hash = :h "
                             "WHERE id = :i"), {"n": name, "h": new, "i": rid})
        for column in ("original_hash", "signed_off_hash"):
            conn.execute(sa.text(f"UPDATE story SET {column} = :h WHERE id = :s "  # noqa: S608
                                 f"AND {column} = :o"), {"h": new, "s": story_id, "o": old})


def upgrade() -> None:
    with op.batch_alter_table("revision", schema=None) as batch_op:
        batch_op.add_column(sa.Column("display_name", sqlmodel.sql.sqltypes.AutoString(length=64),
                                      nullable=False, server_default=""))
    _backfill(op.get_bind())
    with op.batch_alter_table("story", schema=None) as batch_op:
        batch_op.drop_column("display_name")


def downgrade() -> None:
    with op.batch_alter_table("story", schema=None) as batch_op:
        batch_op.add_column(sa.Column("display_name", sqlmodel.sql.sqltypes.AutoString(length=64),
                                      nullable=False, server_default=""))
    conn = op.get_bind()
    conn.execute(sa.text(
        "UPDATE story SET display_name = COALESCE((SELECT r.display_name FROM revision r "
        "WHERE r.id = story.current_revision_id), '')"))
    with op.batch_alter_table("revision", schema=None) as batch_op:
        batch_op.drop_column("display_name")
