"""Domain errors, named for what went wrong.

Their messages are written for the person who caused them and never contain
story text or personal data; pages show them with `st.error`, the CLI prints
them and exits non-zero.
"""


class StoryError(Exception):
    """Base class: an action was refused and nothing was written."""


class InvalidInput(StoryError):
    """A form field is missing, too long or malformed."""


class InvalidTransition(StoryError):
    """The action is not allowed from the story's current status."""


class StaleRevision(StoryError):
    """Someone else changed the story since it was loaded."""


class ConsentMissing(StoryError):
    """The story's consent does not allow what was asked."""


class SignOffMissing(StoryError):
    """The patient has not signed off exactly the current text."""


class IdentifiersRemain(StoryError):
    """Detected identifiers are neither redacted nor explicitly kept."""


class NotFound(StoryError):
    """No story matches (deliberately vague: it must not reveal which)."""


class RateLimited(StoryError):
    """Too many attempts in a short time."""


class NotAuthorized(StoryError):
    """The signed-in account's role does not allow this action."""


class AuthenticationFailed(StoryError):
    """Username or password wrong, or account locked (deliberately generic)."""


class ExportRefused(StoryError):
    """The export found a story it must not publish."""
