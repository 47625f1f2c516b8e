"""The build: articles in, knowledge graph out.

`extract` streams one `Extraction` per article; `build` gathers them into an rdflib Graph;
`build_to` writes a build folder: the store (`OUT/store/`), `OUT/graph.ttl` and
`OUT/graph.html`, and returns a summary. A new build is made beside the old one and
swapped in only when complete; `append=True` adds to the store in place, batch by batch.
`build_into` writes into a SPARQL server instead, and `load_into` copies a build folder
there. Parsing runs in local processes, or on a Dask cluster with `cluster=ADDRESS`.
"""
from __future__ import annotations

import os
import queue
import shutil
import tempfile
import threading
from collections import Counter
from contextlib import contextmanager
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rdflib import Graph

from .articles import MAX_BYTES, OnError, read_articles
from .errors import InputError, StoreError
from .graphstore import STORE_DIR, GraphStore, TurtleWriter, graph_of, uninterrupted
from .model import Article, Extraction
from .rdf import LABEL, ArticleRdf, SharedTriples, fingerprint, to_graph
from .remote import RemoteStore
from .store import GRAPH_FILE, HTML_FILE, atomic_write
from .vocab import ENTITY_CLASSES, article_iri
from .workers import BATCH_SIZE, batches, default_jobs, extractions, process

Inputs = Iterable[str | Path | Article]
HTML_MAX_TRIPLES = 300_000  # above this, graph.html is left out: draw a part with `kg viz --focus`


def _articles(inputs: Inputs, default_date: date | None, **reading) -> Iterator[Article]:
    paths: list[str | Path] = []
    for item in [inputs] if isinstance(inputs, (str, Path, Article)) else inputs:
        if isinstance(item, Article):
            yield from read_articles(paths, default_date, **reading)
            paths = []
            yield item
        else:
            paths.append(item)
    yield from read_articles(paths, default_date, **reading)


def extract(inputs: Inputs, *, model: str | None = None, date: date | None = None, nlp=None) -> Iterator[Extraction]:
    """Parse and extract each article in `inputs` (paths, folders, "-" or `Article` values)."""
    from .nlp import load_model

    yield from extractions(nlp or load_model(model), _articles(inputs, date))


def build(inputs: Inputs, *, model: str | None = None, date: date | None = None, nlp=None, jobs: int = 1) -> Graph:
    """The knowledge graph of the articles in `inputs`, as an rdflib Graph.

    >>> graph = build(["examples/russia-ukraine-strikes.txt"])  # doctest: +SKIP
    """
    done = process(batches(_articles(inputs, date)), model=model, jobs=jobs, nlp=nlp)
    return to_graph(rdf for batch in done for rdf in batch)


@dataclass
class Summary:
    articles: int = 0  # articles read
    skipped: int = 0  # already in the store, unchanged (with append)
    replaced: int = 0  # in the store with other content, replaced (with append)
    triples: int = 0
    events: Counter = field(default_factory=Counter)  # (type, status) -> count
    offices: int = 0
    entities: int = 0
    workers: int = 0  # processes that parsed: --jobs, or the Dask cluster's workers
    outputs: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def build_to(out: str | Path, inputs: Inputs, *, model: str | None = None, date: date | None = None,
             jobs: int | None = None, append: bool = False, html: bool = True, batch_size: int = BATCH_SIZE,
             on_article: Callable[[str], None] | None = None, on_bad_input: OnError | None = None,
             max_bytes: int = MAX_BYTES, cluster: str | None = None) -> Summary:
    """Build the articles in `inputs` into the build folder `out`; return a summary.

    `jobs` processes parse (default: one per core), or the workers of the Dask cluster whose
    scheduler is at `cluster` (`tcp://HOST:8786`). With `append`, articles are added to
    the store already in `out`: one with the same id and content is skipped, one whose
    content changed replaces its old triples. A bad input file or record (see
    `read_articles`) stops the build, or with `on_bad_input` is handed to it and skipped.
    The output folder is checked before any parsing, so a path that cannot be written fails
    at once, not after the whole corpus.
    """
    reading = {"on_error": on_bad_input, "max_bytes": max_bytes}
    out = Path(out)
    made = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    try:
        if not os.access(out, os.W_OK):
            raise PermissionError(13, "output folder is not writable", str(out))
        in_place = append and (out / STORE_DIR / "CURRENT").is_file()
        if append and not in_place and (out / GRAPH_FILE).is_file():
            raise InputError(f"{out}: has a graph.ttl but no store to append to (made by an older kg?); "
                             "build it again without --append")
        _remove_leftovers(out)
        with _parser(model, jobs, cluster) as parse:  # a cluster is reached before anything is made
            where = out if in_place else Path(tempfile.mkdtemp(prefix=f".build-{os.getpid()}-", dir=out))
            return _build_folder(out, where, in_place, parse, _articles(inputs, date, **reading), html, batch_size,
                                 on_article)
    except BaseException:
        if made:  # a build that fails leaves no trace, not even the folder it made
            shutil.rmtree(out, ignore_errors=True)
        raise


