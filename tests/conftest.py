"""Test-wide guard: tests never touch the network. Any connection to a non-loopback address
fails the test that made it. The servers some tests start (Oxigraph, a Dask cluster) listen
on loopback only, and are reached there."""
from __future__ import annotations

import logging
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "sample.ttl"

_connect = socket.socket.connect


def _guarded_connect(self, address):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and (host.startswith("127.") or host in ("localhost", "::1") or host.startswith("/")):
        return _connect(self, address)
    if self.family == socket.AF_UNIX:
        return _connect(self, address)
    raise AssertionError(f"a test tried to reach the network: {address!r}")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)


@pytest.fixture
def build_folder(tmp_path) -> Path:
    """A build folder holding the fixture graph (graph.ttl only, as an older kg left it)."""
    folder = tmp_path / "out"
    folder.mkdir()
    shutil.copy(FIXTURE, folder / "graph.ttl")
    return folder


# ------------------------------------------------------------ real servers, on loopback only
def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def oxigraph_server(tmp_path) -> Iterator[str]:
    """The URL of a fresh, empty Oxigraph server (`oxigraph serve`, from the `oxigraph` package)
    listening on loopback, its store on disk as in production (and as in a build folder, which
    lists GROUP_CONCAT's values in the same order); stopped after the test."""
    program = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    port = _free_port()
    with open(tmp_path / "oxigraph.log", "wb") as log:
        server = subprocess.Popen([program, "serve", "--location", str(tmp_path / "oxigraph"),
                                   "--bind", f"127.0.0.1:{port}"], stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, (tmp_path / "oxigraph.log").read_text()
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture(scope="session")
def dask_cluster() -> Iterator:
    """A Dask `LocalCluster` on loopback: a scheduler and two worker processes of one thread
    each (each restarted by its nanny if it dies). Its `scheduler_address` is what
    `kg build --cluster` takes."""
    from distributed import LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
    try:
        yield cluster
    finally:
        cluster.close()
