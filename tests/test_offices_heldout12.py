"""Office holdings on hand-built Docs (frozen parses), from heldout12's misses: a name the
tagger cut after its title, a minister "replaced by" another, a country its holder acts on,
and an abbreviation of a group whose name has a key of its own."""
from __future__ import annotations

from kg.resolve import resolve, short_names
from tests.docs import extraction_of, holdings, offices


def test_a_title_does_not_take_the_given_names_the_tagger_left_out():
    assert offices("Chad's President Mahamat Idriss Deby Itno sacked his defence minister on Sunday.") == [
        ("Mahamat Idriss Deby Itno", "President", "Chad")]


def test_who_replaces_a_dismissed_minister_holds_the_office():
    found = offices("Interior minister Ali Hassan Saleh was dismissed and replaced by General Moussa Haroun Tirgo,"
                    " a former commander of the army's ground forces.")
    assert ("Moussa Haroun Tirgo", "Interior Minister", None) in found


def test_the_country_a_holder_acts_on_is_not_the_one_inferred_for_their_office():
    # Syria is the article's main country, but the minister vows to strike Syrian forces
    found = extraction_of(["Israeli jets struck a Syrian army base near Damascus on Monday, Syria's defence ministry said.",
                           "Syria condemned the strikes.",
                           "Defence Minister Yoav Dorn vowed to strike any Syrian forces that entered the buffer zone."])
    [office] = found.offices
    assert office.organization is not None and office.organization.name == "Israel"


def test_an_abbreviation_is_the_group_spelled_out_before_even_when_its_name_has_a_key():
    found = extraction_of(["The Southern Transitional Council (STC) said its forces stormed militant hideouts in the Mudiya valley.",
                           "STC spokesman Saleh al-Yafei said 12 militants were killed."])
    entities = resolve(found)
    [office] = found.offices
    council = next(m for m in found.mentions if m.name == "Southern Transitional Council")
    assert entities[office.organization] == entities[council]
    assert entities[council].label == "Southern Transitional Council (STC)"


def test_the_last_words_of_a_long_name_stand_for_it():
    found = short_names(["Mahamat Idriss Deby Itno", "Ursula von der Leyen"])
    assert found["Deby"] == found["Deby Itno"] == "Mahamat Idriss Deby Itno"
    assert "der" not in found


def test_the_head_of_the_agency_is_the_head_of_the_agency_named_the_paragraph_before():
    found = extraction_of(["Taiwan's Coast Guard Administration said a Chinese ship fired water cannon at a fishing boat.",
                           "The boat was inside Taiwanese waters, the head of the agency, Kuan Bi-ling, told reporters."])
    assert ("Kuan Bi-ling", "Head", "Coast Guard Administration") in holdings(found)


def test_a_body_named_inside_a_known_title_is_part_of_it():
    assert offices("Chancellor of the Exchequer Rachel Reeves has encouraged consolidation among mid-sized lenders.") == [
        ("Rachel Reeves", "Chancellor of the Exchequer", None)]


def test_an_opposition_leader_is_of_the_country_the_sentence_names():
    assert offices("In Israel, opposition leader Yair Lapid criticised the government's approach.") == [
        ("Yair Lapid", "Opposition Leader", "Israel")]
