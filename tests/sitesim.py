"""A local HTTP server that misbehaves the way government sites do, for testing the fetcher without the internet.

    with SiteSim({"/page": page(b"<html>...</html>", etag='"v1"')}) as site:
        fetcher.fetch(site.url("/page"))
        assert site.hits("/page")[0].headers["User-Agent"].startswith("yanglao-data/")

Routes map a path (query excluded) to a handler: a function from the `Request` to a `Response`. Unknown
paths, robots.txt included, answer 404. Every request is recorded (`site.requests`), with its headers, the
time it arrived (time.monotonic(), comparable with the test's clock) and which hit of its path it was, so a
handler can change its answer from one attempt to the next (`sequence`). The server listens on 127.0.0.1
on a free port, one thread per connection; stopping it wakes handlers that are still sleeping.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Request:
    method: str
    path: str  # with the query string
    headers: Message  # case-insensitive: headers["user-agent"]
    time: float  # time.monotonic() when the request line and headers had arrived
    hit: int  # 0 for the first request to this path, 1 for the second…
    peer: tuple = ()  # the client's (host, port): one per connection


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_length: int | None = None  # None → len(body); a larger number gives a truncated body
    send_length: bool = True  # False → no Content-Length: the body ends when the connection closes
    delay: float = 0.0  # seconds to wait before answering at all


Handler = Callable[[Request], Response]


class SiteSim:
    def __init__(self, routes: dict[str, Handler] | None = None):
        self.routes: dict[str, Handler] = dict(routes or {})
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle --------------------------------------------------------------------------------------------

    def start(self) -> SiteSim:
        sim = self

        class _Handler(_SimHandler):
            site = sim

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.block_on_close = False
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> SiteSim:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    # -- for tests --------------------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def hits(self, path: str) -> list[Request]:
        """The requests made to path (query string ignored), oldest first."""
        with self._lock:
            return [r for r in self.requests if r.path.split("?")[0] == path]

    def _record(self, method: str, path: str, headers: Message, peer: tuple = ()) -> Request:
        with self._lock:
            hit = sum(1 for r in self.requests if r.path.split("?")[0] == path.split("?")[0])
            request = Request(method, path, headers, time.monotonic(), hit, tuple(peer))
            self.requests.append(request)
            return request

    def _sleep(self, seconds: float) -> None:
        self._stopping.wait(seconds)


class _SimHandler(BaseHTTPRequestHandler):
    site: SiteSim
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers; retries may reuse a connection

    def do_GET(self) -> None:
        request = self.site._record(self.command, self.path, self.headers, self.client_address)
        handler = self.site.routes.get(self.path.split("?")[0], not_found)
        response = handler(request)
        try:
            self._send(response)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout): nothing to do
            self.close_connection = True

    do_HEAD = do_GET

    def _send(self, response: Response) -> None:
        if response.delay:
            self.site._sleep(response.delay)
        self.send_response(response.status)
        for name, value in response.headers.items():
            self.send_header(name, value)
        length = len(response.body) if response.content_length is None else response.content_length
        if response.send_length:
            self.send_header("Content-Length", str(length))
        if not response.send_length or length != len(response.body):
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)
        self.wfile.flush()

    def log_message(self, format: str, *args) -> None:  # quiet
        pass


# -- handler factories: the misbehaviours ---------------------------------------------------------------------


def not_found(request: Request) -> Response:
    return Response(
        404,
        b"<html><head><title>404 Not Found</title></head><body>Not Found</body></html>",
        {"Content-Type": "text/html"},
    )


def page(
    body: bytes,
    content_type: str = "text/html; charset=utf-8",
    etag: str | None = None,
    last_modified: str | None = None,
) -> Handler:
    """A page with optional validators, answering 304 to a conditional request that matches them."""

    def handle(request: Request) -> Response:
        headers = {"Content-Type": content_type}
        if etag:
            headers["ETag"] = etag
        if last_modified:
            headers["Last-Modified"] = last_modified
        inm, ims = request.headers.get("If-None-Match"), request.headers.get("If-Modified-Since")
        if (etag and inm == etag) or (not inm and last_modified and ims == last_modified):
            return Response(304, b"", {k: v for k, v in headers.items() if k != "Content-Type"})
        return Response(200, body, headers)

    return handle


def status(code: int, body: bytes = b"", headers: dict[str, str] | None = None) -> Handler:
    return lambda request: Response(code, body, dict(headers or {}))


def sequence(*handlers: Handler) -> Handler:
    """The nth request to the path gets the nth handler's answer; the last handler answers all later ones."""
    return lambda request: handlers[min(request.hit, len(handlers) - 1)](request)


def slow(seconds: float, then: Handler) -> Handler:
    """Say nothing for `seconds`, then answer as `then` would."""

    def handle(request: Request) -> Response:
        response = then(request)
        response.delay = seconds
        return response

    return handle


def truncated(body: bytes, declared: int, content_type: str = "text/html; charset=utf-8") -> Handler:
    """Announce `declared` bytes, send `body`, close the connection."""
    return lambda request: Response(200, body, {"Content-Type": content_type}, content_length=declared)


def unsized(body: bytes, content_type: str = "text/html; charset=utf-8") -> Handler:
    """No Content-Length: the body runs until the connection closes."""
    return lambda request: Response(200, body, {"Content-Type": content_type}, send_length=False)


def redirect(location: str, code: int = 302) -> Handler:
    return lambda request: Response(code, b"", {"Location": location})


def robots(text: str) -> Handler:
    return lambda request: Response(200, text.encode("utf-8"), {"Content-Type": "text/plain"})
