"""Office holdings on hand-built Docs (frozen parses): rank words, titles with a body or a
country inside them, "whose commander is X", "a spokesman for the group", titles joined by
"and", and the country of a title told without one."""
from __future__ import annotations

import pytest

from tests.docs import extraction_of, offices


@pytest.mark.parametrize("text, expected", [
    # a rank word in lower case is a title, not a rank to skip
    ("Hamas commander Yusuf Barakat met Qatari officials in Doha on Monday.",
     ("Yusuf Barakat", "Commander", "Hamas")),
    # "Senior" before a rank is part of the rank
    ("Thailand's army chief, Senior Gen. Prawit Chansiri, visited the border on Friday.",
     ("Prawit Chansiri", "Army Chief", "Thailand")),
    # "Air Commodore X", tagged as an organisation, is a person with a rank
    ('"The raid was a success," Air Commodore Ade Okoro, the air force spokesman, said in a statement.',
     ("Ade Okoro", "Air Force Spokesman", None)),
    # "head" of "head coach", tagged as a verb
    ("The result leaves India needing a win, while Nepal head coach Martin Keane said his side was ready.",
     ("Martin Keane", "Head Coach", "Nepal")),
    # "Gov." is a governor
    ("Sonora Gov. Ricardo Valdez Soto called the attack cowardly.",
     ("Ricardo Valdez Soto", "Governor", "Sonora")),
    # a common word for a body that opens the title is part of it, not its organisation
    ("Parliament Speaker Rami Haddad will meet the envoy on Friday.", ("Rami Haddad", "Parliament Speaker", None)),
    ("National Registrar Luis Ortega said the count would finish on Monday.",
     ("Luis Ortega", "National Registrar", None)),
    # a country between a modifier and the title
    ("Jane Porter, the senior British adviser for the Sahel, chaired the meeting.",
     ("Jane Porter", "Senior Adviser", "United Kingdom")),
    # the title between "whose" and "is"
    ("Hamas, whose political leader is Khalil Nasser, rejected the proposal on Sunday.",
     ("Khalil Nasser", "Political Leader", "Hamas")),
])
def test_office(text, expected):
    assert offices(text) == [expected]


def test_a_spokesman_for_the_group_is_the_groups():
    text = 'The Kachin Independence Army seized a base on Monday. "We will hold it," said Naw Seng, a spokesman for the group.'
    assert offices(text) == [("Naw Seng", "Spokesman", "Kachin Independence Army")]


def test_titles_joined_by_and_share_the_organisation():
    text = "Peter Vance, the British ambassador to Egypt and special envoy for Sudan, attended the talks."
    assert offices(text) == [("Peter Vance", "Ambassador", "United Kingdom"),
                             ("Peter Vance", "Special Envoy", "United Kingdom")]


def test_the_group_is_the_subject_of_the_sentence_before_and_a_glued_name_part_is_no_title():
    text = ("The Sudan Liberation Movement did not comment. Later, the group's spokesman, Al-Sadiq Rizig, said its "
            "fighters had withdrawn.")
    [(person, title, organization)] = offices(text)
    assert person.endswith("Sadiq Rizig") and (title, organization) == ("Spokesman", "Sudan Liberation Movement")


def test_of_two_countries_named_as_often_the_one_the_articles_offices_are_of():
    found = extraction_of(["Kenyan President Samuel Otieno hosted Ugandan officials on Monday.",
                           "Foreign Minister Alice Wanjiru said the pact would cut tariffs."]).offices
    assert ("Alice Wanjiru", "Foreign Minister", "Kenya") in [
        (o.person.name, o.title, o.organization.label if o.organization else None) for o in found]


def test_the_juntas_spokesman_is_the_junta_spokesman():
    # the junta stands for its country, found later; ("Brig", tagged as a person, is the tagger's)
    text = "The junta's spokesman, Brig. Gen. Kyaw Lin, declined to comment on the strike."
    assert ("Kyaw Lin", "Junta Spokesman", None) in offices(text)
