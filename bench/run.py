"""The kg benchmark: one command, one run, figures as ratios against baselines in the same run.

    python bench/run.py                   # the full run (about half an hour on 2 cores)
    python bench/run.py --quick           # a small run that checks the benchmark itself works

It prints:
  1. `kg build --jobs 1` throughput against bare spaCy `nlp.pipe` on the same texts with the
     same model (ratio), and `--jobs 2` against `--jobs 1` (speed-up);
  2. peak memory of `kg build` (all its processes) after N and after 5N articles;
  3. each bundled query on a graph of at least 1M triples: on the store against rdflib's
     in-memory graph (milliseconds and ratio);
  4. Turtle and N-Triples export rates (triples/s).
The corpus is ../shared/eval/m2e2_voa.jsonl (229 articles), repeated with fresh ids where
more text is needed.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "eval" / "m2e2_voa.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--quick", action="store_true", help="tiny sizes: checks that the benchmark runs")
    parser.add_argument("--model", default=None)
    parser.add_argument("--steps", default="throughput,memory,queries,export",
                        help="comma-separated steps to run (queries and export use the memory step's smaller build)")
    parser.add_argument("--work", type=Path, help="folder for the builds (default: a temporary one, removed at the end)")
    args = parser.parse_args()
    steps = set(args.steps.split(","))
    if not args.corpus.is_file():
        sys.exit(f"no corpus at {args.corpus}; pass --corpus FILE.jsonl")
    records = [json.loads(line) for line in args.corpus.open(encoding="utf-8") if line.strip()]
    sizes = (80, 240) if args.quick else (2000, 10000)
    throughput_records = records[:16] if args.quick else records
    min_triples = 10_000 if args.quick else 1_000_000

    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        print(f"kg benchmark: corpus {args.corpus.name} ({len(records)} articles), {os.cpu_count()} cores\n")
        if "throughput" in steps:
            throughput(throughput_records, work, args.model)
        big = work / f"build{sizes[0]}"
        if "memory" in steps:
            memory(records, sizes, work, args.model)
        if "queries" in steps:
            queries(big, work, min_triples)
        if "export" in steps:
            export(big, work)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


# ----------------------------------------------------------------------------- corpus
def write_corpus(records: list[dict], n: int, path: Path) -> Path:
    """`n` articles: the records repeated, each copy with fresh ids."""
    with path.open("w", encoding="utf-8") as out:
        for i, record in enumerate(islice(cycle(records), n)):
            copy = i // len(records)
            doc = {"id": f"{record['id']}~{copy}" if copy else record["id"], "text": record["text"]}
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return path


# ----------------------------------------------------------------------------- 1. throughput
def throughput(records: list[dict], work: Path, model: str | None) -> None:
    from kg.articles import read_articles, segments
    from kg.nlp import load_model
    from kg.pipeline import build_to

    corpus = write_corpus(records, len(records), work / "throughput.jsonl")
    texts = [s.text for a in read_articles([corpus]) for s in segments(a)]
    words = sum(len(t.split()) for t in texts)

    def bare() -> float:  # the model's load is counted on both sides
        started = time.perf_counter()
        nlp = load_model(model)
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        return time.perf_counter() - started

    def kg(jobs: int) -> float:
        out = work / f"jobs{jobs}"
        started = time.perf_counter()
        build_to(out, [corpus], model=model, jobs=jobs, html=False)
        seconds = time.perf_counter() - started
        shutil.rmtree(out)
        return seconds

    bare()  # warm the caches once
    bare_first, one, two, bare_last = bare(), kg(1), kg(2), bare()
    spacy_s = (bare_first + bare_last) / 2
    n = len(records)
    print(f"1. Build throughput ({n} articles, {words} words)")
    print(f"   bare spaCy nlp.pipe      {spacy_s:7.1f} s  {n / spacy_s:6.2f} articles/s  (runs: {bare_first:.1f}, {bare_last:.1f})")
    print(f"   kg build --jobs 1        {one:7.1f} s  {n / one:6.2f} articles/s  ratio to spaCy {spacy_s / one:.2f}  (target >= 0.85)")
    print(f"   kg build --jobs 2        {two:7.1f} s  {n / two:6.2f} articles/s  speed-up over --jobs 1 {one / two:.2f}x  (target >= 1.4x)")
    print()


# ----------------------------------------------------------------------------- 2. memory
def memory(records: list[dict], sizes: tuple[int, int], work: Path, model: str | None) -> None:
    """Peak memory of `kg build --jobs 2` at each size; the smaller build is kept for the next steps."""
    print("2. Peak memory of kg build --jobs 2 (all its processes together, sampled every 0.2 s)")
    peaks = []
    for n in sizes:
        corpus = write_corpus(records, n, work / f"corpus{n}.jsonl")
        out = work / f"build{n}"
        command = [sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out), "--jobs", "2", "--no-html", "-q"]
        if model:
            command += ["--model", model]
        started = time.perf_counter()
        peak, parent = run_measured(command)
        seconds = time.perf_counter() - started
        peaks.append(peak)
        print(f"   {n:>6} articles  {seconds:7.1f} s  peak {peak / 2**20:7.1f} MiB (main process {parent / 2**20:.1f} MiB)")
        if n != sizes[0]:
            shutil.rmtree(out)
    print(f"   growth from {sizes[0]} to {sizes[1]} articles: {100 * (peaks[1] / peaks[0] - 1):+.1f}%  (target within 25%)")
    print()


def run_measured(command: list[str]) -> tuple[int, int]:
    """Run `command`; return the peak resident memory of it and its children together, and of it alone."""
    process = subprocess.Popen(command)
    peak = parent = 0
    while process.poll() is None:
        tree = [process.pid, *descendants(process.pid)]
        sizes = [rss(pid) for pid in tree]
        peak, parent = max(peak, sum(sizes)), max(parent, sizes[0])
        time.sleep(0.2)
    if process.returncode:
        sys.exit(f"{' '.join(command)} failed with exit code {process.returncode}")
    return peak, parent


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


# ----------------------------------------------------------------------------- 3. queries
def queries(build: Path, work: Path, min_triples: int) -> None:
    """The bundled queries on the store against rdflib, on the first articles of `build`
    that together hold at least `min_triples` triples."""
    import pyoxigraph as ox
    from rdflib import Graph

    from kg.graphstore import GraphStore
    from kg.query import named_queries, run

    source = ox.Store.read_only(str(build / "store"))
    shutil.rmtree(work / "subset", ignore_errors=True)
    subset = ox.Store(str(work / "subset"))
    quads = list(source.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    for graph in source.named_graphs():
        if len(quads) >= min_triples:
            break
        quads += source.quads_for_pattern(None, None, None, graph)
    subset.bulk_extend(quads)
    subset.flush()
    del subset, source
    store = GraphStore.open(work / "subset")
    graph = Graph()
    for quad in quads:  # rdflib in memory, the same triples
        graph.add((_rdflib(quad.subject), _rdflib(quad.predicate), _rdflib(quad.object)))
    print(f"3. Bundled queries on {len(store)} triples: kg's store (Oxigraph on disk) against rdflib in memory")
    for name in named_queries():
        run(store, name)  # warm
        fast, rows = _best_of(3, lambda: len(run(store, name).rows))
        slow, slow_rows = _best_of(3, lambda: len(run(graph, name).rows))
        check = "" if rows == slow_rows else f"  (rdflib gave {slow_rows} rows)"
        print(f"   {name:<15} store {1000 * fast:8.1f} ms   rdflib {1000 * slow:9.1f} ms   {slow / fast:6.1f}x faster"
              f"   {rows} rows{check}")
    print("   (best of three runs on each side; targets: every query <= 300 ms on the store, and >= 10x faster than rdflib)")
    print()


def _best_of(times: int, job) -> tuple[float, object]:
    """The shortest of `times` timed runs of `job`, and what it returned."""
    best, result = float("inf"), None
    for _ in range(times):
        started = time.perf_counter()
        result = job()
        best = min(best, time.perf_counter() - started)
    return best, result


def _rdflib(term):
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


# ----------------------------------------------------------------------------- 4. export
def export(build: Path, work: Path) -> None:
    from kg.store import export as export_graph, open_store

    print(f"4. Export of the {build.name.removeprefix('build')}-article build")
    for fmt in ("ttl", "nt"):
        store = open_store(build)
        target = work / f"export.{fmt}"
        started = time.perf_counter()
        export_graph(store, target, fmt)
        seconds = time.perf_counter() - started
        print(f"   {fmt:<4} {len(store):>9} triples  {seconds:6.2f} s  {len(store) / seconds:>10,.0f} triples/s  (target >= 500,000)")
        target.unlink()
    print()


if __name__ == "__main__":
    main()