def _build_folder(out: Path, where: Path, in_place: bool, parse, articles: Iterator[Article], html: bool,
                  batch_size: int, on_article) -> Summary:
    store = None
    try:
        if in_place:
            store = GraphStore.open(out / STORE_DIR, read_only=False)
            for name in (GRAPH_FILE, HTML_FILE):  # rewritten at the end; never left stale
                (out / name).unlink(missing_ok=True)
            summary = _fill(store, articles, parse, batch_size, on_article, None)
            with atomic_write(out / GRAPH_FILE, "wb") as handle:
                store.write(handle, "ttl")
        else:
            store = GraphStore.create(where / STORE_DIR)
            with atomic_write(where / GRAPH_FILE, "wb") as handle:
                summary = _fill(store, articles, parse, batch_size, on_article, TurtleWriter(handle))
        summary.triples = len(store)
        summary.entities = store.count_entities(ENTITY_CLASSES.values())
        store.snapshot = where / GRAPH_FILE
        names = [STORE_DIR, GRAPH_FILE]
        if html and summary.triples <= HTML_MAX_TRIPLES:
            from .viz import write_html

            write_html(graph_of(store), where / HTML_FILE, title=out.name or "kg")
            names.append(HTML_FILE)
        elif html:
            summary.notes.append(f"graph.html left out: {summary.triples} triples are too many to draw at once; "
                                 f"draw a part with `kg viz {out}`")
        store.close()
        if not in_place:
            _swap_in(where, out, names)
        summary.outputs += [out / name for name in names if name != STORE_DIR]
        return summary
    finally:
        if store is not None:
            store.close()
        if not in_place:
            shutil.rmtree(where, ignore_errors=True)


def _fill(store: GraphStore, articles: Iterator[Article], parse: _Parser, batch_size: int,
          on_article, turtle: TurtleWriter | None) -> Summary:
    """Parse the articles into `store` (and `turtle`, when given, for a new store).

    Into a store that already has articles (no `turtle`), unchanged articles are skipped,
    changed ones replaced, and each batch is one transaction. Writing happens in a thread
    beside the parse, so the store costs little time.
    """
    summary = Summary(workers=parse.workers)
    check = turtle is None
    replacing: set[str] = set()
    shared = store.shared_triples()

    def todo() -> Iterator[Article]:
        for article in articles:
            summary.articles += 1
            if check:
                graph = str(article_iri(article.id))
                stored = store.fingerprint(graph)
                if _unchanged(article, stored, summary, on_article):
                    continue
                if stored is not None:
                    replacing.add(graph)
            yield article

    def write(item: tuple[list[str], str, str | None]) -> None:
        replace, quads, triples = item
        store.add(quads.encode("utf-8"), replace, atomic=check)
        if turtle is not None:
            turtle.write(triples.encode("utf-8"))

    with Behind(write) as writer:
        for batch in parse(batches(todo(), batch_size)):
            replace = [rdf.graph for rdf in batch if rdf.graph in replacing]
            replacing.difference_update(replace)
            summary.replaced += len(replace)
            common = "".join([line for rdf in batch for line in shared.new(rdf)])  # default graph
            quads = "".join([rdf.nquads() for rdf in batch]) + common
            triples = "".join([rdf.ntriples for rdf in batch]) + common if turtle is not None else None
            writer.put((replace, quads, triples))
            _count(batch, summary, on_article)
    _check_some(summary)
    if summary.replaced:
        store.collect_garbage()
    return summary


