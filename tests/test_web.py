"""Fetching against a loopback server that misbehaves in the ways real servers do."""

from __future__ import annotations

import asyncio
import gzip
import time
import zlib

import httpx
import pytest
from loopback import Loopback, Reply, Request

from reader.analysis.model import Problem
from reader.fetch.web import USER_AGENT, Fetcher, Limits, Page, _network_reason

PAGE = b"<html><body><p>Hello</p></body></html>"
FAST = Limits(timeout=2.0, backoff=0.05, max_bytes=100_000)


@pytest.fixture
def server():
    with Loopback() as running:
        yield running


def get(url: str, limits: Limits = FAST, **options: object) -> Page | Problem:
    async def run() -> Page | Problem:
        async with Fetcher(limits) as fetcher:
            return await fetcher.get(url, **options)  # type: ignore[arg-type]

    return asyncio.run(run())


def test_a_page_is_fetched_with_a_descriptive_user_agent(server: Loopback) -> None:
    page = get(server.route("/a", Reply(PAGE)), html=True)
    assert isinstance(page, Page) and page.content == PAGE and page.content_type == "text/html"
    assert server.hits("/a")[0].headers["user-agent"] == USER_AGENT


def test_404_is_a_problem_with_the_status(server: Loopback) -> None:
    problem = get(server.url("/missing"))
    assert isinstance(problem, Problem) and problem.message == "HTTP 404 Not Found"
    assert len(server.hits("/missing")) == 1  # a client error is not retried


def test_500_then_200_is_retried(server: Loopback) -> None:
    def flaky(request: Request) -> Reply:
        return Reply(b"oops", 500) if len(server.hits("/flaky")) == 1 else Reply(PAGE)

    page = get(server.route("/flaky", flaky))
    assert isinstance(page, Page) and page.content == PAGE
    assert len(server.hits("/flaky")) == 2


def test_429_waits_as_long_as_retry_after_says(server: Loopback) -> None:
    def limited(request: Request) -> Reply:
        if len(server.hits("/busy")) == 1:
            return Reply(b"slow down", 429, {"Retry-After": "1"})
        return Reply(PAGE)

    started = time.monotonic()
    page = get(server.route("/busy", limited))
    assert isinstance(page, Page)
    assert time.monotonic() - started >= 1.0  # the backoff alone would have waited 0.05 s


def test_a_server_asking_for_too_long_a_wait_is_given_up(server: Loopback) -> None:
    url = server.route("/later", Reply(b"", 429, {"Retry-After": "3600"}))
    problem = get(url)
    assert isinstance(problem, Problem) and problem.message.startswith("HTTP 429 Too Many Requests")
    assert "3600" in problem.message and len(server.hits("/later")) == 1


def test_persistent_5xx_stops_after_the_retries(server: Loopback) -> None:
    problem = get(server.route("/down", Reply(b"", 503)))
    assert isinstance(problem, Problem) and "503" in problem.message and "after 4 tries" in problem.message
    assert len(server.hits("/down")) == 4


def test_redirect_loop_is_cut_off(server: Loopback) -> None:
    server.route("/a", Reply(b"", 302, {"Location": "/b"}))
    server.route("/b", Reply(b"", 302, {"Location": "/a"}))
    problem = get(server.url("/a"))
    assert isinstance(problem, Problem) and problem.message == "too many redirects (more than 5)"


def test_redirects_are_followed_and_the_final_address_kept(server: Loopback) -> None:
    server.route("/old", Reply(b"", 301, {"Location": "/new"}))
    server.route("/new", Reply(PAGE))
    page = get(server.url("/old"), html=True)
    assert isinstance(page, Page) and page.url == server.url("/new")


def test_a_slow_response_times_out(server: Loopback) -> None:
    url = server.route("/slow", Reply(PAGE, delay=2.0))
    started = time.monotonic()
    problem = get(url, Limits(timeout=0.5))
    assert isinstance(problem, Problem) and problem.message.startswith("timed out")
    assert time.monotonic() - started < 1.5


