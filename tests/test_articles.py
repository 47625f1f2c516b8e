"""Reading inputs: text and Markdown files, JSONL, folders, standard input, and segments."""
from __future__ import annotations

import io
import json
from datetime import date

import pytest

from kg.articles import InputError, dateline_places, read_articles, segments
from kg.model import Article


def test_text_file_with_headline(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Big News Today\n\nFirst paragraph. Second sentence.\n\nAnother one.\n")
    [article] = read_articles([path], default_date=date(2024, 1, 2))
    assert article.id == "story" and article.title == "Big News Today" and article.date == date(2024, 1, 2)
    parts = segments(article)
    assert [p.text for p in parts] == ["Big News Today", "First paragraph. Second sentence.", "Another one."]
    assert parts[0].is_headline and not parts[1].is_headline
    for part in parts:
        assert article.text[part.start:part.start + len(part.text)] == part.text


def test_markdown_heading(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# A Heading\n\nBody text.\n")
    [article] = read_articles([path])
    assert article.title == "A Heading"
    first = segments(article)[0]
    assert first.text == "A Heading" and article.text[first.start:first.start + 9] == "A Heading"


@pytest.mark.parametrize("first, is_headline", [
    ("Russian Drones Hit Kyiv as Talks Stall", True),
    ("Will the talks in Doha succeed?", True),
    ("MAIDUGURI, Nigeria, May 20 (Reuters) - A military base was overrun.", False),
    ("WASHINGTON/HANOI (AP) — The ministers met.", False),
    ("Gunmen attacked a convoy in the west of the country on Tuesday, officials said.", False),
])
def test_a_lead_paragraph_on_one_line_is_no_headline(first, is_headline):
    parts = segments(Article("a", f"{first}\n\nSecond paragraph."))
    assert parts[0].is_headline == is_headline
    assert not is_headline or parts[0].text == first


def test_no_headline_without_blank_line():
    article = Article("x", "One line\nstill the same paragraph.")
    assert [s.is_headline for s in segments(article)] == [False]


def test_jsonl_records(tmp_path):
    path = tmp_path / "feed.jsonl"
    records = [{"id": "a1", "text": "Hello.", "title": "T", "date": "2024-03-14", "url": "https://x.org/a"},
               {"text": "No id here."}]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n")
    first, second = read_articles([path])
    assert (first.id, first.title, first.date, first.url) == ("a1", "T", date(2024, 3, 14), "https://x.org/a")
    assert second.id == "feed-2"


def test_folder_is_searched_recursively(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("A.")
    (tmp_path / "sub" / "b.md").write_text("B.")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    assert [a.id for a in read_articles([tmp_path])] == ["a", "b"]


def test_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("From a pipe."))
    [article] = read_articles(["-"])
    assert article.id == "stdin" and article.text == "From a pipe."


@pytest.mark.parametrize("content, message", [
    ('{"id": 1, "text": "ok"}\nnot json\n', ":2: not valid JSON"),
    ('{"id": 1}\n', ":1: record has no text"),
    ('[1, 2]\n', ":1: a record must be a JSON object"),
    ('{"text": "x", "date": "14 March"}\n', "not in YYYY-MM-DD form"),
])
def test_bad_jsonl_names_file_and_line(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content)
    with pytest.raises(InputError, match=message) as err:
        list(read_articles([path]))
    assert "bad.jsonl" in str(err.value)


def test_missing_and_empty_inputs(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_articles([tmp_path / "nope.txt"]))
    (tmp_path / "empty.txt").write_text("  \n")
    with pytest.raises(InputError, match="empty article"):
        list(read_articles([tmp_path / "empty.txt"]))


def test_duplicate_ids_are_made_unique(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "news.txt").write_text(f"Story {folder}.")
    assert [a.id for a in read_articles([tmp_path])] == ["news", "news-2"]


def test_crlf_paragraphs_and_unicode_line_separators_in_jsonl(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "Head\r\n\r\nBody one.\u2028Still body."}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    [article] = read_articles([path])
    head, body = segments(article)
    assert head.text == "Head" and head.is_headline
    assert body.text == "Body one.\u2028Still body."


def test_overlong_paragraph_is_cut_at_sentence_ends():
    from kg.articles import MAX_SEGMENT

    text = "A short sentence here. " * (MAX_SEGMENT // 10)
    parts = segments(Article("long", text))
    assert len(parts) > 1 and all(len(p.text) <= MAX_SEGMENT for p in parts)
    for part in parts:
        assert text[part.start:part.start + len(part.text)] == part.text
        assert part.text.endswith(".")


@pytest.mark.parametrize("first, body", [
    ("KYIV, March 3 (Reuters) - Russian drones struck.", "Russian drones struck."),
    ("TRIPOLI (AFP) - The envoy met him.", "The envoy met him."),
    ("WASHINGTON — -The talks began.", "The talks began."),
    ("NATO - Russia talks resumed.", "NATO - Russia talks resumed."),
    ("Kampala (AFP) - Rebels attacked a town.", "Rebels attacked a town."),
    ("WASHINGTON/HANOI, March 25 (Reuters) - The minister met him.", "The minister met him."),
    ("Port Moresby, May 2 (Reuters) - The envoy met him.", "The envoy met him."),
    ("Rebels (from the north) - and others - attacked.", "Rebels (from the north) - and others - attacked."),
])
def test_dateline_is_not_part_of_the_first_paragraph(first, body):
    article = Article("d", f"Headline Here\n\n{first}\n\nMore.")
    segment = segments(article)[1]
    assert segment.text == body and article.text[segment.start:segment.start + len(body)] == body


@pytest.mark.parametrize("first, places", [
    ("TRIPOLI, Libya (AP) — Gunfire echoed.", ["TRIPOLI", "Libya"]),
    ("MEXICO CITY, March 3 (Reuters) - The minister spoke.", ["MEXICO CITY"]),
    ("ANTALYA, Turkey, Nov 17, 2026 (AFP) - Talks opened.", ["ANTALYA", "Turkey"]),
    ("NATO - Russia talks resumed.", []),
    ("Kampala (AFP) - Rebels attacked a town.", ["Kampala"]),
])
def test_the_places_of_a_dateline(first, places):
    article = Article("d", f"Headline Here\n\n{first}\n\nMore.")
    found = dateline_places(article)
    assert [p.text for p in found] == places and all(article.text[p.start:p.end] == p.text for p in found)


def _bad_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Headline\n\nSome text.\n", encoding="utf-8")
    (folder / "empty.txt").write_text(" \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "latin.txt").write_bytes("café au lait".encode("windows-1252"))
    (folder / "utf16.txt").write_bytes("Text in UTF-16.".encode("utf-16"))
    (folder / "big.txt").write_text("x" * 2048, encoding="utf-8")
    (folder / "records.jsonl").write_bytes(
        b'{"id": "a", "text": "First."}\n{bad json\n{"id": "c"}\n[1]\n\xff\xfe\n{"id": "f", "text": "Last."}\n')
    return folder


def test_bad_files_and_records_are_reported_and_skipped(tmp_path):
    errors = []
    articles = list(read_articles([_bad_folder(tmp_path)], on_error=errors.append, max_bytes=1024))
    assert [a.id for a in articles] == ["good", "a", "f", "utf16"]
    assert articles[-1].text == "Text in UTF-16."
    messages = sorted(str(e).split("/in/")[1] for e in errors)
    assert messages == [
        "big.txt: 0.0 MB is over the size limit of 0 MB (see --max-size)",
        "binary.txt: a binary file, not text",
        "empty.txt: empty article",
        "latin.txt: not UTF-8 text (byte 3); convert it first, for example with `iconv -f windows-1252 -t utf-8`",
        "records.jsonl:2: not valid JSON (Expecting property name enclosed in double quotes)",
        "records.jsonl:3: record has no text",
        "records.jsonl:4: a record must be a JSON object",
        "records.jsonl:5: not UTF-8 text",
    ]


def test_without_a_handler_the_first_bad_input_stops_the_reading(tmp_path):
    with pytest.raises(InputError, match="binary.txt: a binary file"):
        list(read_articles([_bad_folder(tmp_path)]))


def test_strict_build_fails_on_a_bad_file_before_any_parsing(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    result = CliRunner().invoke(main, ["build", str(_bad_folder(tmp_path)), "-o", str(tmp_path / "out"), "--strict"])
    assert result.exit_code == 1 and "binary.txt: a binary file, not text" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out" / "store").exists()