def _unchanged(article: Article, stored: str | None, summary: Summary, on_article) -> bool:
    """Whether the store holds `article` as it is (its `stored` fingerprint): then it is skipped."""
    if stored != fingerprint(article):
        return False
    summary.skipped += 1
    if on_article:
        on_article(article.id)
    return True


def _count(batch: list[ArticleRdf], summary: Summary, on_article) -> None:
    for rdf in batch:
        summary.events.update(rdf.events)
        summary.offices += rdf.offices
        if on_article:
            on_article(rdf.doc_id)


def _check_some(summary: Summary) -> None:
    if summary.articles == 0:
        raise InputError("no articles to build: none found in the input (looked for .txt, .md and .jsonl files), "
                         "or every one was bad")


class _Parser:
    """Batches of articles in, their RDF out, in order: in local processes or on a cluster."""

    def __init__(self, run: Callable[[Iterable[list[Article]]], Iterator[list[ArticleRdf]]], workers: int):
        self.run = run
        self.workers = workers

    def __call__(self, todo: Iterable[list[Article]]) -> Iterator[list[ArticleRdf]]:
        return self.run(todo)


@contextmanager
def _parser(model: str | None, jobs: int | None, cluster: str | None) -> Iterator[_Parser]:
    if cluster is None:
        jobs = jobs or default_jobs()
        yield _Parser(lambda todo: process(todo, model=model, jobs=jobs), jobs)
        return
    from .cluster import Cluster

    with Cluster(cluster) as connection:
        yield _Parser(lambda todo: connection.process(todo, model=model), connection.workers)


def build_into(url: str | RemoteStore, inputs: Inputs, *, model: str | None = None, date: date | None = None,
               jobs: int | None = None, cluster: str | None = None, batch_size: int = BATCH_SIZE,
               on_article: Callable[[str], None] | None = None, on_bad_input: OnError | None = None,
               max_bytes: int = MAX_BYTES) -> Summary:
    """Build the articles in `inputs` into the SPARQL server at `url` (see `kg.remote.Endpoints.of`).

    Each article is its own named graph. Before a batch is parsed, one query asks the server
    for its articles' fingerprints: an unchanged article is skipped (so running it again
    writes nothing), a changed one replaced. Parsing runs as in `build_to`, locally or on
    `cluster`; writing runs in a thread beside it. Raises StoreError when the server cannot
    be reached (after retries) or refuses a write.
    """
    remote = url if isinstance(url, RemoteStore) else RemoteStore(url)
    summary = Summary()
    shared = SharedTriples()
    articles = _articles(inputs, date, on_error=on_bad_input, max_bytes=max_bytes)

    def todo() -> Iterator[list[Article]]:
        for batch in batches(articles, batch_size):
            summary.articles += len(batch)
            stored = remote.fingerprints(str(article_iri(a.id)) for a in batch)
            fresh = []
            for article in batch:
                known = stored.get(str(article_iri(article.id)))
                if _unchanged(article, known, summary, on_article):
                    continue
                summary.replaced += known is not None
                fresh.append(article)
            if fresh:
                yield fresh

    def write(batch: list[ArticleRdf]) -> None:
        summary.triples += remote.write(batch, shared)

    with _parser(model, jobs, cluster) as parse:
        summary.workers = parse.workers
        with Behind(write) as writer:
            for batch in parse(todo()):
                writer.put(batch)
                _count(batch, summary, on_article)
    _check_some(summary)
    if summary.replaced:
        remote.collect_garbage()
    return summary


