"""The body of a local or corporate office told without one: the city or province its sentence
or article names ("Mayor X said", "the province's governor"), a capital kept as a city for its
mayor, and the company a bare "Chief executive X" works for."""
from __future__ import annotations

import pytest

from tests.docs import extraction_of, holdings, offices


@pytest.mark.parametrize("text, expected", [
    # "Its managing director": the company that is the subject of the sentence before
    ("Dakota Power said a fault at a substation caused the outage. Its managing director, Laura Mwangi, apologised to customers.",
     ("Laura Mwangi", "Managing Director", "Dakota Power")),
    # a bare "Mayor X": the place that opens the sentence, though it names another too
    ("In Zaporizhzhia, Russian drones hit a bus depot in the city's Shevchenkivskyi district, Mayor Ivan Fedorov said.",
     ("Ivan Fedorov", "Mayor", "Zaporizhzhia")),
    # a capital's mayor is the city's, not the country's
    ("Kyiv Mayor Vitali Klitschko said the strike damaged a school.", ("Vitali Klitschko", "Mayor", "Kyiv")),
    # a local title's place after "in" that ends its apposition
    ("The gunmen also fired on a checkpoint, wounding three soldiers, said Imran Qadir, the police chief in Bannu.",
     ("Imran Qadir", "Police Chief", "Bannu")),
    # a bare "Chief executive X": the company the sentence before is about
    ("Shell said it would restart the project next year. Chief executive Wael Sawan told analysts the risks had eased.",
     ("Wael Sawan", "Chief Executive", "Shell")),
])
def test_offices(text, expected):
    assert expected in offices(text)


def test_the_province_s_governor_is_of_the_province_named_before():
    found = extraction_of(["Gunmen attacked a village in Nigeria's Zamfara state on Sunday.",
                           "The state's governor, Dauda Lawal, visited the wounded in Gusau."])
    assert ("Dauda Lawal", "Governor", "Zamfara") in holdings(found)


def test_an_inferred_body_costs_confidence():
    found = extraction_of(["Shell said it would restart the project next year. Chief executive Wael Sawan told analysts the risks had eased."])
    told = extraction_of(["Kyiv Mayor Vitali Klitschko said the strike damaged a school."])
    assert found.offices[0].organization.name == "Shell"
    assert found.offices[0].confidence < told.offices[0].confidence


def test_the_state_s_chief_minister_is_of_the_place_named_most_often():
    found = extraction_of(["Maoist rebels ambushed a police convoy in Jharkhand's Latehar district on Monday, Jharkhand police said.",
                           "Police said the rebels fled towards Palamu.",
                           "Raghubar Das, the state's chief minister, visited the wounded on Tuesday."])
    assert ("Raghubar Das", "Chief Minister", "Jharkhand") in holdings(found)


def test_the_union_s_president_is_of_the_union_named_before_not_the_last_body():
    found = extraction_of(["Negotiators for the National Union of Rail Workers and the Rail Operators Council resumed talks on Monday.",
                           "\"We will not accept cuts,\" said Mary Okafor, the union's president."])
    assert ("Mary Okafor", "President", "National Union of Rail Workers") in holdings(found)


def test_its_title_after_a_delegation_is_of_the_body_that_names_the_delegation():
    text = "Egypt hosted talks on Monday between Hamas and Fatah. The Fatah delegation was led by its chief negotiator, Azzam al-Ahmad."
    assert ("Azzam al-Ahmad", "Chief Negotiator", "Fatah") in offices(text)


def test_named_as_after_an_apposition():
    text = "In a decree, Goita named Omar Haidara, until now defence minister, as prime minister, replacing Moussa Mara."
    assert [(person, title) for person, title, _ in offices(text)] == [("Omar Haidara", "Prime Minister")]


@pytest.mark.parametrize("text, expected", [
    # a self-governing territory's demonym is its own
    ("Petur Hansen, the Faroese minister of fisheries, rejected the criticism.",
     ("Petur Hansen", "Minister of Fisheries", "Faroe Islands")),
    # a known body that opens a portfolio title is its organisation
    ("The talks brought together EU Fisheries Commissioner Ioana Marin and officials from Norway.",
     ("Ioana Marin", "Fisheries Commissioner", "European Union")),
])
def test_bodies_named_by_territory_or_union(text, expected):
    assert expected in offices(text)


