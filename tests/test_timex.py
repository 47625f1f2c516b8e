"""Tests for kg.timex: date expressions resolved against a publication date."""
from __future__ import annotations

import doctest
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg import timex
from kg.timex import Resolved, find_year, resolve

THU = date(2024, 3, 14)  # a Thursday
SUN = date(2024, 3, 17)


def day(y, m, d):
    return Resolved(date(y, m, d), "day")


def week(y, m, d):
    return Resolved(date(y, m, d), "week")


def month(y, m):
    return Resolved(date(y, m, 1), "month")


def year(y):
    return Resolved(date(y, 1, 1), "year")


CASES = [
    # absolute dates
    ("March 14, 2024", THU, "past", day(2024, 3, 14)),
    ("14 March 2024", THU, "past", day(2024, 3, 14)),
    ("March 14th, 2023", THU, "past", day(2023, 3, 14)),
    ("the 14th of March 2022", THU, "past", day(2022, 3, 14)),
    ("2024-03-14", THU, "past", day(2024, 3, 14)),
    ("2024-03-14T10:30:00Z", THU, "past", day(2024, 3, 14)),
    ("2024/3/9", None, "past", day(2024, 3, 9)),
    ("Friday, March 8, 2024", THU, "past", day(2024, 3, 8)),
    ("March 2024", THU, "past", month(2024, 3)),
    ("March of 2023", THU, "past", month(2023, 3)),
    ("2024", THU, "past", year(2024)),
    ("in 2023", THU, "past", year(2023)),
    ("2023's", None, "past", year(2023)),
    # missing year: anchor's year, rolled back (past) / forward (future)
    ("March 14", THU, "past", day(2024, 3, 14)),
    ("Mar. 14", THU, "past", day(2024, 3, 14)),
    ("March 13", THU, "future", day(2025, 3, 13)),
    ("March 15", THU, "past", day(2023, 3, 15)),
    ("Sept. 3", THU, "past", day(2023, 9, 3)),
    ("Sept. 3", THU, "future", day(2024, 9, 3)),
    ("January 3", THU, "future", day(2025, 1, 3)),
    ("December 30", date(2024, 1, 2), "past", day(2023, 12, 30)),
    ("January 3", date(2024, 12, 30), "future", day(2025, 1, 3)),
    ("March", THU, "past", month(2024, 3)),
    ("March", THU, "future", month(2024, 3)),
    ("April", THU, "past", month(2023, 4)),
    ("February", THU, "future", month(2025, 2)),
    ("February 29", date(2024, 3, 1), "past", day(2024, 2, 29)),
    ("February 29", date(2025, 3, 1), "past", None),
    # vague parts of a period keep the period
    ("late March", THU, "past", month(2024, 3)),
    ("mid-March", THU, "past", month(2024, 3)),
    ("the end of March", THU, "past", month(2024, 3)),
    ("early 2024", THU, "past", year(2024)),
    ("late last year", THU, "past", year(2023)),
    # ranges: the first day
    ("March 14-15", THU, "past", day(2024, 3, 14)),
    ("March 14\u201315, 2023", THU, "past", day(2023, 3, 14)),
    ("between March 1 and 3", THU, "past", day(2024, 3, 1)),
    ("March 30 to April 2, 2023", THU, "past", day(2023, 3, 30)),
    ("2023-24", THU, "past", year(2023)),
    # days named relative to the anchor
    ("today", THU, "past", day(2024, 3, 14)),
    ("tonight", THU, "past", day(2024, 3, 14)),
    ("overnight", THU, "past", day(2024, 3, 14)),
    ("this morning", THU, "past", day(2024, 3, 14)),
    ("early this morning", THU, "past", day(2024, 3, 14)),
    ("earlier today", THU, "past", day(2024, 3, 14)),
    ("yesterday", THU, "past", day(2024, 3, 13)),
    ("yesterday afternoon", THU, "past", day(2024, 3, 13)),
    ("last night", THU, "past", day(2024, 3, 13)),
    ("late last night", THU, "past", day(2024, 3, 13)),
    ("the day before yesterday", THU, "past", day(2024, 3, 12)),
    ("tomorrow", THU, "future", day(2024, 3, 15)),
    ("tomorrow night", THU, "future", day(2024, 3, 15)),
    # weekdays
    ("Monday", THU, "past", day(2024, 3, 11)),
    ("Monday", THU, "future", day(2024, 3, 18)),
    ("Thursday", THU, "past", day(2024, 3, 14)),
    ("Thursday", THU, "future", day(2024, 3, 14)),
    ("Friday", THU, "past", day(2024, 3, 8)),
    ("Wednesday", THU, "future", day(2024, 3, 20)),
    ("on Monday", THU, "past", day(2024, 3, 11)),
    ("Friday's", THU, "past", day(2024, 3, 8)),
    ("Friday\u2019s", THU, "past", day(2024, 3, 8)),
    ("Tuesday night", THU, "past", day(2024, 3, 12)),
    ("late on Tuesday night", THU, "past", day(2024, 3, 12)),
    ("early Tuesday morning", THU, "past", day(2024, 3, 12)),
    ("Tuesday at 10 a.m.", THU, "past", day(2024, 3, 12)),
    ("Monday and Tuesday", THU, "past", day(2024, 3, 11)),
    ("last Monday", THU, "past", day(2024, 3, 11)),
    ("last Thursday", THU, "past", day(2024, 3, 7)),
    ("last Thursday", THU, "future", day(2024, 3, 7)),
    ("next Thursday", THU, "past", day(2024, 3, 21)),
    ("next Friday", THU, "past", day(2024, 3, 15)),
    ("this Monday", THU, "past", day(2024, 3, 11)),
    ("this Monday", THU, "future", day(2024, 3, 18)),
    # weeks (value is the Monday of the ISO week)
    ("last week", THU, "past", week(2024, 3, 4)),
    ("this week", THU, "past", week(2024, 3, 11)),
    ("earlier this week", THU, "past", week(2024, 3, 11)),
    ("next week", THU, "future", week(2024, 3, 18)),
    ("last week's", THU, "past", week(2024, 3, 4)),
    # weekends: the ISO week holding it
    ("the weekend", THU, "past", week(2024, 3, 4)),
    ("over the weekend", THU, "past", week(2024, 3, 4)),
    ("the weekend", THU, "future", week(2024, 3, 11)),
    ("the weekend", SUN, "past", week(2024, 3, 11)),
    ("last weekend", THU, "past", week(2024, 3, 4)),
    ("this past weekend", THU, "past", week(2024, 3, 4)),
    ("this weekend", THU, "future", week(2024, 3, 11)),
    ("next weekend", THU, "future", week(2024, 3, 18)),
    # months and years
    ("last month", THU, "past", month(2024, 2)),
    ("this month", THU, "past", month(2024, 3)),
    ("earlier this month", THU, "past", month(2024, 3)),
    ("next month", THU, "future", month(2024, 4)),
    ("last month", date(2024, 1, 5), "past", month(2023, 12)),
    ("next month", date(2024, 12, 5), "future", month(2025, 1)),
    ("last March", THU, "past", month(2023, 3)),
    ("last January", THU, "past", month(2024, 1)),
    ("next March", THU, "future", month(2025, 3)),
    ("next April", THU, "future", month(2024, 4)),
    ("last year", THU, "past", year(2023)),
    ("this year", THU, "past", year(2024)),
    ("earlier this year", THU, "past", year(2024)),
    ("next year", THU, "future", year(2025)),
    # "N units ago"
    ("two days ago", THU, "past", day(2024, 3, 12)),
    ("12 days ago", THU, "past", day(2024, 3, 2)),
    ("a week ago", THU, "past", week(2024, 3, 4)),
    ("three weeks ago", THU, "past", week(2024, 2, 19)),
    ("2 months ago", THU, "past", month(2024, 1)),
    ("a year ago", THU, "past", year(2023)),
    ("ten years ago", THU, "past", year(2014)),
    # not resolvable
    ("two years", THU, "past", None),
    ("decades", THU, "past", None),
    ("the 1990s", THU, "past", None),
    ("1990s", THU, "past", None),
    ("the 14th", THU, "past", None),
    ("14/03/2024", THU, "past", None),
    ("03/14/2024", THU, "past", None),
    ("14.03.2024", THU, "past", None),
    ("February 30, 2024", THU, "past", None),
    ("the past week", THU, "past", None),
    ("a few days ago", THU, "past", None),
    ("weeks ago", THU, "past", None),
    ("recently", THU, "past", None),
    ("10 a.m.", THU, "past", None),
    ("Q1 2024", THU, "past", None),
    ("Monday last week", THU, "past", None),
    ("", THU, "past", None),
    ("   ", THU, "past", None),
]


