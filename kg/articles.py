"""Reading articles: .txt/.md files, JSONL records, folders and standard input.

`read_articles` yields `Article` values one at a time (never the whole corpus in memory);
`segments` splits an article into its headline and paragraphs, each parsed on its own.
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from .errors import InputError
from .model import Article, Segment, Span

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}

_PARAGRAPH_BREAK = re.compile(r"\r?\n[ \t\r]*\n")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+")
# a dateline: a place in capitals, maybe a date and an agency, then a dash
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'\- /]{2,}"                   # KYIV, PORT-AU-PRINCE, WASHINGTON/HANOI
    r"(?:,[^\n\-—–]{0,40}(?:\([^)\n]{1,20}\))?\s*[-—–]+"  # , March 3 (Reuters) -
    r"|\s*\([^)\n]{1,20}\)\s*[-—–]+"                 # (AFP) -
    r"|\s*[—–]+)"                                  # — (a bare hyphen is too common to trust)
    r"|[A-Z][\w.'’]+(?: [A-Z][\w.'’]+){0,3}"       # Kampala, Port Moresby: in title case only
    r"(?:,[^\n\-—–()]{0,40})?\s*\([A-Z][^)\n]{1,20}\)\s*[-—–]+)"  # with the agency: (AFP) -
    r"[\s\-—–]*(?=[^\s\-—–])")


def parse_date(value: str | None, where: str) -> date | None:
    """Parse an ISO date (`2024-03-14`, or a timestamp starting with one).

    >>> parse_date("2024-03-14T10:00:00Z", "x")
    datetime.date(2024, 3, 14)
    """
    if value in (None, ""):
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    if not match:
        raise InputError(f"{where}: date {value!r} is not in YYYY-MM-DD form")
    try:
        return date(*map(int, match.groups()))
    except ValueError as err:
        raise InputError(f"{where}: date {value!r}: {err}") from None


MAX_BYTES = 50 * 2**20  # a text file or JSONL record larger than this is refused (see --max-size)
OnError = Callable[[InputError], None]


def read_articles(paths: Iterable[str | Path], default_date: date | None = None,
                  on_error: OnError | None = None, max_bytes: int = MAX_BYTES) -> Iterator[Article]:
    """Yield the articles in `paths` (files, folders searched recursively, or `-`).

    A bad file or record (binary, empty, not UTF-8, malformed JSON, no text, too large) raises
    `InputError` naming it (and the line, in JSONL); with `on_error`, it is handed to
    `on_error` and skipped instead. A path that does not exist always raises. Ids are made
    unique: a second `news` (from another folder, or a repeated JSONL id) becomes `news-2`.
    """
    seen: dict[str, int] = {}
    for article in _read(paths, default_date, on_error or _raise, max_bytes):
        count = seen.get(article.id, 0) + 1
        seen[article.id] = count
        if count > 1:
            unique = f"{article.id}-{count}"
            while unique in seen:
                count += 1
                unique = f"{article.id}-{count}"
            seen[unique] = 1
            article = replace(article, id=unique)
        yield article


def count_articles(paths: Iterable[str | Path]) -> int | None:
    """How many articles `paths` hold, counted cheaply (JSONL lines), or None when unknown
    (standard input). For a progress bar: bad records are not looked at."""
    total = 0
    for raw in paths:
        if str(raw) == "-" or not isinstance(raw, (str, Path)):
            return None
        for file in _files(Path(raw)) if Path(raw).exists() else []:
            if file.suffix.lower() in JSONL_SUFFIXES:
                with open(file, "rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            else:
                total += 1
    return total


def _files(path: Path) -> list[Path]:
    """The files an input path names: itself, or the article files in a folder, recursively."""
    if path.is_dir():
        return [p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES]
    if path.is_file():
        return [path]
    raise InputError(f"{path}: no such file or folder")


def _raise(error: InputError) -> None:
    raise error


def _read(paths: Iterable[str | Path], default_date: date | None, on_error: OnError,
          max_bytes: int) -> Iterator[Article]:
    for raw in paths:
        if str(raw) == "-":
            try:
                yield from _from_text(sys.stdin.read(), "stdin", "stdin", default_date)
            except InputError as error:
                on_error(error)
            continue
        for file in _files(Path(raw)):
            try:
                if file.suffix.lower() in JSONL_SUFFIXES:
                    yield from _from_jsonl(file, default_date, on_error, max_bytes)
                else:
                    yield from _from_text(_decode(file, max_bytes), file.stem, str(file), default_date)
            except InputError as error:
                on_error(error)
            except OSError as error:  # unreadable: permissions, a device, a vanished file
                on_error(InputError(f"{file}: cannot be read ({error.strerror or error})"))


def _decode(path: Path, max_bytes: int) -> str:
    """The text of a file: UTF-8 (or UTF-16/32 with a byte-order mark); anything else is
    refused rather than guessed at."""
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"{path}: {size / 2**20:.1f} MB is over the size limit of {max_bytes / 2**20:.0f} MB (see --max-size)")
    data = path.read_bytes()
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(f"{path}: starts like {codec.upper()} text but is not") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 text (byte {error.start}); convert it first, "
                         "for example with `iconv -f windows-1252 -t utf-8`") from None


def _from_text(text: str, doc_id: str, source: str, default_date: date | None) -> Iterator[Article]:
    if not text.strip():
        raise InputError(f"{source}: empty article")
    yield Article(id=doc_id, text=text, title=headline(text), date=default_date, source=source)


def _from_jsonl(path: Path, default_date: date | None, on_error: OnError, max_bytes: int) -> Iterator[Article]:
    """The records of a JSONL file, read a line at a time (a corpus can be larger than memory);
    a bad record goes to `on_error` and the rest are still read."""
    with path.open("rb") as handle:
        head = handle.read(8192)
        if b"\x00" in head:
            raise InputError(f"{path}: a binary file, not JSONL text")
        handle.seek(3 if head.startswith(b"\xef\xbb\xbf") else 0)
        for number, raw in enumerate(handle, start=1):
            try:
                article = _record(raw, path, number, default_date, max_bytes)
            except InputError as error:
                on_error(error)
                continue
            if article is not None:
                yield article


def _record(raw: bytes, path: Path, number: int, default_date: date | None, max_bytes: int) -> Article | None:
    where = f"{path}:{number}"
    if len(raw) > max_bytes:
        raise InputError(f"{where}: a {len(raw) / 2**20:.1f} MB record is over the size limit of "
                         f"{max_bytes / 2**20:.0f} MB (see --max-size)")
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{where}: not UTF-8 text") from None
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"{where}: not valid JSON ({err.msg})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: a record must be a JSON object")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError(f"{where}: record has no text")
    doc_id = record.get("id")
    doc_id = str(doc_id) if doc_id not in (None, "") else f"{path.stem}-{number}"
    title = record.get("title")
    if title is not None and not isinstance(title, str):
        raise InputError(f"{where}: title must be a string")
    return Article(
        id=doc_id,
        text=body,
        title=title or None,
        date=parse_date(record.get("date"), where) or default_date,
        url=record.get("url") or None,
        source=where,
    )


def headline(text: str) -> str | None:
    """The headline: a first line followed by a blank line, else None. A first line that opens
    with a dateline, or reads as a sentence (a full stop after more than eight words), is the
    lead paragraph instead.

    >>> headline("Big News\\n\\nIt happened.")
    'Big News'
    >>> headline("KYIV (AP) - Russia struck.\\n\\nMore.") is None
    True
    """
    first, sep, rest = text.lstrip("\ufeff").partition("\n")
    first = first.strip()
    if not (sep and rest.lstrip(" \t\r").startswith("\n") and first):
        return None
    if _DATELINE.match(first) or (re.search(r"[.!?][\"”’')]*$", first) and len(first.split()) > 8):
        return None
    return _MARKDOWN_HEADING.sub("", first) or None


MAX_SEGMENT = 100_000  # characters; far below spaCy's max_length, and a paragraph is rarely longer


def _pieces(text: str) -> Iterator[tuple[str, int]]:
    """`text` cut at sentence ends into pieces of at most MAX_SEGMENT characters."""
    offset = 0
    while len(text) - offset > MAX_SEGMENT:
        window = text[offset:offset + MAX_SEGMENT]
        cut = next((i + 1 for i in (window.rfind(". "), window.rfind("\n"), window.rfind(" ")) if i > 0), MAX_SEGMENT)
        piece = text[offset:offset + cut]
        if piece.strip():
            yield piece.strip(), offset + piece.index(piece.strip())
        offset += cut
    piece = text[offset:]
    if piece.strip():
        yield piece.strip(), offset + piece.index(piece.strip())


def dateline_places(article: Article) -> list[Span]:
    """The places of the dateline that opens the article's first paragraph, as spans of its
    text: "TRIPOLI, Libya (AP) — ..." gives "TRIPOLI" and "Libya"."""
    for segment in segments(article)[:2]:
        if segment.is_headline:
            continue
        before = article.text[:segment.start].rstrip()
        paragraph = before.rfind("\n") + 1
        match = _DATELINE.match(article.text[paragraph:segment.start + 1])
        if match is None or paragraph + match.end() != segment.start:
            return []
        places = []
        for part in re.finditer(r"[A-Z][\w.'\- ]*[\w.]", match.group(0).split("(")[0]):
            if not any(ch.isdigit() for ch in part.group(0)) and part.group(0).split()[0] not in _MONTHS:
                places.append(Span(part.group(0), paragraph + part.start(), paragraph + part.end()))
        return places
    return []


_MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "January",
           "February", "March", "April", "June", "July", "August", "September", "October", "November", "December"}


def segments(article: Article) -> list[Segment]:
    """Split the text at blank lines into segments with their offsets.

    The first segment is the headline when the article has one, so it never merges with
    the first paragraph. Leading and trailing white space is trimmed from each segment.

    >>> [(s.text, s.start, s.is_headline) for s in segments(Article("a", "Title\\n\\nOne. Two.\\n"))]
    [('Title', 0, True), ('One. Two.', 7, False)]
    """
    result: list[Segment] = []
    position = 0
    text = article.text
    has_headline = headline(text) is not None
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[position:end]
        stripped = chunk.strip()
        if stripped:
            start = position + chunk.index(stripped)
            if has_headline and not result:
                heading = _MARKDOWN_HEADING.match(stripped)
                if heading:
                    start += heading.end()
                    stripped = stripped[heading.end():]
            if not any(not s.is_headline for s in result) and not (has_headline and not result):
                dateline = _DATELINE.match(stripped)  # "KYIV, March 3 (Reuters) - ": where it was filed
                if dateline and dateline.end() < len(stripped):
                    start += dateline.end()
                    stripped = stripped[dateline.end():]
            for piece, offset in _pieces(stripped):
                result.append(Segment(piece, start + offset, is_headline=has_headline and not result))
        position = match.end() if match else len(text)
    return result