def test_a_page_must_be_html_when_asked(server: Loopback) -> None:
    url = server.route("/doc.pdf", Reply(b"%PDF-1.4", headers={"Content-Type": "application/pdf"}))
    problem = get(url, html=True)
    assert isinstance(problem, Problem) and problem.message == "not an HTML page (application/pdf)"
    assert isinstance(get(url), Page)  # a feed fetch takes any type: feedparser judges


def test_a_page_over_the_cap_is_refused(server: Loopback) -> None:
    url = server.route("/big", Reply(b"x" * 200_000))
    problem = get(url)
    assert isinstance(problem, Problem) and problem.message.startswith("too large")


def test_a_page_over_the_cap_without_a_length_is_cut_while_streaming(server: Loopback) -> None:
    # No Content-Length: the cap can only be enforced on the bytes as they come.
    url = server.route("/stream", Reply(b"x" * 200_000, length=False))
    problem = get(url)
    assert isinstance(problem, Problem) and "too large" in problem.message


def test_gzip_is_decompressed(server: Loopback) -> None:
    url = server.route("/z", Reply(gzip.compress(PAGE), headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}))
    page = get(url)
    assert isinstance(page, Page) and page.content == PAGE


def test_raw_deflate_is_decompressed(server: Loopback) -> None:
    squeezer = zlib.compressobj(wbits=-15)
    body = squeezer.compress(PAGE) + squeezer.flush()
    url = server.route("/d", Reply(body, headers={"Content-Type": "text/html", "Content-Encoding": "deflate"}))
    page = get(url)
    assert isinstance(page, Page) and page.content == PAGE


def test_a_gzip_bomb_is_refused_without_inflating_it(server: Loopback) -> None:
    bomb = gzip.compress(b"\0" * 50_000_000)  # about 50 KB on the wire, 50 MB inflated
    assert len(bomb) < FAST.max_bytes
    url = server.route("/bomb", Reply(bomb, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}))
    problem = get(url)
    assert isinstance(problem, Problem) and problem.message.startswith("too large once decompressed")


def test_conditional_get_sends_the_validators_and_takes_304(server: Loopback) -> None:
    def feed(request: Request) -> Reply:
        if request.headers.get("if-none-match") == '"v1"':
            return Reply(b"", 304)
        return Reply(b"<rss/>", headers={"Content-Type": "application/rss+xml", "ETag": '"v1"', "Last-Modified": "Mon, 01 Jan 2024 00:00:00 GMT"})

    url = server.route("/feed", feed)
    first = get(url)
    assert isinstance(first, Page) and first.etag == '"v1"' and first.last_modified
    second = get(url, etag=first.etag, last_modified=first.last_modified)
    assert isinstance(second, Page) and second.not_modified and second.content == b""
    assert server.hits("/feed")[1].headers["if-modified-since"] == first.last_modified


def test_the_per_host_limit_bounds_requests_in_flight(server: Loopback) -> None:
    in_flight = 0
    most = 0

    def slow(request: Request) -> Reply:
        nonlocal in_flight, most
        in_flight += 1
        most = max(most, in_flight)
        time.sleep(0.1)
        in_flight -= 1
        return Reply(PAGE)

    server.route("/p", slow)

    async def run() -> list[Page | Problem]:
        async with Fetcher(Limits(per_host=3)) as fetcher:
            return list(await asyncio.gather(*(fetcher.get(server.url(f"/p?{i}")) for i in range(12))))

    results = asyncio.run(run())
    assert all(isinstance(r, Page) for r in results)
    assert most == 3


def test_refused_connections_and_bad_addresses_are_problems() -> None:
    assert get("ftp://example.org/x") == Problem("ftp://example.org/x", "not a web address (http or https)")
    problem = get("http://127.0.0.1:9/")  # the discard port: nothing listens on the loopback
    assert isinstance(problem, Problem) and problem.message.startswith("cannot connect to 127.0.0.1")


def test_a_dns_failure_says_so() -> None:
    # Built by hand: a real lookup would leave the machine.
    error = httpx.ConnectError("[Errno -2] Name or service not known")
    assert _network_reason(error, "no-such-outlet.example") == "DNS lookup failed: no address for no-such-outlet.example"
