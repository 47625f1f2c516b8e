"""Fuzzing: random bytes, random Unicode and random JSON fed to the article reader and to
`kg build`. Every run ends in a clean one-line error or a valid graph, never a traceback."""
from __future__ import annotations

import functools
import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings, strategies as st
from rdflib import Graph

import kg.nlp
from kg.articles import read_articles
from kg.cli import main
from kg.errors import InputError
from kg.graphstore import GraphStore

SUFFIXES = [".txt", ".md", ".jsonl", ""]
# news words, so that random text reaches the extraction rules, among any other characters
WORDS = ["Russia", "Ukraine", "Kyiv", "U.S.", "Hamas", "Israel", "Blinken", "attacked", "struck", "met", "talks",
         "minister", "said", "denied", "will", "not", "the", "in", "on", "Monday", "March 14, 2024", "drone",
         "missile", ",", ".", "\"", "—", "'s", "\n", "\n\n", "\r\n", "\t", "🚀", "مرحبا", "e\u0301", "\u200b", "\x00"]
NEWSY = st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=120).map(" ".join)
UNICODE = st.text(max_size=600) | NEWSY
JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | UNICODE,
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                          max_leaves=8)
RECORD = st.fixed_dictionaries({}, optional={"id": JSON_VALUE, "text": UNICODE | JSON_VALUE, "title": JSON_VALUE,
                                             "date": st.dates().map(str) | JSON_VALUE, "url": JSON_VALUE})
JSONL = st.lists(RECORD.map(json.dumps) | st.text(max_size=40), max_size=5).map("\n".join)
FILE_BYTES = st.binary(max_size=800) | UNICODE.map(str.encode) | JSONL.map(str.encode) \
    | st.sampled_from(["utf-16", "utf-32", "latin-1", "cp1252"]).flatmap(
        lambda codec: NEWSY.map(lambda text: text.encode(codec, errors="replace")))
SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@settings(max_examples=300, **SETTINGS)
@given(data=FILE_BYTES, suffix=st.sampled_from(SUFFIXES))
def test_the_reader_gives_articles_or_input_errors(tmp_path, data, suffix):
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    errors = []
    for article in read_articles([path], on_error=errors.append):
        assert isinstance(article.text, str) and article.text.strip() and isinstance(article.id, str)
    assert all(isinstance(error, InputError) and str(path) in str(error) for error in errors)


@pytest.fixture(scope="module")
def one_model():
    """The model loaded once for all the examples, not once a build."""
    patch = pytest.MonkeyPatch()
    patch.setattr(kg.nlp, "load_model", functools.cache(kg.nlp.load_model))
    yield
    patch.undo()


@pytest.mark.e2e
@settings(max_examples=60, **SETTINGS)
@given(data=FILE_BYTES, suffix=st.sampled_from(SUFFIXES), strict=st.booleans())
def test_kg_build_ends_in_a_clean_error_or_a_valid_graph(tmp_path_factory, one_model, data, suffix, strict):
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    out = folder / "out"
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(out), "-j", "1", "--no-html", "-q",
                                       *(["--strict"] if strict else [])])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    event("built" if result.exit_code == 0 else "refused")
    if result.exit_code == 0:
        graph = Graph().parse(out / "graph.ttl", format="turtle")  # rdflib reads it
        assert len(list(ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE))) == len(graph)
        store = GraphStore.open(out / "store")
        assert len(store) >= len(graph)  # the same triples, some in more than one article graph
        store.close()
    else:
        assert result.exit_code == 1
        assert [line for line in result.output.splitlines() if line.startswith("Error")], result.output
        assert not out.exists()
