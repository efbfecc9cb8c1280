"""The benchmark's local HTTP server: serves the N generated pages on 127.0.0.1 with ETag and Last-Modified,
answering 304 to a matching If-None-Match / If-Modified-Since, like a well-behaved government site.

One thread per connection (http.server.ThreadingHTTPServer); bodies are read from the archive objects the
corpus wrote (`manifest.json`), so the server holds no page in memory. `change(doc_id, body)` replaces one
page (new ETag), for the one-changed-page refresh. `/robots.txt` allows everything.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class PageServer:
    def __init__(self, manifest: Path, port: int = 0):
        self.pages: dict[str, dict] = json.loads(Path(manifest).read_text(encoding="utf-8"))
        self.changed: dict[str, tuple[bytes, str]] = {}
        self.counts: Counter = Counter()
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive: requests.Session reuses the connection

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                server._handle(self)

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def start(self) -> PageServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def change(self, doc_id: str, body: bytes) -> None:
        self.changed[doc_id] = (body, f'"{hashlib.sha256(body).hexdigest()[:16]}"')

    def reset_counts(self) -> dict:
        with self._lock:
            counts = dict(self.counts)
            self.counts.clear()
        return counts

    def _count(self, key: str) -> None:
        with self._lock:
            self.counts[key] += 1

    def _send(self, h: BaseHTTPRequestHandler, status: int, body: bytes = b"", headers: dict | None = None):
        h.send_response(status)
        for name, value in (headers or {}).items():
            h.send_header(name, value)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if body:
            h.wfile.write(body)

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path.split("?", 1)[0]
        if path == "/robots.txt":
            self._count("robots")
            self._send(h, 200, b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"})
            return
        doc_id = path.rsplit("/", 1)[-1]
        page = self.pages.get(doc_id) if path.startswith("/d/") else None
        if page is None:
            self._count("404")
            self._send(h, 404, b"not found", {"Content-Type": "text/plain"})
            return
        etag, modified = page["etag"], page["last_modified"]
        body = None
        if doc_id in self.changed:
            body, etag = self.changed[doc_id]
            modified = "Wed, 01 Oct 2025 00:00:00 GMT"
        headers = {"ETag": etag, "Last-Modified": modified, "Content-Type": page["content_type"]}
        if h.headers.get("If-None-Match") == etag:
            self._count("304")
            self._send(h, 304, b"", {"ETag": etag, "Last-Modified": modified})
            return
        if body is None:
            body = Path(page["object"]).read_bytes()
        self._count("200")
        self._send(h, 200, body, headers)
