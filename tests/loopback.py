"""A small threaded HTTP server on 127.0.0.1 that the web and feed tests (and the fetch benchmark) start.

Routes map a path to a fixed `Reply` or to a function of the request, so a
test can script misbehaviour (a 500 then a 200, a slow answer, a redirect
loop) and count what the client asked for. Nothing here leaves the machine.
"""

from __future__ import annotations

import hashlib
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Reply:
    """What the server sends: a status, headers, a body, after an optional delay."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0
    length: bool = True
    """False: no Content-Length; the body ends when the connection closes (the client cannot know the size)."""


@dataclass(frozen=True)
class Request:
    """One request the server received."""

    path: str
    headers: dict[str, str]


Route = Reply | Callable[[Request], Reply]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the benchmark opens many connections at once


class Loopback:
    """`with Loopback() as server: server.route("/a", Reply(b"..."))`; `server.url("/a")`."""

    def __init__(self, latency: tuple[float, float] | None = None, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.latency = latency
        """Seconds added to every answer, drawn uniformly from this range (the benchmark's network)."""
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                request = Request(self.path, {k.lower(): v for k, v in self.headers.items()})
                with server._lock:
                    server.requests.append(request)
                route = server.routes.get(urlsplit(self.path).path)
                reply = Reply(b"not found", 404) if route is None else route if isinstance(route, Reply) else route(request)
                delay = reply.delay + (random.uniform(*server.latency) if server.latency else 0.0)
                if delay:
                    time.sleep(delay)
                try:
                    self.send_response(reply.status)
                    headers = dict(reply.headers)
                    if reply.length:
                        headers.setdefault("Content-Length", str(len(reply.body)))
                    else:
                        headers["Connection"] = "close"
                        self.close_connection = True
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout or a size cap): that is what is tested

            def log_message(self, *_: object) -> None:
                pass

        self.server = _Server((host, 0), Handler)
        self.base = f"http://{host}:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Loopback:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, reply: Route) -> str:
        """Serve `reply` at `path`; returns the full address."""
        self.routes[path] = reply
        return self.url(path)

    def hits(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if urlsplit(r.path).path == path]


WEB = Path(__file__).parent / "data" / "web"
PAGES = {
    "/business/port-strike-ends": "nav_ads_comments.html",
    "/amp/rail-fares": "amp.html",
    "/markets/central-bank-holds": "teaser.html",
    "/live/election-night": "live_blog.html",
}
FEEDS = ("rss", "atom", "malformed", "empty")


def feed_reply(body: bytes, kind: str = "application/rss+xml") -> Route:
    """A feed that answers a conditional GET for its current content with 304, as a well-run server does."""
    tag = '"' + hashlib.blake2b(body, digest_size=8).hexdigest() + '"'

    def reply(request: Request) -> Reply:
        if request.headers.get("if-none-match") == tag:
            return Reply(b"", 304, {"ETag": tag})
        return Reply(body, headers={"Content-Type": kind, "ETag": tag, "Last-Modified": "Mon, 03 Jun 2024 00:00:00 GMT"})

    return reply


def serve_site(server: Loopback) -> dict[str, str]:
    """The fixture news site: article pages under their paths, feeds at /feeds/<name>.xml; returns feed addresses."""
    for path, name in PAGES.items():
        server.route(path, Reply((WEB / name).read_bytes()))
    feeds = {}
    for name in FEEDS:
        body = (WEB / "feeds" / f"{name}.xml").read_text("utf-8").replace("{base}", server.base).encode()
        feeds[name] = server.route(f"/feeds/{name}.xml", feed_reply(body))
    return feeds


if __name__ == "__main__":  # serve the fixture site by hand, to try the reader as a user would
    import sys

    with Loopback(latency=(0.05, 0.2) if "--slow" in sys.argv else None) as running:
        for name, address in serve_site(running).items():
            print(f"{name}: {address}", flush=True)
        threading.Event().wait()
