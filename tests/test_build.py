"""Building a corpus into a store with the real model: parallel jobs, --append, and Ctrl-C,
run as a user runs them, from the command line."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.graphstore import GraphStore

pytestmark = pytest.mark.e2e

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
KG = [sys.executable, "-m", "kg"]
CORPORA = [EXAMPLES / name / "articles.jsonl" for name in ("heldout", "heldout2", "heldout3", "heldout4")]


def kg(*args, check=True) -> subprocess.CompletedProcess:
    done = subprocess.run([*KG, *map(str, args)], capture_output=True, text=True, timeout=900)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def quads(out: Path) -> set[str]:
    store = GraphStore.open(out / "store")
    return set(store.store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines())


def by_graph(lines: set[str]) -> dict[str, set[str]]:
    graphs: dict[str, set[str]] = {}
    for line in lines:
        parsed = next(ox.parse(line.encode("utf-8"), ox.RdfFormat.N_QUADS))
        name = parsed.graph_name.value if isinstance(parsed.graph_name, ox.NamedNode) else ""
        graphs.setdefault(name, set()).add(line)
    return graphs


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    path.write_text("".join(c.read_text(encoding="utf-8") for c in CORPORA), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def big(corpus, tmp_path_factory) -> tuple[Path, Path]:
    """The corpus eight times over, with fresh ids, long enough to interrupt; and its build."""
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    folder = tmp_path_factory.mktemp("big")
    path = folder / "big.jsonl"
    path.write_text("".join(json.dumps(dict(r, id=f"{r['id']}~{k}")) + "\n" for k in range(8) for r in records),
                    encoding="utf-8")
    kg("build", path, "-o", folder / "out", "--no-html", "-q")
    return path, folder / "out"


@pytest.fixture(scope="module")
def one_job(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("one") / "out"
    kg("build", corpus, "-o", out, "--jobs", "1", "--no-html", "-q")
    return out


def test_two_jobs_build_the_same_store_as_one(one_job, corpus, tmp_path):
    out = tmp_path / "two"
    kg("build", corpus, "-o", out, "--jobs", "2", "--batch-size", "4", "--no-html", "-q")
    assert quads(out) == quads(one_job)
    assert (out / "graph.ttl").read_bytes() != b""


def test_appending_articles_already_there_changes_nothing(one_job, corpus, tmp_path):
    out = tmp_path / "again"
    kg("build", CORPORA[0], "-o", out, "--no-html", "-q")
    kg("build", corpus, "-o", out, "--append", "--no-html", "-q")  # the first ten again, and the rest
    assert quads(out) == quads(one_job)
    before = (out / "graph.ttl").read_bytes(), quads(out)
    done = kg("build", corpus, "-o", out, "--append", "--no-html")
    assert "42 unchanged and skipped, 0 replaced" in done.stdout
    assert ((out / "graph.ttl").read_bytes(), quads(out)) == before


def test_a_changed_article_replaces_its_own_triples(one_job, corpus, tmp_path):
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    changed = dict(records[0], text="Delegations from Japan and Brazil held talks in Geneva on Monday.")
    edited = tmp_path / "changed.jsonl"
    edited.write_text(json.dumps(changed) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    kg("build", corpus, "-o", out, "--no-html", "-q")
    done = kg("build", edited, "-o", out, "--append", "--no-html")
    assert "0 unchanged and skipped, 1 replaced" in done.stdout
    fresh = tmp_path / "fresh"
    rest = tmp_path / "rest.jsonl"
    rest.write_text("".join(json.dumps(r) + "\n" for r in [changed, *records[1:]]), encoding="utf-8")
    kg("build", rest, "-o", fresh, "--no-html", "-q")
    graphs, expected = by_graph(quads(out)), by_graph(quads(fresh))
    assert {g: v for g, v in graphs.items() if g} == {g: v for g, v in expected.items() if g}
    # shared triples no article supports any more are gone; labels first seen stay
    assert {q.split(" ")[0] for q in graphs[""]} == {q.split(" ")[0] for q in expected[""]}
    rows = kg("query", out, "talks", "--format", "json").stdout
    assert {r["participant"] for r in json.loads(rows) if r["doc"] == changed["id"]} == {"Japan", "Brazil"}


def interrupt(command: list, after: float) -> str:
    process = subprocess.Popen([*KG, *map(str, command)], stderr=subprocess.PIPE, text=True)
    time.sleep(after)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 130, f"not interrupted (finished first?): {stderr}"
    assert "Traceback" not in stderr and "interrupted" in stderr
    return stderr


def test_ctrl_c_keeps_the_store_as_it_was_before_the_batch(big, tmp_path):
    corpus, full = big
    out = tmp_path / "out"
    kg("build", CORPORA[0], "-o", out, "--no-html", "-q")
    start = quads(out)
    interrupt(["build", corpus, "-o", out, "--append", "--jobs", "1", "--batch-size", "2", "--no-html", "-q"], 5)
    now, expected = by_graph(quads(out)), by_graph(quads(full))
    assert len(now) > len(by_graph(start)), "no batch was committed before the interrupt"
    for graph, lines in now.items():  # every article in the store is whole
        if graph and graph in expected:
            assert lines == expected[graph], graph
    assert start <= set().union(*now.values())  # what was there before is still there
    kg("build", corpus, "-o", out, "--append", "--no-html", "-q")  # and running it again finishes it
    finished = by_graph(quads(out))
    assert {g: v for g, v in finished.items() if g in expected and g} == {g: v for g, v in expected.items() if g}


def test_ctrl_c_leaves_a_new_build_folder_as_it_was(big, tmp_path):
    corpus, _ = big
    out = tmp_path / "out"
    kg("build", CORPORA[0], "-o", out, "-q")
    files = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    start = quads(out)
    interrupt(["build", corpus, "-o", out, "--batch-size", "2", "-q"], 5)
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == files
    assert quads(out) == start
    assert sorted(p.name for p in out.iterdir()) == ["graph.html", "graph.ttl", "store"]


AUDIT = r"""
import json, sys
from pathlib import Path

