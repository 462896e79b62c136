"""One error tree for the whole package.

Every error the library raises on purpose is a ``FrontlinesError``. Its message is one line that
names the input and the problem, and ``http_status`` tells the API how to answer it.
"""

from __future__ import annotations


class FrontlinesError(Exception):
    """Base of every error frontlines raises on purpose."""

    http_status = 500


class InputError(FrontlinesError):
    """The input (a file, a text, a parameter) cannot be used as it is."""

    http_status = 400


class UnknownParameterError(InputError):
    """A request carries parameters the endpoint does not know (a typo would filter nothing)."""

    http_status = 422


class NotFoundError(FrontlinesError):
    """A thing asked for by id or path does not exist."""

    http_status = 404


class AuthError(FrontlinesError):
    """The request lacks the API token the operator configured, or carries a wrong one."""

    http_status = 401


class ConfigError(FrontlinesError):
    """The settings or the installation do not allow the operation."""

    http_status = 500


class MissingDependencyError(ConfigError):
    """An optional dependency is not installed; the message names the pip command that fixes it."""

    def __init__(self, *, package: str, extra: str, purpose: str) -> None:
        super().__init__(
            f"{purpose} needs the Python package {package!r}, which is not installed: "
            f'run pip install "frontlines[{extra}]"'
        )
        self.package = package
        self.extra = extra


class PipelineError(FrontlinesError):
    """The pipeline is misconfigured: an unknown stage, or a stage whose needs are not met."""

    http_status = 500


class StageError(PipelineError):
    """A stage failed on one input: the message names the stage and the input, ``stage`` and
    ``cause`` (the exception's type) let a run count failures by cause. The text could not be
    analysed, so the API answers 422; the traceback goes to the log, not to the client."""

    http_status = 422

    def __init__(self, message: str, *, stage: str, article_id: str, cause: str) -> None:
        super().__init__(message)
        self.stage = stage
        self.article_id = article_id
        self.cause = cause


class StoreError(FrontlinesError):
    """The store failed to read or write."""

    http_status = 500


class StoreLockedError(StoreError):
    """Another process (e.g. ``frontlines serve``) holds the embedded store's write lock; in the
    server, other processes read it past a write's wait (503: try again)."""

    http_status = 503


class SchemaVersionError(StoreError):
    """The store was written by a newer frontlines than this one."""
