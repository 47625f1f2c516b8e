"""The errors a user can act on. The command line prints them in one line, without a
traceback; everything else is a bug."""
from __future__ import annotations


class KgError(Exception):
    """Base class: the message says what is wrong and, where it helps, what to do."""


class InputError(KgError, ValueError):
    """An input that cannot be read; the message names the file (and line)."""


class ModelError(KgError, RuntimeError):
    """No usable spaCy model."""


class StoreError(KgError, RuntimeError):
    """A graph that cannot be found or read."""


class QueryError(KgError, ValueError):
    """A query that cannot be found, parsed or run."""


class ViewError(KgError, ValueError):
    """A part of the graph that cannot be drawn as asked, such as a focus no node is labelled with."""


class ClusterError(KgError, RuntimeError):
    """A Dask cluster that cannot be reached or cannot run kg."""
