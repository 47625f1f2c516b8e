"""Office holdings on hand-built Docs (frozen parses), from heldout10's misses: a name after a
rank the parser split off, offices given by a clause ("naming X as ...", "X becomes ...", "named
Y to replace her", "which is led by X", "the former soldier who leads Y", "her Rwandan
counterpart, Y"), offices taken away ("dropped ... X"), bodies and regions named around a title,
and the country of a title told without one."""
from __future__ import annotations

import pytest

from tests.docs import extraction_of, offices


@pytest.mark.parametrize("text, expected", [
    # the name after "Lt. Col.", which the parser set apart (and ended a sentence at)
    ("The army said the strike hit a weapons store. Israeli military spokesman Lt. Col. Nadav Shalem said one of "
     "the men killed in the strike was a Hamas commander.",
     [("Nadav Shalem", "Military Spokesman", "Israel")]),
    # "naming" is the clause's verb, not part of the title; "economist" is a trade; the office given "as",
    # of the country of the president who gives it
    ("Ghana's president, John Mensah, reshuffled his cabinet on Monday, naming economist Ama Owusu as Treasury "
     "cabinet secretary and moving her predecessor, Kofi Boateng, to the foreign ministry.",
     [("John Mensah", "President", "Ghana"), ("Ama Owusu", "Treasury Cabinet Secretary", "Ghana")]),
    ("Economist Jane Mwangi said inflation would ease this year.", []),
    # the office one becomes
    ("Ghana's cabinet met on Monday. Boateng becomes foreign affairs cabinet secretary.",
     [("Boateng", "Foreign Affairs Cabinet Secretary", "Ghana")]),
    # a dropped minister holds the office no more; the one named to replace her does
    ("Mensah also dropped Energy Cabinet Secretary Abena Ofori, whose ministry has faced criticism over power "
     "cuts, and named Yaw Darko, a former mayor of Kumasi, to replace her.",
     [("Yaw Darko", "Energy Cabinet Secretary", None)]),
    # a body "of" a country, cut by the tagger, is one name
    ("Supreme Court of Kenya judge Mary Wanjiru said the ruling would stand.",
     [("Mary Wanjiru", "Judge", "Supreme Court of Kenya")]),
    ("Leeds manager Tom Hartley said his side had been unlucky.", [("Tom Hartley", "Manager", "Leeds")]),
    # a region named with the word "region", its name tagged as a person or as a place
    ("Pavel Sorokin, the governor of the Mykolaiv region, said firefighters had put out the blaze.",
     [("Pavel Sorokin", "Governor", "Mykolaiv region")]),
    ("The offer was rejected by Abebe Tadesse, the Oromia region's president, on Friday.",
     [("Abebe Tadesse", "President", "Oromia")]),
    # "who leads" after an apposition; the nickname is no part of the name
    ('Mohamed "Tiger" Omar, the former soldier who leads al-Shabaab, threatened to attack the port.',
     [("Mohamed Omar", "Leader", "al-Shabaab")]),
    ("Al-Shabaab, which is led by Hassan Warsame and is under United Nations sanctions, has repeatedly attacked "
     "villages.",
     [("Hassan Warsame", "Leader", "al-Shabaab")]),
    # a counterpart holds the office of the person named before, of the country the counterpart is of
    ("Meanwhile, Gabon's foreign minister, Clementine Ayo Weber, and her Cameroonian counterpart, Paul Biyong, "
     "will meet in Paris next week.",
     [("Clementine Ayo Weber", "Foreign Minister", "Gabon"), ("Paul Biyong", "Foreign Minister", "Cameroon")]),
    # a first name the tagger took for something else is part of the name in apposition to a title
    ("Meanwhile, Burundi's foreign minister, Therese Kayitesi Muller, and her Rwandan counterpart, Paul Habimana, "
     "will meet in Washington next week.",
     [("Therese Kayitesi Muller", "Foreign Minister", "Burundi"), ("Paul Habimana", "Foreign Minister", "Rwanda")]),
    # a country in a clause told of the holder is one the holder deals with
    ("Prime Minister Hassan Karimi, who has tried to mend ties with Washington, spoke by telephone with Turkish "
     "President Recep Tayyip Erdogan on Monday.",
     [("Hassan Karimi", "Prime Minister", None), ("Recep Tayyip Erdogan", "President", "Turkey")]),
    # a title and a name tagged as one organisation
    ("Greer hosted a Thai delegation led by Minister of Industry and Trade Suriya Chaiwat for a day of talks.",
     [("Suriya Chaiwat", "Minister of Industry and Trade", "Thailand")]),
    # a place tagged as a person before "regional governor"
    ("In southern Ukraine, Russian troops launched a drone attack on the city of Kherson, wounding four people, "
     "Kherson regional governor Ivan Marchenko said on Telegram.",
     [("Ivan Marchenko", "Regional Governor", "Kherson")]),
    # a name in capitals before the title, tagged as an adjective
    ("ATP chief executive Mark Lowe said the tour was listening to the players.",
     [("Mark Lowe", "Chief Executive", "ATP")]),
])
def test_office(text, expected):
    assert offices(text) == expected


def found(texts: list[str]) -> list[tuple[str, str, str | None]]:
    return [(o.person.name, o.title, o.organization.label if o.organization else None)
            for o in extraction_of(texts).offices]


def test_the_envoy_of_a_president_and_a_country_with_its_president_named():
    # X is the president in "the envoy of President X"; Chile, the article's country, has its own
    assert found(["Chilean President Ana Rojas met the visiting delegation on Monday.",
                  "The envoy of President Mark Dalton also attended the meeting."]) == [
        ("Ana Rojas", "President", "Chile"), ("Mark Dalton", "President", None)]


def test_the_rebels_named_in_a_paragraph_before():
    assert found(["Arakan Army fighters seized a town on Monday.",
                  "The rebels' spokesman, Khine Thu, said the town had been taken."]) == [
        ("Khine Thu", "Spokesman", "Arakan Army")]


def test_an_office_given_in_a_passive_clause_with_no_giver_ends():
    # the search for the giver's subject climbs to the root, which has none
    assert offices("Amina Wanjiru was elected president.") == [("Amina Wanjiru", "President", None)]
