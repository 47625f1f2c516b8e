"""Parsing and extraction in batches, in this process or in a pool of worker processes.

Each worker loads the model once and turns batches of articles into `ArticleRdf` values
(plain strings, cheap to send back). Batches come back in input order, so the same input
gives the same graph however many jobs ran. At most a few batches are in flight at a time:
the input is streamed, never read whole. spaCy's vocabulary is kept from growing with the
corpus by parsing each batch inside `nlp.memory_zone()`.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice

from .errors import KgError, ModelError
from .model import Article, Extraction
from .rdf import ArticleRdf, article_rdf

BATCH_SIZE = 32  # articles a batch: big enough for nlp.pipe, small enough to commit often


def default_jobs() -> int:
    """One job per core this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def batches(articles: Iterable[Article], size: int = BATCH_SIZE) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def extractions(nlp, articles: Iterable[Article], size: int = BATCH_SIZE) -> Iterator[Extraction]:
    """Parse and extract `articles` with the loaded pipeline `nlp`, batch by batch."""
    from .nlp import parse
    from .rules import extract_article

    for batch in batches(articles, size):
        with nlp.memory_zone():  # strings and lexemes made for this batch are freed after it
            yield from [extract_article(article, parsed) for article, parsed in parse(nlp, batch)]


def process(batches: Iterable[list[Article]], *, model: str | None = None, jobs: int = 1,
            nlp=None) -> Iterator[list[ArticleRdf]]:
    """The RDF of each batch of articles, in order, using `jobs` processes.

    With one job, or when the input is a single batch, everything runs in this process.
    """
    iterator = iter(batches)
    first = next(iterator, None)
    if first is None:
        return
    second = next(iterator, None)
    todo = [first] if second is None else chain([first, second], iterator)
    if jobs <= 1 or second is None:
        nlp = nlp or _load(model)
        for batch in todo:
            yield [article_rdf(x) for x in extractions(nlp, batch, len(batch))]
        return
    yield from _pooled(todo, model, jobs)


def _load(model: str | None):
    from .nlp import load_model

    return load_model(model)


def _pooled(batches: Iterator[list[Article]], model: str | None, jobs: int) -> Iterator[list[ArticleRdf]]:
    context = multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn")
    if context.get_start_method() == "forkserver":  # workers fork from a server that has spaCy loaded
        context.set_forkserver_preload(["kg.workers", "kg.nlp", "kg.rules"])
    pending: deque = deque()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start, initargs=(model,)) as pool:
        try:
            for batch in batches:
                pending.append(pool.submit(work, batch, model))
                if len(pending) >= 2 * jobs:  # keep the workers busy, but no more in memory
                    yield _result(pending.popleft())
            while pending:
                yield _result(pending.popleft())
        except BaseException:
            for future in pending:
                future.cancel()
            raise


def _result(future) -> list[ArticleRdf]:
    try:
        outcome = future.result()
    except BrokenProcessPool:
        raise KgError("a worker process died (out of memory?); try fewer --jobs") from None
    if isinstance(outcome, KgError):
        raise outcome
    return outcome


_models: dict[str | None, object] = {}  # in a worker process: the model loaded, by name
_loading = threading.Lock()


def _start(model: str | None) -> None:
    """Worker start: load the model once; Ctrl-C is for the main process to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    work([], model)


def work(batch: list[Article], model: str | None = None) -> list[ArticleRdf] | KgError:
    """The RDF of `batch`, parsed in this process with `model`, loaded on first use and kept.

    Runs in a worker process (of the local pool or of a Dask cluster); a model that cannot
    be loaded is returned as the error, for the main process to raise. One batch at a time
    in a process: spaCy's memory zones must not overlap.
    """
    with _loading:
        nlp = _models.get(model)
        if nlp is None:
            try:
                nlp = _models[model] = _load(model)
            except ModelError as err:
                return err
        return [article_rdf(x) for x in extractions(nlp, batch, len(batch))] if batch else []