@pytest.mark.parametrize("expression,anchor,tense,expected", CASES)
def test_resolve(expression, anchor, tense, expected):
    assert resolve(expression, anchor, tense=tense) == expected


@pytest.mark.parametrize("expression", [
    "yesterday", "Monday", "last week", "overnight", "two days ago", "the weekend",
    "March 14", "late March", "last March",
])
def test_relative_or_yearless_needs_an_anchor(expression):
    assert resolve(expression, None) is None


@pytest.mark.parametrize("expression,expected", [
    ("March 14, 2024", day(2024, 3, 14)),
    ("2024-03-14", day(2024, 3, 14)),
    ("March 2024", month(2024, 3)),
    ("2024", year(2024)),
])
def test_absolute_needs_no_anchor(expression, expected):
    assert resolve(expression, None) == expected


def test_default_year_fills_missing_year_without_rollover():
    jan2 = date(2024, 1, 2)
    assert resolve("December 30", None, default_year=2022) == day(2022, 12, 30)
    assert resolve("December 30", jan2, default_year=2024) == day(2024, 12, 30)
    assert resolve("December", jan2, default_year=2024) == month(2024, 12)
    assert resolve("December 30, 2021", jan2, default_year=2024) == day(2021, 12, 30)


def test_unknown_tense_is_a_programming_error():
    with pytest.raises(ValueError):
        resolve("Monday", THU, tense="present")


