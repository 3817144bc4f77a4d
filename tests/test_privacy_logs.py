"""No personal data in logs: a full journey at DEBUG level leaves none behind."""

from __future__ import annotations

import logging

from stories import patient
from stories.db import transaction
from stories.export import export_site
from tests import factories as f

SECRETS = ["dave", "Novikova", "Leeds", "March 2019", "patient@example.org", "Jane Q. Patient"]


def test_full_journey_logs_no_identifier_contact_or_signature(db_url, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)  # every logger, including SQLAlchemy's and Streamlit's
    receipt = f.submit()
    f.to_approved(receipt, f.staff())  # redaction, sign-off and approval
    with transaction() as s:
        export_site(tmp_path / "site", session=s)
    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    logged = "\n".join(r.getMessage() + " " + repr(r.args) for r in caplog.records)
    for secret in SECRETS + [receipt.code]:
        assert secret not in logged
