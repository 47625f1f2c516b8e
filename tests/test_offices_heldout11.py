"""Office holdings on hand-built Docs (frozen parses), from heldout11's misses: a title in the
plural before a list of names, each "of" the country it is of."""
from __future__ import annotations

import pytest

from tests.docs import extraction_of, offices


@pytest.mark.parametrize("text, expected", [
    # "Presidents X of A, Y of B and Z of C": the title, in the singular, for each name of its country
    ("Presidents William Ruto of Kenya, Yoweri Museveni of Uganda and Paul Kagame of Rwanda also spoke.",
     [("William Ruto", "President", "Kenya"), ("Yoweri Museveni", "President", "Uganda"),
      ("Paul Kagame", "President", "Rwanda")]),
])
def test_offices(text, expected):
    found = offices(text)
    for office in expected:
        assert office in found


def test_the_people_a_plural_title_names_stay_mentions():
    # each holding's title runs up to its holder, so it covers the names before: they stay people
    found = extraction_of(["Presidents William Ruto of Kenya, Yoweri Museveni of Uganda and Paul Kagame of Rwanda also spoke."])
    people = {m.name for m in found.mentions if m.type == "Person"}
    assert {"William Ruto", "Yoweri Museveni", "Paul Kagame"} <= people