def test_overflow_at_calendar_edges_gives_none():
    assert resolve("yesterday", date.min) is None
    assert resolve("next year", date.max) is None
    assert resolve("99999999999 days ago", THU) is None


@pytest.mark.parametrize("text,expected", [
    ("Published 12 March 2024 in London", 2024),
    ("between 2023 and 2024", 2023),
    ("1900 and 2099", 1900),
    ("no year here", None),
    ("in the 1990s", None),
    ("12000 people", None),
    ("founded in 1850", None),
    ("in 2100", None),
    ("version 3.2024", None),
    ("2024's budget", 2024),
    ("", None),
])
def test_find_year(text, expected):
    assert find_year(text) == expected


def test_docstring_examples():
    assert doctest.testmod(timex).failed == 0


WORDS = sorted(
    set(timex.MONTHS) | set(timex.WEEKDAYS) | set(timex.FILLERS) | set(timex.NUMBERS)
    | set(timex.DIRECTIONS) | timex.PARTS_OF_DAY
    | {"ago", "weekend", "day", "days", "weeks", "months", "years", "and", "to", "-", ",", ".",
       "'s", "today", "yesterday", "tonight", "14", "31", "0", "00", "2024", "1999", "0000",
       "9999", "2024-02-30", "2024-13-01", "99999999999", "at", "this past", "st", "th"}
)
PHRASES = st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join)


@settings(max_examples=400)
@given(
    expression=st.one_of(st.text(), PHRASES),
    anchor=st.one_of(st.none(), st.dates()),
    tense=st.sampled_from(sorted(timex.TENSES)),
    default_year=st.one_of(st.none(), st.integers(min_value=-10**6, max_value=10**6)),
)
def test_resolve_never_raises(expression, anchor, tense, default_year):
    result = resolve(expression, anchor, tense=tense, default_year=default_year)
    assert result is None or isinstance(result, Resolved)
    if result is not None:
        assert result.precision in {"day", "week", "month", "year"}
        if result.precision == "week":
            assert result.value.weekday() == 0
        if result.precision in {"month", "year"}:
            assert result.value.day == 1
        if result.precision == "year":
            assert result.value.month == 1


@given(st.text())
def test_find_year_never_raises(text):
    found = find_year(text)
    assert found is None or 1900 <= found <= 2099
