"""Normalise date expressions found in news text ("March 14", "last week", "Tuesday night").

Relative phrases are resolved against the article's publication date (the anchor); the result
is the first day of the period meant plus its precision. Only the standard library is used.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
# Phrases that name a day by its offset from the anchor.
DAY_WORDS = {
    "today": 0, "tonight": 0, "overnight": 0, "this morning": 0, "this afternoon": 0,
    "this evening": 0, "yesterday": -1, "last night": -1, "day before yesterday": -2,
    "tomorrow": 1, "day after tomorrow": 2,
}
DIRECTIONS = {"last": -1, "this": 0, "next": 1}  # "last week", "this Monday", "next March"
UNITS = {"day": "day", "week": "week", "month": "month", "year": "year"}  # plural: add "s"
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
# Words dropped from the front: prepositions and vagueness that keep the period itself
# ("early 2024" -> 2024, "earlier this month" -> this month, "between March 1 and 3").
FILLERS = {
    "on", "in", "at", "by", "during", "over", "the", "of", "from", "since", "between",
    "early", "late", "mid", "earlier", "later", "end", "start", "beginning", "middle",
}
PARTS_OF_DAY = {"morning", "afternoon", "evening", "night", "overnight"}  # "Tuesday night"
TENSES = {"past", "future"}

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_ORD = r"(?:st|nd|rd|th)?"
_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[t ].*)?")
_RANGE = re.compile(r"\s*-\s*|\s+(?:and|to|until|till|through|thru)\s+")
_ABSOLUTE = [re.compile(p) for p in (
    rf"(?P<m>{_MONTH}) (?P<d>\d{{1,2}}){_ORD}(?: (?P<y>[12]\d{{3}}))?",
    rf"(?P<d>\d{{1,2}}){_ORD} (?:of )?(?P<m>{_MONTH})(?: (?P<y>[12]\d{{3}}))?",
    rf"(?P<m>{_MONTH})(?: of)?(?: (?P<y>[12]\d{{3}}))?",
    r"(?P<y>[12]\d{3})",
)]
_AGO = re.compile(rf"(\d+|{'|'.join(NUMBERS)}) (day|week|month|year)s? ago")
_YEAR_IN_TEXT = re.compile(r"(?<![\d.])(19\d{2}|20\d{2})(?!\d|s\b)")


@dataclass(frozen=True)
class Resolved:
    """A resolved date expression: the first day of the period and how wide it is."""

    value: date  # first day of the period
    precision: str  # "day", "week" (value is a Monday), "month" (the 1st) or "year" (Jan 1)


def resolve(
    expression: str, anchor: date | None, *, tense: str = "past", default_year: int | None = None
) -> Resolved | None:
    """Resolve `expression` against `anchor` (the publication date); None if it cannot.

    A bare weekday means, for tense "past", the anchor if it falls on that weekday, else the
    latest such day before it; for "future", the anchor or the next such day after it.
    "last"/"next" + weekday are strictly before/after the anchor. A missing year comes from
    `default_year`, else from the anchor, rolled back a year (tense "past") when the month/day
    lies after the anchor, or forward (tense "future") when it lies before. Never raises for
    any `expression`; raises ValueError only for an unknown `tense`.

    >>> resolve("last Monday", date(2024, 3, 14))
    Resolved(value=datetime.date(2024, 3, 11), precision='day')
    >>> resolve("December 30", date(2024, 1, 2))
    Resolved(value=datetime.date(2023, 12, 30), precision='day')
    >>> resolve("earlier this month", date(2024, 3, 14)).precision
    'month'
    """
    if tense not in TENSES:
        raise ValueError(f"tense must be one of {sorted(TENSES)}, not {tense!r}")
    if not isinstance(expression, str):
        return None
    try:
        return _resolve(_normalise(expression), anchor, tense, default_year)
    except (ValueError, OverflowError):  # impossible dates, or beyond date.min/date.max
        return None


def find_year(text: str) -> int | None:
    """Return the first four-digit year 1900-2099 in `text` (not "1990s"), or None.

    >>> find_year("Published 12 March 2024 in London")
    2024
    """
    match = _YEAR_IN_TEXT.search(text) if isinstance(text, str) else None
    return int(match.group(1)) if match else None


def _normalise(text: str) -> str:
    s = text.lower().replace("\u2019", "'")
    s = re.sub(r"[\u2010-\u2015]", "-", s)
    s = re.sub(r"'s\b", "", s)  # "Friday's"
    s = re.sub(r"\bmid-", "mid ", s)
    s = re.sub(r"[,;:!?()\"]", " ", s)
    s = " ".join(s.split()).replace("this past ", "last ")
    words = [w for w in (w.strip(".'") for w in s.split()) if w]
    while words and words[0] in FILLERS:
        words.pop(0)
    if "at" in words[1:]:  # "Tuesday at 10 a.m."
        words = words[: words.index("at", 1)]
    if len(words) > 1 and words[-1] in PARTS_OF_DAY and " ".join(words) not in DAY_WORDS:
        words.pop()  # "Tuesday night", "yesterday morning"
    return " ".join(words)


def _resolve(s: str, anchor: date | None, tense: str, default_year: int | None) -> Resolved | None:
    if m := _ISO.fullmatch(s):
        return Resolved(date(int(m[1]), int(m[2]), int(m[3])), "day")
    first, *rest = _RANGE.split(s, maxsplit=1)  # "March 14-15, 2024": keep the first day
    if rest and not re.search(r"\b\d{4}\b", first) and (y := re.search(r"\b\d{4}$", rest[0])):
        first += " " + y[0]
    words = first.split()
    if words and words[0] in WEEKDAYS and len(words) > 1:  # "Friday, March 8, 2024"
        return _absolute(" ".join(words[1:]), anchor, tense, default_year)
    found = _absolute(first, anchor, tense, default_year)
    return found if found or anchor is None else _relative(words, anchor, tense)


def _absolute(
    s: str, anchor: date | None, tense: str, default_year: int | None
) -> Resolved | None:
    for pattern in _ABSOLUTE:
        if m := pattern.fullmatch(s):
            g = m.groupdict()
            month = MONTHS[g["m"]] if g.get("m") else None
            day = int(g["d"]) if g.get("d") else None
            year = int(g["y"]) if g["y"] else _infer_year(month, day, anchor, tense, default_year)
            if year is None:
                return None
            if month is None:
                return Resolved(date(year, 1, 1), "year")
            if day is None:
                return Resolved(date(year, month, 1), "month")
            return Resolved(date(year, month, day), "day")
    return None


def _infer_year(
    month: int, day: int | None, anchor: date | None, tense: str, default_year: int | None
) -> int | None:
    if default_year is not None:
        return default_year
    if anchor is None:
        return None
    there = (month, day) if day else (month,)
    here = (anchor.month, anchor.day) if day else (anchor.month,)
    if tense == "past" and there > here:
        return anchor.year - 1
    if tense == "future" and there < here:
        return anchor.year + 1
    return anchor.year


def _relative(words: list[str], anchor: date, tense: str) -> Resolved | None:
    phrase = " ".join(words)
    if phrase in DAY_WORDS:
        return Resolved(anchor + timedelta(days=DAY_WORDS[phrase]), "day")
    if m := _AGO.fullmatch(phrase):
        count = int(m[1]) if m[1].isdigit() else NUMBERS[m[1]]
        return _shift(anchor, m[2], -count)
    if len(words) == 1 and words[0] in WEEKDAYS:
        return Resolved(_weekday(anchor, WEEKDAYS[words[0]], 0, tense), "day")
    if phrase == "weekend":  # the ISO week holding the most recent / coming weekend
        step = 0 if tense == "future" or anchor.weekday() >= 5 else -1
        return _shift(anchor, "week", step)
    if len(words) != 2 or words[0] not in DIRECTIONS:
        return None
    step, what = DIRECTIONS[words[0]], words[1]
    if what in WEEKDAYS:
        return Resolved(_weekday(anchor, WEEKDAYS[what], step, tense), "day")
    if what in UNITS:
        return _shift(anchor, UNITS[what], step)
    if what == "weekend":
        return _shift(anchor, "week", step)
    if what in MONTHS:  # "last March": the latest March before the anchor's month
        month, year = MONTHS[what], anchor.year
        if step < 0 and month >= anchor.month or step > 0 and month <= anchor.month:
            year += step
        return Resolved(date(year, month, 1), "month")
    return None


def _weekday(anchor: date, weekday: int, step: int, tense: str) -> date:
    back = step < 0 or (step == 0 and tense == "past")
    delta = (anchor.weekday() - weekday) % 7 if back else (weekday - anchor.weekday()) % 7
    if step != 0 and delta == 0:  # "last Monday" on a Monday is a week ago
        delta = 7
    return anchor - timedelta(days=delta) if back else anchor + timedelta(days=delta)


def _shift(anchor: date, unit: str, count: int) -> Resolved:
    if unit == "day":
        return Resolved(anchor + timedelta(days=count), "day")
    if unit == "week":
        return Resolved(anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=count), "week")
    if unit == "month":
        year, month = divmod(anchor.year * 12 + anchor.month - 1 + count, 12)
        return Resolved(date(year, month + 1, 1), "month")
    return Resolved(date(anchor.year + count, 1, 1), "year")
