"""Parsing and extraction on a Dask distributed cluster: another way to run `workers.process`.

The same batches go in and the same `ArticleRdf` lists come out, in input order, so a build
on a cluster gives the same graph as one on this machine. Each worker process loads the
model once (`workers.work`). A task that fails is retried; the tasks of a worker that is
lost (killed, out of memory, its machine gone) are run again on another by the scheduler,
so no article is lost. The workers need kg installed, at the same version as here.
"""
from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Iterable, Iterator

from .errors import ClusterError, KgError
from .model import Article
from .rdf import ArticleRdf
from .workers import work

RETRIES = 3  # a task that raised is run again this many times
CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler and to see a first worker
NO_WORKER_TIMEOUT = 120.0  # seconds a build waits for a worker when the cluster has none left


class Cluster:
    """A connection to the Dask scheduler at `address` (`tcp://HOST:8786`).

    Raises ClusterError when Dask is not installed, the scheduler cannot be reached, it has
    no worker, or its workers cannot run this version of kg.

    >>> with Cluster("tcp://127.0.0.1:8786") as cluster:            # doctest: +SKIP
    ...     for rdfs in cluster.process(batches(articles)): ...
    """

    def __init__(self, address: str, timeout: float = CONNECT_TIMEOUT, no_worker_timeout: float = NO_WORKER_TIMEOUT):
        try:
            from distributed import Client
        except ImportError:
            raise ClusterError("--cluster needs Dask distributed: pip install 'kg-news[cluster]'") from None
        if not re.fullmatch(r"(tcp|tls)://[^\s/:]+:\d+|(tcp|tls)://\[[0-9a-fA-F:]+\]:\d+", address):
            raise ClusterError(f"{address}: not the address of a Dask scheduler (tcp://HOST:PORT, such as "
                               "tcp://10.0.0.5:8786)")
        self.address = address
        self.no_worker_timeout = no_worker_timeout
        try:
            self.client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as err:
            raise ClusterError(f"cannot reach the Dask scheduler at {address}: {_first_line(err)}") from None
        try:
            self._check(timeout)
        except BaseException:
            self.client.close()
            raise

    def _check(self, timeout: float) -> None:
        from . import __version__

        try:
            self.client.wait_for_workers(1, timeout=timeout)
        except TimeoutError:
            raise ClusterError(f"the Dask scheduler at {self.address} has no worker "
                               f"(start some with `dask worker {self.address} --nthreads 1`)") from None
        try:
            versions = self.client.run(_kg_version)
        except Exception as err:  # a worker that cannot unpickle kg's functions
            raise ClusterError(f"the workers of {self.address} cannot run kg ({_first_line(err)}); "
                               "install kg-news on every worker") from None
        wrong = sorted(f"{worker} has {version}" for worker, version in versions.items() if version != __version__)
        if wrong:
            raise ClusterError(f"the workers of {self.address} need kg {__version__}: {'; '.join(wrong)}")

    @property
    def workers(self) -> int:
        """How many workers the cluster has now."""
        return len(self.client.nthreads())

    def process(self, batches: Iterable[list[Article]], *, model: str | None = None) -> Iterator[list[ArticleRdf]]:
        """The RDF of each batch of articles, in order, parsed on the cluster's workers.

        Two batches a worker are in flight at most, so the input is streamed as locally.
        Raises ClusterError when a batch killed every worker that ran it (Dask's
        `allowed-failures`), and the error a worker returned (a model it lacks, say).
        """
        pending: deque = deque()
        in_flight = 2 * max(self.workers, 1)
        try:
            for index, batch in enumerate(batches):
                pending.append(self.client.submit(work, batch, model, retries=RETRIES, pure=False,
                                                  priority=-index))  # earlier batches first
                if len(pending) >= in_flight:
                    yield self._result(pending.popleft())
            while pending:
                yield self._result(pending.popleft())
        finally:
            for future in pending:
                future.cancel()

    def _result(self, future) -> list[ArticleRdf]:
        from distributed.scheduler import KilledWorker

        alone_since = None  # when the cluster was last seen without a worker
        while True:
            try:
                outcome = future.result(timeout=1)
                break
            except KilledWorker:
                raise ClusterError("a batch of articles killed every worker that ran it (out of memory?); "
                                   "try a smaller --batch-size") from None
            except TimeoutError:
                if self.workers:
                    alone_since = None
                elif alone_since is None:
                    alone_since = time.monotonic()
                elif time.monotonic() - alone_since > self.no_worker_timeout:
                    raise ClusterError(f"the Dask scheduler at {self.address} has had no worker for "
                                       f"{self.no_worker_timeout:g} s; start some and run the build again "
                                       "(with --append or --store, the articles already built are skipped)") from None
            except KgError:
                raise
            except BaseException as err:  # the scheduler lost, a task that failed all its retries
                if isinstance(err, (KeyboardInterrupt, SystemExit)):
                    raise
                raise ClusterError(f"the cluster at {self.address} failed: {_first_line(err)}") from None
        if isinstance(outcome, KgError):
            raise outcome
        return outcome

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _kg_version() -> str:
    from . import __version__

    return __version__


def _first_line(err: BaseException) -> str:
    text = str(err).strip() or type(err).__name__
    return text.splitlines()[0]