seen = []

def hook(event, args):
    if event in ("socket.connect", "socket.getaddrinfo", "urllib.Request"):
        seen.append([event, repr(args)[:200]])

sys.addaudithook(hook)
from kg.cli import main

example, out = sys.argv[1], Path(sys.argv[2])
for command in (["build", example, "-o", out, "-q"], ["query", out, "attacks"], ["query", out / "graph.ttl", "talks"],
                ["viz", out, "-o", out / "page.html"], ["stats", out], ["export", out, "-o", out / "g.nt"]):
    try:
        main([str(a) for a in command], standalone_mode=False)
    except SystemExit as stop:
        assert not stop.code, (command, stop.code)
print(json.dumps(seen))
"""


def test_nothing_opens_a_network_connection(tmp_path):
    """An audit hook sees every socket connection and name lookup Python makes: build, query,
    viz, stats and export make none."""
    done = subprocess.run([sys.executable, "-c", AUDIT, EXAMPLES / "russia-ukraine-strikes.txt",
                           tmp_path / "out"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_a_folder_with_bad_files_builds_the_good_ones(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Rebels shelled the airport in Goma on Monday.\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "records.jsonl").write_text('{"id": "a", "text": "Israel struck Gaza."}\n{oops\n', encoding="utf-8")
    done = kg("build", folder, "-o", tmp_path / "out", "--no-html")
    assert "Built" in done.stdout and "from 2 articles" in done.stdout and "2 bad inputs skipped" in done.stdout
    assert f"skipped {folder / 'binary.txt'}: a binary file, not text" in done.stderr
    assert f"skipped {folder / 'records.jsonl'}:2: not valid JSON" in done.stderr
    assert "Traceback" not in done.stderr
