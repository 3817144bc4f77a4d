"""The fixed choices of the share form and the authorization, each defined once.

Topics, how a patient may be named, the material-connection answers, who may
sign, and the authorization's terms.  The form, the import, the export and the
patient's copy of her authorization all read them from here.
"""

from __future__ import annotations

DISPLAY_MODES = ("anonymous", "initials", "pseudonym")
TOPICS = (
    "vaginismus",
    "painful sex",
    "vulvodynia",
    "pelvic floor",
    "after childbirth",
    "menopause",
    "relationships",
    "treatment journey",
)
MATERIAL_CONNECTIONS = {
    "none": "No material connection with the clinic.",
    "payment": "The author received a payment from the clinic.",
    "free_treatment": "The author received free treatment from the clinic.",
    "discounted_treatment": "The author received discounted treatment from the clinic.",
    "employment": "The author works for, or has worked for, the clinic.",
    "family": "The author has family ties with clinic staff.",
    "other": "The author has another connection with the clinic.",
}
SIGNER_ROLES = ("patient", "representative")
DEFAULT_TERM_DAYS = 3 * 365
MAX_TERM_DAYS = 10 * 365
