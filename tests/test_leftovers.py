"""The leftover check: words of a redacted identifier still in a later text.

Unit tests of `stories.leftovers` (pure), then the moderator's redaction
through the real service layer (`moderation.review.redact_findings` on a
migrated database): redacting a name redacts its other mentions too.
"""

from __future__ import annotations

import pytest

from moderation import review
from stories.db import transaction
from stories.identifiers import findings_for
from stories.leftovers import leftover_findings, leftovers, mentions, redacted_words
from stories.models import Story
from stories.redact import redact
from stories.revisions import current_revision
from tests import factories


def _words(later: str, original: str) -> list[tuple[str, str]]:
    return [(x.kind, later[x.start : x.end]) for x in leftovers(original, later)]


@pytest.mark.parametrize(
    ("original", "later", "expected"),
    [
        ("thanks to sarah jones for it", "thanks to [name] jones for it", [("PERSON", "jones")]),
        ("thanks to khadija khan too", "thanks to [name] khan too", [("PERSON", "khan")]),
        ("My friend Ra\u200cchel came", "My friend [name]\u200cchel came", [("PERSON", "chel")]),
        ("My friend Ra**chel** came", "My friend [name]**chel** came", [("PERSON", "chel")]),
        ("mail rachel.smith＠gmail.com now", "mail rachel.smith＠[link] now",
         [("URL", "rachel"), ("URL", "smith")]),
        ("My friend Rachel came. Rachel was kind.", "My friend [name] came. Rachel was kind.",
         [("PERSON", "Rachel")]),
        # compared on the shadow: a look-alike capital А (Cyrillic) is the same word
        ("My friend Rachel came. RАCHEL was kind.", "My friend [name] came. RАCHEL was kind.",
         [("PERSON", "RАCHEL")]),
        ("call 07700 900123 today", "call [phone] 900123 today", [("PHONE", "900123")]),
    ],
)
def test_leftover_words_are_found(original: str, later: str, expected: list[tuple[str, str]]) -> None:
    assert _words(later, original) == expected


@pytest.mark.parametrize(
    ("original", "later"),
    [
        # everyday words and facility words are not identifiers by themselves
        ("I went to St Mary's Hospital. The hospital was cold.",
         "I went to [facility]. The hospital was cold."),
        ("My friend Hope came. I hope so.", "My friend [name] came. I hope so."),
        # a word that was never inside a redacted identifier
        ("My friend Rachel met Priya there.", "My friend [name] met Priya there."),
        # a lowercase everyday word spelt like a redacted place; a bare year
        ("We moved to Reading last May. I kept reading about it.",
         "We moved to [place] last May. I kept reading about it."),
        ("It began on 3 March 2019. In 2019 I was tired.", "It began on [date]. In 2019 I was tired."),
        # nothing was redacted
        ("My friend Rachel came.", "My friend Rachel came, she said."),
        ("", "[name]"),
    ],
)
def test_no_leftover(original: str, later: str) -> None:
    assert leftovers(original, later) == []


def test_positions_index_the_later_text_and_carry_no_words() -> None:
    original = "My friend Rachel came. Later Rachel rang."
    later = "My friend [name] came. Later Rachel rang."
    (item,) = leftovers(original, later)
    assert later[item.start : item.end] == "Rachel"
    assert item.kind == "PERSON"
    assert "Rachel" not in repr(item)


@pytest.mark.parametrize(
    ("original", "later", "fixed"),
    [
        ("mail rachel.smith＠gmail.com now", "mail rachel.smith＠[link] now", "mail [link] now"),
        ("My friend Ra\u200cchel came", "My friend [name]\u200cchel came", "My friend [name] came"),
        ("My friend Ra**chel** came", "My friend [name]**chel** came", "My friend [name] came"),
        ("thanks to sarah jones, truly", "thanks to [name] jones, truly", "thanks to [name] [name], truly"),
    ],
)
def test_leftover_findings_take_what_a_fragment_is_glued_to(original: str, later: str, fixed: str) -> None:
    assert redact(later, leftover_findings(later, leftovers(original, later))) == fixed


def test_redacted_words_are_looked_for_in_another_text() -> None:
    words = redacted_words("Thank you, Rachel Okonkwo", "Thank you, [name]")
    assert words == {"rachel": "PERSON", "okonkwo": "PERSON"}
    body = "Okonkwo sat with me. Rachel’s patience, and my own, helped."
    assert [(m.kind, body[m.start : m.end]) for m in mentions(body, words)] == [
        ("PERSON", "Okonkwo"),
        ("PERSON", "Rachel"),
    ]


# -- through the moderator's service --------------------------------------

