"""No personal data in logs: a full journey at DEBUG level leaves none behind."""

from __future__ import annotations

import logging

import pytest

from stories import migrate, patient
from stories.db import get_engine, transaction
from stories.export import export_site
from tests import factories as f

SECRETS = ["dave", "Novikova", "Leeds", "March 2019", "patient@example.org", "Jane Q. Patient"]


@pytest.fixture
def everything_at_debug(db_url):
    """Migrations first (Alembic and SQLAlchemy touch logging on the way), then DEBUG everywhere.

    `sqlalchemy` is reset to inherit the root level, as a process whose
    logging was configured after the migrations (or by a dictConfig) has it.
    """
    migrate.upgrade(get_engine())
    names = ("", "sqlalchemy", "sqlalchemy.engine", "sqlalchemy.engine.Engine", "sqlalchemy.pool")
    saved = {name: logging.getLogger(name).level for name in names}
    logging.getLogger().setLevel(logging.DEBUG)
    for name in names[1:]:
        logging.getLogger(name).setLevel(logging.NOTSET)
    yield
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


def test_full_journey_logs_no_identifier_contact_or_signature(everything_at_debug, tmp_path,
                                                              caplog):
    caplog.set_level(logging.DEBUG)  # the capture handler too
    receipt = f.submit()
    f.to_approved(receipt, f.staff())  # redaction, sign-off and approval
    with transaction() as s:
        export_site(tmp_path / "site", session=s)
    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    logged = "\n".join(r.getMessage() + " " + repr(r.args) for r in caplog.records)
    assert logging.getLogger("sqlalchemy.engine.Engine").isEnabledFor(logging.DEBUG)
    for secret in SECRETS + [receipt.code, "Not broken"]:
        assert secret not in logged


def test_database_errors_do_not_quote_story_text(db_url):
    """A failing statement's message (which reaches logs and tracebacks) hides its parameters."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    try:
        with transaction() as s:  # a NOT NULL column left out: the database refuses the row
            s.execute(text("INSERT INTO revision (title, body) VALUES (:t, :b)"),
                      {"t": "Not broken", "b": f.BODY})
    except DBAPIError as exc:
        message = str(exc)
    else:  # pragma: no cover - the insert must fail
        raise AssertionError("the insert was accepted")
    assert "Novikova" not in message and "Not broken" not in message
