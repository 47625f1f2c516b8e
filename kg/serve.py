"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over a graph, with a query page.

`/sparql` answers queries sent by GET (`?query=`) or POST (a form, or the query as the body),
in the results format the `Accept` header asks for. Updates, `LOAD` and `SERVICE` are refused
with 403 and the reason. Queries run in worker processes (`kg.querypool`), so one that runs
past its time limit is stopped without stopping the server. `/` is a small query page that
needs nothing from the network.
"""
from __future__ import annotations

import contextlib
import ipaddress
import json
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .errors import KgError
from .query import describe, named_queries, network_use, update_use
from .querypool import GRAPH_MEDIA_TYPES, NotAcceptable, QueryFailed, QueryPool, QueryTimeout, Request
from .results import MEDIA_TYPES

WEB = Path(__file__).resolve().parent / "web"
MAX_BODY = 1 << 20  # bytes of a POSTed query: more is refused (413)
MAX_CONNECTIONS = 64  # open at a time; each waits for one of the query workers anyway
# files of the query page: path -> (file in kg/web, media type)
PAGE_FILES = {"/": ("query.html", "text/html"), "/query.js": ("query.js", "text/javascript"),
              "/query.css": ("query.css", "text/css")}
# the page may load its own script and style and ask the endpoint, and nothing else
PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; form-action 'none'"
_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


class Endpoint(ThreadingHTTPServer):
    """The HTTP server: `serve_forever()` answers until `shutdown()`; `close()` frees everything."""

    daemon_threads = True

    def __init__(self, pool: QueryPool, host: str = "127.0.0.1", port: int = 0,
                 log: Callable[[str], None] | None = None):
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.pool = pool
        self.log = log
        self.loopback = _is_loopback(host)
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        try:
            super().__init__((host, port), _Handler)
        except OSError as err:
            raise KgError(f"cannot listen on {host} port {port}: {err.strerror or err}"
                          + ("; pick another with --port" if port else "")) from None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{f'[{host}]' if ':' in host else host}:{port}/"

    def process_request(self, request, client_address) -> None:
        """Each connection in a thread of its own, up to MAX_CONNECTIONS at a time; more are
        answered 503 at once, so that a flood of them cannot exhaust the machine."""
        if not self._slots.acquire(blocking=False):
            with contextlib.suppress(OSError):
                request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
                                b"Content-Length: 29\r\nConnection: close\r\n\r\ntoo many connections; retry\r\n")
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def close(self) -> None:
        self.server_close()
        self.pool.close()

    def handle_error(self, request, client_address) -> None:
        """A client that went away or stayed silent is one line in the log, not a traceback."""
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):
            if self.log:
                self.log(f"{client_address[0]} {type(error).__name__}: {error}")
            return
        super().handle_error(request, client_address)


def serve(location: str | Path, *, host: str = "127.0.0.1", port: int = 7070, timeout: float = 30.0,
          max_rows: int = 10_000, workers: int = 2, log: Callable[[str], None] = print,
          log_requests: bool = True) -> None:
    """Serve the graph at `location` (a build folder or an RDF file) until Ctrl-C, saying
    where with `log` (and each request answered, with `log_requests`)."""
    if threading.current_thread() is threading.main_thread():  # `kill` stops it as Ctrl-C does
        signal.signal(signal.SIGTERM, signal.default_int_handler)
    with QueryPool(location, workers=workers, timeout=timeout, max_rows=max_rows) as pool:
        endpoint = Endpoint(pool, host, port, log if log_requests else None)
        try:
            log(f"Serving {location} at {endpoint.url} (SPARQL endpoint: {endpoint.url}sparql); Ctrl-C to stop.")
            if not endpoint.loopback:
                log(f"Warning: listening on {host}: anyone who can reach this machine can query the graph.")
            if not pool.isolated:
                log("Note: this system cannot cut the query workers off the network; SERVICE is still refused.")
            endpoint.serve_forever()
        except KeyboardInterrupt:
            log("Stopped.")
        finally:
            endpoint.close()


class _Handler(BaseHTTPRequestHandler):
    server: Endpoint
    server_version = "kg-serve"
    protocol_version = "HTTP/1.1"
    timeout = 60  # seconds a connection may stay silent before it is closed

    # ------------------------------------------------------------ methods
    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if not self._host_allowed():
            return
        if url.path == "/sparql":
            self._sparql(parse_qs(url.query, keep_blank_values=True))
        elif url.path == "/queries.json":
            bundled = {name: {"description": describe(path), "text": path.read_text(encoding="utf-8")}
                       for name, path in named_queries().items()}
            self._send(HTTPStatus.OK, json.dumps(bundled).encode(), "application/json")
        elif url.path in PAGE_FILES:
            name, media_type = PAGE_FILES[url.path]
            self._send(HTTPStatus.OK, (WEB / name).read_bytes(), media_type,
                       {"Content-Security-Policy": PAGE_POLICY})
        else:
            self._error(HTTPStatus.NOT_FOUND, f"nothing at {url.path}: the endpoint is /sparql, the query page /")

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if not self._host_allowed():
            return
        if url.path != "/sparql":
            self._error(HTTPStatus.NOT_FOUND, f"nothing at {url.path}: the endpoint is /sparql")
            return
        if self.headers.get("Transfer-Encoding"):
            self._error(HTTPStatus.LENGTH_REQUIRED, "send the query with a Content-Length, not in chunks")
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self._error(HTTPStatus.BAD_REQUEST, "the Content-Length is not a number of bytes")
            return
        if length > MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"a query may be at most {MAX_BODY} bytes")
            return
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        params = parse_qs(url.query, keep_blank_values=True)
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/x-www-form-urlencoded":
            params.update(parse_qs(body, keep_blank_values=True))
        elif kind == "application/sparql-query":
            params["query"] = [body]
        elif kind == "application/sparql-update":
            params["update"] = [body]
        else:
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send the query as application/sparql-query "
                        "or as a form (application/x-www-form-urlencoded) with a query field")
            return
        self._sparql(params)

    do_HEAD = do_GET

    def do_PUT(self) -> None:
        self._read_only()

    do_DELETE = do_PATCH = do_PUT

    # ------------------------------------------------------------ the protocol
    def _sparql(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._error(HTTPStatus.FORBIDDEN, "kg serve is read-only: SPARQL updates are refused")
            return
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            self._error(HTTPStatus.BAD_REQUEST, "give one SPARQL query: /sparql?query=SELECT ... (URL-encoded)")
            return
        sparql = queries[0]
        if keyword := update_use(sparql):
            self._error(HTTPStatus.FORBIDDEN, f"kg serve is read-only: {keyword} would change the graph")
            return
        if keyword := network_use(sparql):
            self._error(HTTPStatus.FORBIDDEN, f"{keyword} is refused: kg serve answers from its own graph "
                        "and never reaches another endpoint or the web")
            return
        accept = self.headers.get("Accept") or "*/*"
        request = Request(sparql, MEDIA_TYPES.get(_negotiate(accept, MEDIA_TYPES) or ""),
                          _negotiate(accept, GRAPH_MEDIA_TYPES),
                          tuple(params.get("default-graph-uri", ())), tuple(params.get("named-graph-uri", ())))
        if request.results is None and request.graph_media_type is None:
            self._error(HTTPStatus.NOT_ACCEPTABLE, f"cannot answer as {accept}; accepted: "
                        + ", ".join([*MEDIA_TYPES, *GRAPH_MEDIA_TYPES]))
            return
        started = time.perf_counter()
        try:
            answer = self.server.pool.run(request)
        except QueryTimeout as err:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, str(err))
            return
        except NotAcceptable as err:
            self._error(HTTPStatus.NOT_ACCEPTABLE, str(err))
            return
        except QueryFailed as err:
            self._error(HTTPStatus.BAD_REQUEST, f"query failed: {err}")
            return
        except KgError as err:  # a worker that died and could not be replaced
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, str(err))
            return
        headers = {"Kg-Rows": str(answer.rows), "Kg-Milliseconds": f"{1000 * (time.perf_counter() - started):.0f}"}
        if answer.truncated:
            headers["Kg-Truncated"] = f"more than {answer.rows} rows; the rest were left out (--max-rows)"
        self._send(HTTPStatus.OK, answer.body, answer.media_type, headers)

    def _read_only(self) -> None:
        self._error(HTTPStatus.METHOD_NOT_ALLOWED, "kg serve is read-only: it answers GET and POST queries",
                    headers={"Allow": "GET, POST"})

    def _host_allowed(self) -> bool:
        """On loopback, only requests addressed to loopback: a web page that renames its own
        host to 127.0.0.1 (DNS rebinding) cannot read the graph through the visitor's browser."""
        if not self.server.loopback:
            return True
        host = (self.headers.get("Host") or "").lower()
        host = host[1:host.index("]")] if host.startswith("[") and "]" in host else host.rsplit(":", 1)[0]
        if host in _LOOPBACK_NAMES or _is_loopback(host):
            return True
        self._error(HTTPStatus.FORBIDDEN, f"requests to this loopback server must name it as localhost, not {host!r}")
        return False

    # ------------------------------------------------------------ answers
    def _send(self, status: HTTPStatus, body: bytes, media_type: str, headers: dict[str, str] | None = None,
              close: bool = False) -> None:
        self.send_response(status)
        text = media_type.startswith("text/") or media_type.endswith(("json", "xml"))
        self.send_header("Content-Type", f"{media_type}; charset=utf-8" if text else media_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: HTTPStatus, message: str, headers: dict[str, str] | None = None) -> None:
        """Answer `message` as plain text and close the connection: a request body left unread
        must not be taken for the next request."""
        self._send(status, (message + "\n").encode(), "text/plain", headers, close=True)

    def log_message(self, format: str, *args) -> None:
        if self.server.log:
            self.server.log(f"{self.address_string()} {format % args}")

    def log_request(self, code="-", size="-") -> None:
        if self.server.log:
            path = self.path if len(self.path) <= 80 else self.path[:79] + "…"
            self.server.log(f"{self.command} {path} {int(code) if str(code).isdigit() else code}")


def _negotiate(accept: str, offered: dict[str, object]) -> str | None:
    """The offered media type the `Accept` header likes best (on a tie, the one it names first)."""
    best, best_q = None, 0.0
    for rank, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        pattern = fields[0].lower()
        q = 1.0
        for field in fields[1:]:
            if field.startswith("q="):
                try:
                    q = float(field[2:])
                except ValueError:
                    q = 0.0
        if q <= best_q:
            continue
        for media_type in offered:
            if pattern in (media_type, "*/*") or (pattern.endswith("/*") and media_type.startswith(pattern[:-1])):
                best, best_q = media_type, q
                break
    return best


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