BODY = (
    "For years I could not tell anyone how much it hurt. My friend Rachel Okonkwo sat with me "
    "in the waiting room every single time, and the physiotherapy helped slowly. "
    "Okonkwo, as everyone calls her, still texts me every week. You are not broken, "
    "and the dilators are worth it."
)


def _redact_first_person(story_id: int, who) -> str:
    with transaction() as s:
        revision = current_revision(s.get(Story, story_id), session=s)
        found = findings_for(revision, session=s)
        people = [f for f in found if f.field == "body" and f.finding.kind == "PERSON"]
        first = min(people, key=lambda f: f.finding.start)
        assert revision.body[first.finding.start : first.finding.end] == "Rachel Okonkwo"
        review.redact_findings(story_id, revision.content_hash, keys=[first.key], who=who, session=s)
    with transaction() as s:
        return current_revision(s.get(Story, story_id), session=s).body


def test_redacting_a_name_redacts_its_other_mentions(db_url) -> None:
    moderator = factories.staff()
    receipt = factories.submit(body=BODY)
    body = _redact_first_person(receipt.story_id, moderator)
    assert "Okonkwo" not in body and "Rachel" not in body
    assert "My friend [name] sat with me" in body
    assert "[name], as everyone calls her" in body
    assert "the physiotherapy helped slowly" in body  # nothing else is touched


def test_redaction_leaves_no_fragment_through_the_service(db_url) -> None:
    moderator = factories.staff()
    body = BODY.replace("Rachel Okonkwo", "Rachel Okon\u200ckwo")
    receipt = factories.submit(body=body)
    with transaction() as s:
        revision = current_revision(s.get(Story, receipt.story_id), session=s)
        keys = [f.key for f in findings_for(revision, session=s) if f.finding.kind == "PERSON"]
        review.redact_findings(receipt.story_id, revision.content_hash, keys=keys[:1],
                               who=moderator, session=s)
    with transaction() as s:
        after = current_revision(s.get(Story, receipt.story_id), session=s)
        assert "kwo" not in after.body and "Okon" not in after.body
        assert not [f for f in findings_for(after, session=s) if f.finding.kind == "PERSON"]


def test_a_name_redacted_in_the_title_is_redacted_in_the_body(db_url) -> None:
    moderator = factories.staff()
    receipt = factories.submit(title="Thank you, Rachel Okonkwo", body=BODY)
    with transaction() as s:
        revision = current_revision(s.get(Story, receipt.story_id), session=s)
        keys = [f.key for f in findings_for(revision, session=s)
                if f.field == "title" and f.finding.kind == "PERSON"]
        assert keys
        review.redact_findings(receipt.story_id, revision.content_hash, keys=keys, who=moderator, session=s)
    with transaction() as s:
        after = current_revision(s.get(Story, receipt.story_id), session=s)
        assert after.title == "Thank you, [name]"
        assert "Okonkwo" not in after.body and "Rachel" not in after.body
        assert "the physiotherapy helped slowly" in after.body


def test_a_name_given_away_by_a_redacted_email_gets_a_name_placeholder(db_url) -> None:
    """Redacting every email also redacts the name its words give away, as a name."""
    moderator = factories.staff()
    body = ("My name is Sarah Jones and I live in Leeds. For years it hurt and nobody "
            "listened. Write to me at sarah.jones@example.com if you want to talk.")
    receipt = factories.submit(body=body)
    with transaction() as s:
        revision = current_revision(s.get(Story, receipt.story_id), session=s)
        review.redact_findings(receipt.story_id, revision.content_hash, kind="EMAIL",
                               who=moderator, session=s)
    with transaction() as s:
        after = current_revision(s.get(Story, receipt.story_id), session=s).body
    assert "Sarah" not in after and "Jones" not in after and "sarah" not in after
    assert "Write to me at [email] if" in after
    assert "My name is [name]" in after and "[email] [email]" not in after


def test_a_byline_that_repeats_a_redacted_name_is_pointed_out(db_url) -> None:
    from moderation.queue import BYLINE_HINT
    from moderation.queue import review as review_view

    moderator = factories.staff()
    body = ("My name is Sarah Jones and for years it hurt and nobody listened to me. "
            "The physiotherapy helped slowly.")
    receipt = factories.submit(body=body, display_name="Sarah")
    with transaction() as s:
        assert BYLINE_HINT not in review_view(receipt.story_id, who=moderator, session=s).hints
        revision = current_revision(s.get(Story, receipt.story_id), session=s)
        review.redact_findings(receipt.story_id, revision.content_hash, kind="PERSON",
                               who=moderator, session=s)
    with transaction() as s:
        view = review_view(receipt.story_id, who=moderator, session=s)
    assert "Sarah" not in view.revision.body and view.revision.display_name == "Sarah"
    assert BYLINE_HINT in view.hints
