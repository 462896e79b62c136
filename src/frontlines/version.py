"""The package's version, on the ground floor so that any module may name it without importing
the package's ``__init__`` (which loads the Python API, the pipeline and the readers)."""

from __future__ import annotations

__version__ = "0.1.0"
