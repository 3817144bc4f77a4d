"""Words and names told apart by a dictionary that keeps case (SCOWL, issue #11's fourth
round): rarer words in title case, in capitals and in lowercase are words; names that word
frequencies count as words are names; sentence starts, headings and abstract nouns.  Every
sentence is written for this test, not taken from a corpus."""

from __future__ import annotations

import pytest

from tests.detect_prose_util import covered, flagged_words


@pytest.mark.parametrize(
    "text",
    [
        "The consultant finally said Genitourinary Syndrome of Menopause out loud.",
        "A young doctor said it might be Interstitial Cystitis, whatever that was.",
        "The leaflet was about Vaginal Atrophy and nothing else.",
        "My last stop was Psychosexual Medicine, and it helped.",
        "Hot flushes in the middle of Phonics are no joke.",
    ],
)
def test_rarer_dictionary_words_in_title_case_are_not_names(text: str) -> None:
    """SCOWL writes these in lower case only, so a capital makes them no name."""
    assert flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I met Olsen there on a Tuesday.", "Olsen"),  # frequent in running text, still a name
        ("Afterwards Kathleen rang me.", "Kathleen"),
        ("The nurse sent me to Penhaligon for a second opinion.", "Penhaligon"),  # in no list
    ],
)
def test_names_the_dictionary_writes_with_a_capital_stay_names(text: str, name: str) -> None:
    assert covered(text, name)


def test_the_dictionary_lists_are_bundled_with_their_licence() -> None:
    from stories.detect.lexicon import DATA_DIR, capitalised_names, dictionary_words

    assert "genitourinary" in dictionary_words() and "olsen" in capitalised_names()
    assert not dictionary_words() & capitalised_names()
    assert "Kevin Atkinson" in (DATA_DIR / "SCOWL-COPYRIGHT.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text",
    [
        "It was the thing I dreaded most. Sharp pain, right at the scar.",
        "We live far out. Mobile reception is bad.",
    ],
)
def test_an_everyday_word_opening_a_sentence_before_a_lowercase_word_is_a_word(text: str) -> None:
    assert flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I was on the sofa all week. Rhys keeps bringing me tea.", "Rhys"),
        ("That was the worst day. Gupta rang me at six.", "Gupta"),
    ],
)
def test_a_name_opening_a_sentence_before_a_lowercase_word_is_still_a_name(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize(
    "text",
    ["He was lovely about it but I was SPIRALLING for weeks.", "I felt TOTALLY MORTIFIED at the desk."],
)
def test_a_rarer_word_shouted_in_capitals_is_a_word(text: str) -> None:
    assert flagged_words(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "my muscles were basically stuck in flinch mode for years",
        "I cried into one of those tiny scratchy tissues at the desk.",
    ],
)
def test_rarer_lowercase_words_are_no_names_or_towns(text: str) -> None:
    assert flagged_words(text) == []


def test_a_short_nickname_after_a_cue_stays_a_name_though_a_dictionary_knows_it() -> None:
    assert covered("my bestie soph was the only one who knew", "soph")


def test_a_heading_that_reads_as_a_phrase_names_no_one() -> None:
    # "Story" is a surname and a small town's name; in this heading it is the word
    assert flagged_words("My Story: Learning To Trust My Body Again\n\nIt took years.") == []


def test_a_name_in_a_heading_is_still_found() -> None:
    assert covered("Letter to Grace\n\nDear you, I am writing because it got better.", "Grace")


@pytest.mark.parametrize(
    "text",
    ["It was a bad year. Intimacy is slowly coming back.", "Nobody got it at first. Honesty helped more."],
)
def test_an_abstract_noun_opening_a_sentence_is_a_word(text: str) -> None:
    assert flagged_words(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Things nobody warns you about: Night Sweats, Hot Flushes, Winter Scarves.",
        "The pain was the Final Boss of my twenties, and the cause was listed as Unknown.",
        "Three rules I live by now.\n\nPatience, Patience, Patience.\n\nThat is the whole list.",
        "In THE WINTER I STOPPED GOING OUT. I FELT SO SAD AND THE BOSS NOTICED.",
        "A Year Of Seasons\n\nWinter\n\nIt started with the night sweats and the tiredness.",
    ],
)
def test_words_a_name_list_holds_but_the_dictionary_writes_in_lower_case_are_words(text: str) -> None:
    """Boss, Winter, Patience, Unknown: in a first-name list, but SCOWL writes them only
    in lower case (`word_names` holds the ones it also writes with a capital)."""
    assert flagged_words(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Big Mike from the union hall told me over beers that he had the same thing.", "Mike"),
        ("Name's Dawn. Married twenty years. Never had sex that worked.", "Dawn"),
        ("My physio, Grace, said the pain was real and treatable.", "Grace"),
        ("We had a new nurse, Patience, who sat with me for an hour.", "Patience"),
    ],
)
def test_names_the_dictionary_writes_with_a_capital_or_after_a_cue_stay_names(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize(
    "text",
    [
        "The walk-in clinic gave me Cipro, then Septra, then Cipro again.",
        "I had four courses of Ciprofloxacin and one of Doxycycline before anyone listened.",
        "Tamsulosin helped a bit with the flow, and Nortriptyline at night with the pain.",
        "A TUBE OF CANESTEN DID NOTHING, AND NEITHER DID THE PANADOL.",
        "The Zoladex bought me time until the surgery, and Dienogest after it.",
    ],
)
def test_medicines_name_nobody(text: str) -> None:
    """Medicine names and brands (`data/medicines.txt`, from DrugBank's open vocabulary
    through drug-named-entity-recognition) are no names in title case or in capitals."""
    assert flagged_words(text) == []


def test_a_name_that_is_also_a_brand_stays_a_name() -> None:
    """Names and towns are taken out of the medicine list when it is built ("Allegra")."""
    assert covered("My sister Allegra drove me to every appointment.", "Allegra")


@pytest.mark.parametrize(
    "text",
    [
        "Things That Helped\n\n9. Patience, Faith And A Sense Of Humour. That is what got us through.",
        "How Long Did I Put Up With It?\n\nAbout six years, if I am honest.",
        "Things I Wish Somebody Had Told Me (A List From A Woman Who Should Have Asked Sooner)\n\nRight.",
    ],
)
def test_a_phrase_written_in_title_case_is_no_name(text: str) -> None:
    """Capitalised function words inside a run (And, A, Who, Should, Did) show title-case
    writing, where a capital proves nothing."""
    assert flagged_words(text) == []


def test_a_name_in_title_case_writing_stays_a_name() -> None:
    assert covered("A Letter To Siobhan And Aoife, Who Should Have Been Told", "Siobhan")
