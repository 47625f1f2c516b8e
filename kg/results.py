"""SPARQL 1.1 query results written in the four standard formats: JSON, XML, CSV and TSV.

Plain functions of pyoxigraph terms, so that the endpoint can cut a result at a row limit
(pyoxigraph's own writer takes the whole result or nothing).
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

# media type -> results format; the first of each format is the one answered with
MEDIA_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
CONTENT_TYPES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                 "csv": "text/csv", "tsv": "text/tab-separated-values"}

Row = Sequence["ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None"]
_XML_EDGES = re.compile(r"^\s+|\s+$")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def write_solutions(fmt: str, variables: Sequence[str], rows: Iterable[Row]) -> bytes:
    """`rows` (one term or None per variable) as a SPARQL results document in `fmt`."""
    return _WRITERS[fmt](list(variables), rows).encode("utf-8")


def write_boolean(fmt: str, answer: bool) -> bytes:
    """An ASK answer; CSV and TSV have no boolean form, so they get one `ask` column."""
    value = "true" if answer else "false"
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": answer}).encode()
    if fmt == "xml":
        return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{value}</boolean></sparql>\n").encode()
    return f"ask\r\n{value}\r\n".encode() if fmt == "csv" else f"?ask\n{value}\n".encode()


def _json(variables: list[str], rows: Iterable[Row]) -> str:
    bindings = [{name: _json_term(term) for name, term in zip(variables, row) if term is not None} for row in rows]
    return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}, ensure_ascii=False)


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {"subject": _json_term(term.subject), "predicate": _json_term(term.predicate),
                                        "object": _json_term(term.object)}}


def _xml(variables: list[str], rows: Iterable[Row]) -> str:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    out += [f"<variable name={quoteattr(name)}/>" for name in variables]
    out.append("</head>\n<results>\n")
    for row in rows:
        out.append("<result>")
        out += [f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>"
                for name, term in zip(variables, row) if term is not None]
        out.append("</result>\n")
    out.append("</results>\n</sparql>\n")
    return "".join(out)


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{_xml_text(term.value)}</literal>"
        if term.datatype.value != _XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{_xml_text(term.value)}</literal>"
        return f"<literal>{_xml_text(term.value)}</literal>"
    return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
            f"</predicate><object>{_xml_term(term.object)}</object></triple>")


def _xml_text(value: str) -> str:
    """`value` as XML character data that reads back the same: the control characters XML 1.0
    cannot hold become U+FFFD; carriage returns (which readers take for line ends) and white
    space at either end (which some readers trim) are written as character references."""
    text = escape(_NOT_XML.sub("\ufffd", value))
    return _XML_EDGES.sub(lambda m: "".join(f"&#{ord(c)};" for c in m.group()), text).replace("\r", "&#13;")


def _csv(variables: list[str], rows: Iterable[Row]) -> str:
    """CSV as SPARQL 1.1 defines it: plain values, blank nodes as _:label, CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow(["" if term is None else f"_:{term.value}" if isinstance(term, ox.BlankNode)
                         else str(term) if isinstance(term, ox.Triple) else term.value for term in row])
    return out.getvalue()


def _tsv(variables: list[str], rows: Iterable[Row]) -> str:
    """TSV as SPARQL 1.1 defines it: every term in its Turtle/N-Triples form."""
    lines = ["\t".join(f"?{name}" for name in variables)]
    lines += ["\t".join("" if term is None else _tsv_term(term) for term in row) for row in rows]
    return "\n".join(lines) + "\n"


def _tsv_term(term) -> str:
    if isinstance(term, ox.Triple):
        return f"<< {_tsv_term(term.subject)} {_tsv_term(term.predicate)} {_tsv_term(term.object)} >>"
    return str(term)


_WRITERS = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}
