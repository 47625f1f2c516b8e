"""Parsing on a real Dask cluster on loopback (a scheduler and two worker processes): the same
graph as a local build, into a build folder or an Oxigraph server, even when a worker is
killed mid-run; and one-line errors for a scheduler that cannot be reached or a model the
workers lack."""
from __future__ import annotations

import functools
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.articles import read_articles
from kg.cluster import Cluster
from kg.errors import ClusterError, ModelError
from kg.pipeline import build_into, build_to
from kg.query import named_queries, run
from kg.remote import RemoteStore
from kg.store import open_store

from .test_remote import folder_quads, server_quads

pytestmark = pytest.mark.e2e

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SMALL = [EXAMPLES / "heldin" / "articles.jsonl", EXAMPLES / "russia-ukraine-strikes.txt"]
KG = [sys.executable, "-m", "kg"]


@pytest.fixture(scope="module")
def local_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("local") / "out"
    build_to(out, SMALL, jobs=1, html=False, batch_size=1)
    return out


def worker_pids(cluster) -> list[int]:
    from distributed import Client

    with Client(cluster.scheduler_address, set_as_default=False) as client:
        return sorted(client.run(os.getpid).values())


def test_a_cluster_build_equals_the_local_build(dask_cluster, local_build, tmp_path):
    out = tmp_path / "out"
    done = subprocess.run([*KG, "build", *SMALL, "-o", out, "--cluster", dask_cluster.scheduler_address,
                           "--batch-size", "1", "--no-html"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "from 6 articles" in done.stdout and "a worker)" in done.stdout
    assert folder_quads(out) == folder_quads(local_build)
    assert isomorphic(Graph().parse(out / "graph.ttl"), Graph().parse(local_build / "graph.ttl"))


def test_a_worker_killed_mid_build_loses_no_article(dask_cluster, local_build, oxigraph_server):
    """Both workers have batches when one is killed; the scheduler runs its batches again on
    the other (and on the one its nanny restarts), and the graph in the server is complete."""
    from distributed import Client

    killed: list[int] = []
    with Client(dask_cluster.scheduler_address, set_as_default=False) as client:
        address, victim = sorted(client.run(os.getpid).items())[0]

        def kill_once(doc_id: str) -> None:
            """Kill the victim while it holds a batch, so that one really has to be run again."""
            if not killed and client.processing(workers=[address]).get(address):
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)

        summary = build_into(oxigraph_server, SMALL, cluster=dask_cluster.scheduler_address, batch_size=1,
                             on_article=kill_once)
    assert killed and victim not in worker_pids(dask_cluster)
    assert summary.articles == 6
    assert server_quads(oxigraph_server) == folder_quads(local_build)
    server, folder = RemoteStore(oxigraph_server), open_store(local_build)
    for name in named_queries():
        assert run(server, name).rows == run(folder, name).rows, name


def _fails_once(batch, model, marker: Path):
    """`work`, but the first call on the cluster raises, as a flaky worker would."""
    from kg.workers import work

    try:
        marker.open("x").close()
    except FileExistsError:
        return work(batch, model)
    raise ConnectionResetError("the disk went away")


def test_a_failed_task_is_retried(dask_cluster, local_build, tmp_path, monkeypatch):
    import kg.cluster

    marker = tmp_path / "failed-once"
    monkeypatch.setattr(kg.cluster, "work", functools.partial(_fails_once, marker=marker))
    build_to(tmp_path / "out", SMALL, cluster=dask_cluster.scheduler_address, batch_size=1, html=False)
    assert marker.exists()
    assert folder_quads(tmp_path / "out") == folder_quads(local_build)


def test_a_model_the_workers_lack_is_one_error(dask_cluster, tmp_path):
    with pytest.raises(ModelError, match="no_such_model"):
        build_to(tmp_path / "out", SMALL, cluster=dask_cluster.scheduler_address, model="no_such_model")
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_an_unreachable_scheduler_is_one_line():
    with pytest.raises(ClusterError, match=r"^cannot reach the Dask scheduler at tcp://127.0.0.1:9: Timed out"):
        Cluster("tcp://127.0.0.1:9", timeout=1)


@pytest.mark.parametrize("address", ["foo", "http://127.0.0.1:8786", "tcp://127.0.0.1"])
def test_a_malformed_scheduler_address_is_one_line(address):
    with pytest.raises(ClusterError, match="not the address of a Dask scheduler"):
        Cluster(address)


def test_a_cluster_left_without_workers_stops_the_build(tmp_path):
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as local:
        cluster = Cluster(local.scheduler_address, no_worker_timeout=2)
        with Client(local.scheduler_address) as client:
            client.retire_workers(close_workers=True)
        started = time.monotonic()
        with pytest.raises(ClusterError, match="has had no worker for 2 s"):
            list(cluster.process([list(read_articles(SMALL))]))
        assert time.monotonic() - started < 30
        cluster.close()
