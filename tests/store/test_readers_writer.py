"""The readers-writer lock: readers together, a writer alone, a waiting writer first."""

from __future__ import annotations

import threading
import time

from frontlines.store.readers_writer import ReadersWriterLock


def test_readers_share_the_lock() -> None:
    lock = ReadersWriterLock()
    inside = threading.Barrier(3, timeout=5)

    def read() -> None:
        with lock.reading():
            inside.wait()  # all three are inside at once, or this times out

    threads = [threading.Thread(target=read) for _ in range(2)]
    for thread in threads:
        thread.start()
    read()
    for thread in threads:
        thread.join(timeout=5)
    assert not any(thread.is_alive() for thread in threads)


def test_a_writer_waits_for_readers_and_later_readers_wait_for_it() -> None:
    lock = ReadersWriterLock()
    order: list[str] = []
    reader_in = threading.Event()
    release_reader = threading.Event()

    def first_reader() -> None:
        with lock.reading():
            reader_in.set()
            release_reader.wait(5)
            order.append("reader 1 out")

    def writer() -> None:
        with lock.writing():
            order.append("writer")

    def late_reader() -> None:
        with lock.reading():
            order.append("reader 2")

    threads = [threading.Thread(target=first_reader)]
    threads[0].start()
    assert reader_in.wait(5)
    threads.append(threading.Thread(target=writer))
    threads[1].start()
    time.sleep(0.1)  # the writer is waiting now
    threads.append(threading.Thread(target=late_reader))
    threads[2].start()
    time.sleep(0.1)
    assert order == []  # the late reader queues behind the waiting writer
    release_reader.set()
    for thread in threads:
        thread.join(timeout=5)
    assert order == ["reader 1 out", "writer", "reader 2"]
