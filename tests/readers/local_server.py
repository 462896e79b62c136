"""A real HTTP server on 127.0.0.1 serving fixed bodies, for the tests that fetch URLs."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Routes:
    bodies: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # path -> (type, body)
    slow: dict[str, float] = field(default_factory=dict)  # path -> seconds before answering


@contextmanager
def serve(routes: Routes) -> Iterator[str]:
    """The server's base URL (``http://127.0.0.1:PORT``) while the block runs."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            time.sleep(routes.slow.get(self.path, 0.0))
            if self.path not in routes.bodies:
                self.send_error(404, "Not Found")
                return
            content_type, body = routes.bodies[self.path]
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
