"""SPARQL queries over a graph: bundled named queries, .rq files or inline text, and the
formatting of their results as a table, CSV or JSON.
"""
from __future__ import annotations

import csv
import io
import re
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from .errors import QueryError
from .graphstore import GraphStore
from .remote import RemoteStore
from .resources import resource_dir
from .text import shorten


@dataclass(frozen=True)
class Result:
    columns: list[str]
    rows: list[dict[str, str]]  # every value a plain string ("" when unbound)


def named_queries() -> dict[str, Path]:
    """The bundled queries by name: {"attacks": Path(".../attacks.rq"), ...}."""
    return {path.stem: path for path in sorted(resource_dir("queries").glob("*.rq"))}


def describe(path: Path) -> str:
    """The first comment line of a query file, as its one-line description."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            return line.lstrip("# ").strip()
    return ""


def query_text(query: str) -> str:
    """SPARQL text for `query`: a bundled name, a path to a .rq file, or SPARQL itself."""
    bundled = named_queries()
    if query in bundled:
        return bundled[query].read_text(encoding="utf-8")
    path = Path(query)
    if query.endswith((".rq", ".sparql")):
        if not path.is_file():
            raise QueryError(f"{query}: no such query file")
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise QueryError(f"{query}: not a UTF-8 text file") from None
    if re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", query, re.IGNORECASE):
        return query
    names = ", ".join(bundled)
    raise QueryError(f"unknown query {query!r}: give a bundled name ({names}), a .rq file or SPARQL text")


# SERVICE (a federated call to another endpoint) as a word of its own. Only a variable
# (?service), a prefixed name (ex:service) or a longer word holding it is let through: inside a
# string, an IRI or a comment it is refused too, since telling those apart needs the whole SPARQL
# grammar ("<" opens an IRI or compares two values) and a wrong guess would reach the network.
_SERVICE = re.compile(r"(?<![\w?$:])SERVICE(?![\w:])", re.IGNORECASE)
# what only a SPARQL update says: it changes the graph (LOAD also fetches a URL)
_UPDATE_KEYWORDS = re.compile(r"(?<![\w:?$-])(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)(?![\w:-])",
                              re.IGNORECASE)
# strings, IRIs and comments, which may hold those words harmlessly
_NOT_KEYWORDS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')


def network_use(sparql: str) -> str | None:
    """The keyword (SERVICE or LOAD) by which `sparql` would reach the network, if any.

    >>> network_use('SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }')
    'SERVICE'
    >>> network_use('SELECT ?service WHERE { ?service ?p "a LOAD" }')
    >>> network_use('SELECT * WHERE { ?s ?p "self-service" }')  # refused: see _SERVICE
    'SERVICE'
    """
    if _SERVICE.search(sparql):
        return "SERVICE"
    return "LOAD" if update_use(sparql) == "LOAD" else None


def update_use(sparql: str) -> str | None:
    """The keyword that makes `sparql` an update (INSERT, DELETE, DROP, ...), if any.

    >>> update_use('PREFIX ex: <http://example.org/> DELETE WHERE { ?s ex:p ?o }')
    'DELETE'
    >>> update_use('SELECT ?insert WHERE { ?insert <http://example.org/drop> "CLEAR" }')
    """
    match = _UPDATE_KEYWORDS.search(_NOT_KEYWORDS.sub(" ", sparql))
    return match.group(1).upper() if match else None


def dataset_use(sparql: str) -> bool:
    """Whether `sparql` names its own dataset (FROM or FROM NAMED)."""
    return re.search(r"(?<![\w:?$-])FROM(?![\w:-])", _NOT_KEYWORDS.sub(" ", sparql), re.IGNORECASE) is not None


def run(graph: Graph | GraphStore | RemoteStore, query: str, allow_network: bool = False) -> Result:
    """Run `query` (see `query_text`) on `graph` and return its rows as strings.

    `graph` is an rdflib Graph, a store (see `kg.store.open_store`), which answers far faster,
    or a SPARQL server (`kg.remote.RemoteStore`), where the query sees the union of all graphs.
    ASK gives one column `ask`; CONSTRUCT and DESCRIBE give subject, predicate, object rows.
    A query that would reach the network (SERVICE, LOAD) is refused unless `allow_network`.
    Raises QueryError when the SPARQL does not parse or fails.
    """
    text = query_text(query)
    keyword = None if allow_network else network_use(text)
    if keyword:
        raise QueryError(f"the query uses {keyword}, which would reach the network (SERVICE is refused even in a "
                         "string or IRI); kg queries only the local graph unless you pass --allow-network")
    if isinstance(graph, GraphStore):
        return _run_on_store(graph, text)
    if isinstance(graph, RemoteStore):
        return Result(*graph.select(text))
    try:
        result = graph.query(text)
        if result.type == "ASK":
            return Result(["ask"], [{"ask": "true" if result.askAnswer else "false"}])
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            columns = ["subject", "predicate", "object"]
            return Result(columns, sorted((dict(zip(columns, map(_plain, t))) for t in result.graph),
                                          key=lambda row: tuple(row.values())))
        columns = [str(v) for v in result.vars]
        rows = [{c: _plain(row[i]) for i, c in enumerate(columns)} for row in result]
    except Exception as err:  # rdflib raises pyparsing and evaluation errors of many types
        raise QueryError(f"query failed: {err}") from None
    return Result(columns, rows)


def _plain(value) -> str:
    return "" if value is None else str(value)


def _run_on_store(store: GraphStore, text: str) -> Result:
    try:
        result = store.query(text)
        if isinstance(result, ox.QueryBoolean):
            return Result(["ask"], [{"ask": "true" if bool(result) else "false"}])
        if isinstance(result, ox.QueryTriples):
            columns = ["subject", "predicate", "object"]
            return Result(columns, sorted((dict(zip(columns, (t.subject.value, t.predicate.value, t.object.value)))
                                           for t in result), key=lambda row: tuple(row.values())))
        columns = [v.value for v in result.variables]
        rows = [{c: "" if (term := solution[i]) is None else term.value for i, c in enumerate(columns)}
                for solution in result]
    except (SyntaxError, OSError, ValueError) as err:
        raise QueryError(f"query failed: {err}") from None
    return Result(columns, rows)


def to_csv(result: Result) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=result.columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(result.rows)
    return out.getvalue()


def to_json(result: Result) -> str:
    return json.dumps(result.rows, ensure_ascii=False, indent=2) + "\n"


def to_table(result: Result, width: int | None = None, max_cell: int = 60) -> str:
    """An aligned text table that fits the terminal: long cells are cut with "…"."""
    width = width or shutil.get_terminal_size((120, 20)).columns
    if not result.rows:
        return "(no rows)\n"
    cells = [[shorten(row[c], max_cell) for c in result.columns] for row in result.rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(result.columns)]
    # shrink the widest columns until the table fits
    while sum(widths) + 2 * (len(widths) - 1) > width and max(widths) > 12:
        i = widths.index(max(widths))
        widths[i] -= 1
    def line(values: list[str]) -> str:
        return "  ".join(shorten(v, w).ljust(w) for v, w in zip(values, widths)).rstrip()
    lines = [line(result.columns), line(["-" * w for w in widths])]
    lines += [line(r) for r in cells]
    lines.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


FORMATTERS = {"table": to_table, "csv": to_csv, "json": to_json}
