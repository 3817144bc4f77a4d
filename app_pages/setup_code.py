"""The first-admin setup code, printed to the console of whoever started the app.

No default password exists.  On a database without staff accounts, a one-time
code is printed to the server's console (never shown in the browser, never
logged elsewhere); only someone who can see that console can create the first
admin on the "Staff login" page.
"""

from __future__ import annotations

from moderation.setup_code import issue_setup_code
from stories.db import transaction

SETUP_ANNOUNCED = "STORIES_SETUP_ANNOUNCED"


def announce_setup_code() -> bool:
    """Print a fresh code if no staff exist; return whether one was printed."""
    with transaction() as session:
        code = issue_setup_code(session=session)
    if not code:
        return False
    banner = "=" * 64
    print(f"\n{banner}\nFIRST-TIME SETUP: no staff account exists yet.\n"
          f"Open the app's 'Staff login' page and enter this one-time code:\n\n"
          f"    {code}\n\nIt works once and expires in 24 hours.\n{banner}\n", flush=True)
    return True
