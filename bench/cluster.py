"""The scale-out acceptance: a corpus built through a two-worker Dask cluster into an Oxigraph
server gives the same graph and the same rows for every bundled query as a local build, also
when a worker is killed mid-build.

    python bench/cluster.py                     # m2e2_voa (229 articles), about 5 minutes on 2 cores
    python bench/cluster.py --corpus examples/heldin/articles.jsonl

Everything runs on loopback, as a user runs it: `oxigraph serve`, `dask scheduler` and two
`dask worker --nthreads 1` processes, and the `kg` command line. It prints the build times,
throughput per worker, and whether the graphs and query rows are equal.
"""
from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pyoxigraph as ox

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
KG = [sys.executable, "-m", "kg"]
QUERIES = ["attacks", "talks", "offices", "entities", "event_mentions"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "eval" / "m2e2_voa.jsonl")
    parser.add_argument("--kill-after", type=float, default=15, metavar="S",
                        help="seconds into the second cluster build to kill a worker")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-cluster-"))
    processes: list[subprocess.Popen] = []
    try:
        started = time.perf_counter()
        kg("build", args.corpus, "-o", work / "local", "--jobs", "2", "--no-html", "-q")
        local_seconds = time.perf_counter() - started
        count = sum(1 for line in args.corpus.open(encoding="utf-8") if line.strip()) \
            if args.corpus.suffix == ".jsonl" else None
        print(f"local build, --jobs 2: {local_seconds:.1f} s" + (f" for {count} articles" if count else ""))

        scheduler = f"tcp://127.0.0.1:{free_port()}"
        processes.append(start([BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", scheduler.rsplit(":", 1)[1],
                                "--no-dashboard"], work / "scheduler.log"))
        wait_for(scheduler)
        for name in ("w1", "w2"):
            processes.append(start([BIN / "dask", "worker", scheduler, "--nthreads", "1", "--no-dashboard",
                                    "--name", name], work / f"{name}.log"))

        for run, kill in (("cluster build", False), ("cluster build, one worker killed", True)):
            port = free_port()
            server = start([BIN / "oxigraph", "serve", "--location", work / f"oxigraph-{port}",
                            "--bind", f"127.0.0.1:{port}"], work / f"oxigraph-{port}.log")
            processes.append(server)
            url = f"http://127.0.0.1:{port}"
            wait_for(url)
            time.sleep(3)  # the workers have joined
            build = subprocess.Popen([*KG, "build", args.corpus, "--cluster", scheduler, "--store", url],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            killed = None
            if kill:
                time.sleep(args.kill_after)
                killed = worker_pids(scheduler)[0]
                os.kill(killed, signal.SIGKILL)
            out, err = build.communicate(timeout=3600)
            assert build.returncode == 0, err
            print(f"{run}: {out.splitlines()[0]}")
            if killed:
                print(f"  killed worker process {killed} after {args.kill_after:.0f} s; workers now {worker_pids(scheduler)}")
            same_quads = server_quads(url) == folder_quads(work / "local")
            print(f"  same quads as the local build: {same_quads}")
            for name in QUERIES:
                there, here = kg("query", url, name, "-f", "csv"), kg("query", work / "local", name, "-f", "csv")
                print(f"  {name:<15} {len(here.splitlines()) - 1:>6} rows, same rows: {there == here}")
            again = kg("build", args.corpus, "--cluster", scheduler, "--store", url)
            print(f"  again: {again.splitlines()[1].strip()}; {again.splitlines()[0].split(': ')[-1]}")
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            process.wait(30)
        print(f"(logs and builds in {work})")


def kg(*args) -> str:
    done = subprocess.run([*KG, *map(str, args)], capture_output=True, text=True, timeout=3600)
    assert done.returncode == 0, done.stderr
    return done.stdout


def start(command, log: Path) -> subprocess.Popen:
    handle = open(log, "wb")
    return subprocess.Popen([str(c) for c in command], stdout=handle, stderr=handle)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(address: str) -> None:
    host, port = address.split("//")[1].rsplit(":", 1)
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection((host, int(port)), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def worker_pids(scheduler: str) -> list[int]:
    from distributed import Client

    with Client(scheduler, set_as_default=False) as client:
        return sorted(client.run(os.getpid).values())


def server_quads(url: str) -> set[str]:
    request = urllib.request.Request(f"{url}/store", headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=600) as answer:
        return {str(q) for q in ox.parse(answer.read(), format=ox.RdfFormat.N_QUADS)}


def folder_quads(out: Path) -> set[str]:
    store = ox.Store.read_only(str(out / "store"))
    return {str(q) for q in store}


if __name__ == "__main__":
    main()
