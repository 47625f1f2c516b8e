"""Test-wide guard: tests never touch the network. Any connection to a non-loopback address
fails the test that made it."""
from __future__ import annotations

import shutil
import socket
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