@pytest.mark.parametrize("text, expected", [
    ("Natasha Chisanga, who had been deputy finance minister, was sworn in as finance minister.",
     [("Natasha Chisanga", "Finance Minister", None)]),
    ("Norwegian carrier Nordlys Air named Ingrid Halvorsen as chief executive on Thursday.",
     [("Ingrid Halvorsen", "Chief Executive", "Nordlys Air")]),
    ("Jorge Sampaoli, the managing partner of Andes Partners, declined to comment.",
     [("Jorge Sampaoli", "Managing Partner", "Andes Partners")]),
    ("The Coordinating Committee on Water Rights said it would boycott the talks. \"There can be no dialogue,\" said Ravi Menon,"
     " the committee's convenor.", [("Ravi Menon", "Convenor", "Coordinating Committee on Water Rights")]),
    ("The state has been under federal rule since February, when Chief Minister N. Biren Singh resigned after months of pressure.",
     []),
    ("Maria Jones is the chief executive of Acme Corp.", [("Maria Jones", "Chief Executive", "Acme Corp.")]),
    ("Musalia Mudavadi, who is Kenya's foreign minister, spoke to reporters.", [("Musalia Mudavadi", "Foreign Minister", "Kenya")]),
    ("Ahmed Musa is the son of President Ali Musa.", [("Ali Musa", "President", None)]),
])
def test_offices_told_by_a_clause(text, expected):
    assert offices(text) == expected


def test_who_was_sworn_in_holds_the_office():
    text = "Abdourahamane Tiani, who was sworn in as Niger's president last year, received the envoy."
    assert ("Abdourahamane Tiani", "President", "Niger") in offices(text)


def test_a_bare_corporate_title_is_of_the_company_the_article_is_about():
    found = extraction_of(["Brightwater Foods said sales fell. Brightwater Foods cut its forecast.",
                           "Analysts expect more cuts at Brightwater Foods.",
                           "\"The board has listened to shareholders,\" chairman Per Aasen said in a statement."])
    assert ("Per Aasen", "Chairman", "Brightwater Foods") in holdings(found)


def test_a_title_ending_in_a_rank_is_a_title():
    assert ("Mohammed bin Salman", "Crown Prince", "Saudi Arabia") in offices(
        "Abiy spoke by phone with Saudi Crown Prince Mohammed bin Salman on Friday.")


def test_the_directorate_s_head_is_of_the_directorate_named_before():
    text = ("The session at the Labour Directorate's offices was long. It was led by Claudia Herrera, the directorate's head"
            " of mediation.")
    assert ("Claudia Herrera", "Head of Mediation", "Labour Directorate") in offices(text)


def test_a_company_told_by_the_first_word_of_its_name():
    found = extraction_of(["Castlebrook Partners, an activist investor, holds 3% of the bank.",
                           "Nikhil Rao, Castlebrook's managing partner, attacked the plan as empire building."])
    assert ("Nikhil Rao", "Managing Partner", "Castlebrook Partners") in holdings(found)


@pytest.mark.parametrize("text, expected", [
    ("Turkmenistan was represented by Deputy Prime Minister Batyr Annayev.",
     ("Batyr Annayev", "Deputy Prime Minister", "Turkmenistan")),
    ("Moldova's delegation was led by Vadim Ciobanu, while Transnistria was represented by its chief negotiator, Vitaly Grinchuk.",
     ("Vitaly Grinchuk", "Chief Negotiator", "Transnistria")),
])
def test_who_represents_a_state_holds_its_office(text, expected):
    assert expected in offices(text)


def test_then_prime_minister_held_the_office_no_more():
    assert offices("Relations plunged in September 2023, when then-Prime Minister Justin Trudeau told parliament that Canada"
                   " had credible allegations.") == []


def test_a_rank_between_title_and_name_is_no_given_name():
    assert [person for person, _, _ in offices("\"Our forces used artillery,\" army spokesman Colonel Fabrice Nzohabonayo said.")] == [
        "Fabrice Nzohabonayo"]


@pytest.mark.parametrize("text, expected", [
    # who appoints keeps his own office, not the one he gives
    ("William Ruto, who is the party's leader, appointed John Mbadi as finance minister.",
     [("John Mbadi", "Finance Minister", None)]),
    # "resigned", however it is said
    ("Chief Minister Raghubar Das resigned abruptly on Monday.", []),
])
def test_offices_given_and_left(text, expected):
    assert offices(text) == expected


def test_a_person_whose_name_is_a_body_word_stays_a_person_and_a_rank_is_no_company():
    found = extraction_of(["Tennis great Margaret Court met the minister in Perth.", "General Motors said sales fell in March.",
                           "General Mark Milley said the army was ready."])
    kinds = {m.span.text: m.type for m in found.mentions}
    assert kinds["Margaret Court"] == "Person" and "General" not in kinds
