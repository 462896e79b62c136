"""What a batch writes, kept on disk while Ray runs: the driver holds none of it meanwhile.

Each analysed article's rows and reports are pickled to an anonymous temporary file as the
article comes back; once Ray's processes are gone they are read back, in the order they were
written, into the Parquet writer and fusion. The file is the run's own (unnamed, removed when
closed), so pickle reads only what this process wrote.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from types import TracebackType
from typing import IO, Generic, TypeVar

T = TypeVar("T")


class Spill(Generic[T]):
    """Items appended one at a time, read back in the order they came."""

    def __init__(self) -> None:
        # Closed by close() or the with block this object is: it outlives any one statement.
        self._file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115
        self.count = 0

    def add(self, item: T) -> None:
        pickle.dump(item, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def __iter__(self) -> Iterator[T]:
        """Every item added so far, in order (add no more until this is read through)."""
        self._file.flush()
        self._file.seek(0)
        for _ in range(self.count):
            yield pickle.load(self._file)  # noqa: S301 (this process's own unnamed file)
        self._file.seek(0, 2)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Spill[T]:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