def load_into(location: str | Path, url: str | RemoteStore, *, batch_size: int = BATCH_SIZE,
              on_article: Callable[[str], None] | None = None) -> Summary:
    """Copy the build folder `location` into the SPARQL server at `url`, as `build_into` writes.

    Articles already on the server with the same fingerprint are skipped (when all are, nothing
    is sent); the shared triples go first, each node keeping a label the server already has.
    """
    from .store import open_store

    if not (Path(location) / STORE_DIR / "CURRENT").is_file():
        raise StoreError(f"{location}: not a build folder with a store (kg load copies what `kg build -o` made)")
    remote = url if isinstance(url, RemoteStore) else RemoteStore(url)
    store = open_store(location)
    summary = Summary()
    try:
        todo: list[str] = []
        for graphs in batches(store.article_graphs(), batch_size):
            stored = remote.fingerprints(graphs)
            for graph in graphs:
                summary.articles += 1
                mine = store.fingerprint(graph)
                if mine is not None and stored.get(graph) == mine:
                    summary.skipped += 1
                    if on_article:
                        on_article(graph)
                else:
                    summary.replaced += graph in stored
                    todo.append(graph)
        if todo:  # the shared triples first, then the articles that need them
            default = store.default_triples()
            labelled = remote.labelled(s for s, p, _ in default if p == LABEL)  # those keep the label they have
            lines = [f"{s} {p} {o} .\n" for s, p, o in default if p != LABEL or s not in labelled]
            for start in range(0, len(lines), 10_000):
                remote.add_shared("".join(lines[start:start + 10_000]).encode("utf-8"))
            summary.triples += len(lines)
        for graph in todo:
            ntriples = store.graph_ntriples(graph)
            remote.put_graph(graph, ntriples)
            summary.triples += ntriples.count(b"\n")
            if on_article:
                on_article(graph)
        if summary.replaced:
            remote.collect_garbage()
    finally:
        store.close()
    return summary


class Behind:
    """Run `work` on each item put, in a thread behind the caller, a few items queued at most.

    An error in the thread comes out of the next `put` or of leaving the block; leaving
    the block by an error (or Ctrl-C) drops what is queued but lets the current item finish.
    """

    def __init__(self, work: Callable, depth: int = 2):
        self.work = work
        self.queue: queue.Queue = queue.Queue(maxsize=depth)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="kg-writer", daemon=True)

    def __enter__(self) -> Behind:
        self.thread.start()
        return self

    def put(self, item) -> None:
        while True:
            self._raise()
            try:
                self.queue.put(item, timeout=0.5)
                return
            except queue.Full:
                continue

    def __exit__(self, kind, value, traceback) -> None:
        if kind is not None:  # drop what waits; the item being written is finished
            while not self.queue.empty():
                self.queue.get_nowait()
        self.queue.put(_DONE)
        self.thread.join()
        if kind is None:
            self._raise()

    def _run(self) -> None:
        while (item := self.queue.get()) is not _DONE:
            if self.error is None:
                try:
                    self.work(item)
                except BaseException as err:  # handed to the caller
                    self.error = err

    def _raise(self) -> None:
        if self.error is not None:
            raise self.error


_DONE = object()


def _remove_leftovers(out: Path) -> None:
    """Remove what a build that was killed (not interrupted) left in `out`."""
    for path in out.glob(".build-*-*"):
        pid = path.name.split("-")[1]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists() and Path("/proc/self").exists():
            shutil.rmtree(path, ignore_errors=True)


def _swap_in(staging: Path, out: Path, names: list[str]) -> None:
    """Move the finished outputs from `staging` into `out`, all together."""
    trash = Path(tempfile.mkdtemp(prefix=f".build-{os.getpid()}-old-", dir=out))
    with uninterrupted():
        for name in names:
            if (out / name).exists():
                os.replace(out / name, trash / name)
            os.replace(staging / name, out / name)
        if HTML_FILE not in names and (out / HTML_FILE).exists():  # a stale view would mislead
            os.replace(out / HTML_FILE, trash / HTML_FILE)
    shutil.rmtree(trash, ignore_errors=True)
