"""Polite, bounded fetching of pages and feeds: the only place the reader touches the network.

Every fetch is one `Fetcher.get`, which returns the response (`Page`) or a
`Problem` saying why there is none: a DNS failure, a timeout, an HTTP status,
a response that is not HTML, one over the size cap. Nothing raises past it,
so one bad address never stops the others.

Politeness: a per-host limit on requests in flight (on top of a total one), a
descriptive User-Agent, conditional GET (ETag / Last-Modified) so an unchanged
feed costs one small request, retries with exponential backoff on 429 and 5xx
that honour `Retry-After`, and a limit on redirects. Safety: the size cap is
enforced while the body streams in, on the bytes received and again on the
bytes decompressed, so neither a huge page nor a gzip bomb is ever held in memory.
"""

from __future__ import annotations

import asyncio
import email.utils
import ssl
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import certifi
import httpx

from reader import __version__
from reader.analysis.model import Problem

USER_AGENT = f"reader/{__version__} (terminal news reader; fetches only what its user asked for)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class Limits:
    """How hard the reader may pull: every bound a fetch respects."""

    max_bytes: int = 5 * 1024 * 1024
    """Cap on a response body, both as sent and once decompressed."""
    timeout: float = 15.0
    """Seconds a whole response may take, from connecting to its last byte."""
    per_host: int = 4
    """Requests in flight to one host at a time."""
    total: int = 100
    """Requests in flight in all (above per-host × hosts of a typical fetch, so that connections
    are kept alive rather than closed to make room for another host's)."""
    retries: int = 3
    """Further tries after a 429 or 5xx answer."""
    backoff: float = 0.5
    """Seconds before the first retry when the server names no time; doubled each try."""
    max_retry_after: float = 60.0
    """A server that asks to wait longer than this is given up on for this fetch."""
    max_redirects: int = 5


@dataclass(frozen=True, slots=True)
class Page:
    """A successful response: the body (decompressed) and what a later conditional GET needs."""

    url: str
    """The address after redirects."""
    status: int
    content: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    retry_after: str | None = None
    """The server's Retry-After header on a 429 or 503, as sent."""

    @property
    def not_modified(self) -> bool:
        """True for a 304: the copy from the last fetch is still current."""
        return self.status == 304


class _Refused(Exception):
    """A response the reader will not take; its message is the reason the user sees."""


@dataclass
class Fetcher:
    """An HTTP client with the reader's limits: `async with Fetcher() as f: await f.get(url)`."""

    limits: Limits = field(default_factory=Limits)
    transport: httpx.AsyncBaseTransport | None = None
    """For tests that want to replace the network; normally None."""
    _clients: dict[str, httpx.AsyncClient] = field(default_factory=dict)
    _hosts: dict[str, asyncio.Semaphore] = field(default_factory=dict)
    _all: asyncio.Semaphore | None = None
    _tls: ssl.SSLContext | None = None

    async def __aenter__(self) -> Fetcher:
        self._all = asyncio.Semaphore(self.limits.total)
        return self

    async def __aexit__(self, *_: object) -> None:
        for client in self._clients.values():
            await client.aclose()

    def _client(self, host: str) -> httpx.AsyncClient:
        """One connection pool per host: httpcore's pool scans every connection it holds on each
        request, which took most of a 20-host fetch's time with a single shared pool."""
        if (client := self._clients.get(host)) is None:
            limits = self.limits
            if self._tls is None:  # loading the certificate authorities costs ~0.1 s: once, not per host
                self._tls = ssl.create_default_context(cafile=certifi.where())
            client = self._clients[host] = httpx.AsyncClient(
                verify=self._tls,
                headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
                timeout=httpx.Timeout(limits.timeout),
                limits=httpx.Limits(max_connections=limits.per_host, max_keepalive_connections=limits.per_host),
                follow_redirects=True,
                max_redirects=limits.max_redirects,
                transport=self.transport,
            )
        return client

    async def get(
        self, url: str, *, html: bool = False, etag: str | None = None, last_modified: str | None = None
    ) -> Page | Problem:
        """Fetch `url`, or say why not; `html` refuses any other content type."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return Problem(url, "not a web address (http or https)")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        host = self._hosts.setdefault(parts.hostname, asyncio.Semaphore(self.limits.per_host))
        assert self._all is not None, "use the Fetcher in `async with`"
        for attempt in range(self.limits.retries + 1):
            async with host, self._all:
                try:
                    async with asyncio.timeout(self.limits.timeout):
                        page = await self._once(self._client(parts.hostname), url, headers, html)
                except _Refused as refused:
                    return Problem(url, str(refused))
                except (TimeoutError, httpx.TimeoutException):
                    return Problem(url, f"timed out (no complete answer within {self.limits.timeout:g} s)")
                except httpx.TooManyRedirects:
                    return Problem(url, f"too many redirects (more than {self.limits.max_redirects})")
                except httpx.HTTPError as error:
                    return Problem(url, _network_reason(error, parts.hostname))
            if page.status not in RETRY_STATUSES:
                return page if page.status < 400 else Problem(url, _status_reason(page.status))
            wait = _retry_after(page, self.limits.backoff * 2**attempt)
            if attempt == self.limits.retries or wait > self.limits.max_retry_after:
                return Problem(url, _status_reason(page.status) + _after_tries(attempt + 1, wait, self.limits))
            await asyncio.sleep(wait)  # outside the host's slot: waiting is not a request in flight
        raise AssertionError("the loop returns")  # pragma: no cover

    async def _once(self, client: httpx.AsyncClient, url: str, headers: dict[str, str], html: bool) -> Page:
        async with client.stream("GET", url, headers=headers) as response:
            kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
            answer = Page(
                str(response.url),
                response.status_code,
                b"",
                kind,
                response.headers.get("etag"),
                response.headers.get("last-modified"),
                response.headers.get("retry-after"),
            )
            if response.status_code != 200:
                return answer
            if html and kind and kind not in HTML_TYPES:
                raise _Refused(f"not an HTML page ({kind})")
            body = await _read_capped(response, self.limits.max_bytes)
        return Page(answer.url, answer.status, body, kind, answer.etag, answer.last_modified)


def _retry_after(page: Page, default: float) -> float:
    """Seconds the server asked us to wait (a number or an HTTP date), else `default`."""
    if page.retry_after is None:
        return default
    value = page.retry_after.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, when.timestamp() - time.time())


def _after_tries(tries: int, wait: float, limits: Limits) -> str:
    if wait > limits.max_retry_after:
        return f" (the server asks to wait {wait:.0f} s)"
    return f" after {tries} tries"


async def _read_capped(response: httpx.Response, limit: int) -> bytes:
    """The body, decompressed by us in bounded steps so that no size past `limit` is ever held."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _Refused(f"too large ({int(declared):,} bytes; the limit is {limit:,})")
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    _check_encoding(encoding)
    decoder = None
    received = 0
    body = bytearray()
    async for chunk in response.aiter_raw():
        received += len(chunk)
        if received > limit:
            raise _Refused(f"too large (over {limit:,} bytes; the limit is {limit:,})")
        if encoding in ("identity", ""):
            body += chunk
            continue
        if decoder is None:
            decoder = _decoder(encoding, chunk)
        data = chunk
        while data:
            try:
                body += decoder.decompress(data, limit + 1 - len(body))
            except zlib.error as error:
                raise _Refused(f"damaged compressed response ({error})") from None
            if len(body) > limit:
                raise _Refused(f"too large once decompressed (over {limit:,} bytes; the limit is {limit:,})")
            data = decoder.unconsumed_tail
    return bytes(body)


def _check_encoding(encoding: str) -> None:
    if encoding not in ("identity", "", "gzip", "x-gzip", "deflate"):
        raise _Refused(f"unsupported content encoding ({encoding})")


def _decoder(encoding: str, first: bytes) -> zlib._Decompress:
    """A decompressor for the body; "deflate" is zlib-wrapped by the standard, raw from some servers."""
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    return zlib.decompressobj(zlib.MAX_WBITS if first[:1] == b"\x78" else -zlib.MAX_WBITS)


def _status_reason(status: int) -> str:
    try:
        from http import HTTPStatus

        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


_DNS_SIGNS = ("name or service not known", "nodename nor servname", "getaddrinfo", "name resolution", "no address associated")
"""What resolvers on Linux, macOS and Windows say when a name has no address."""


def _network_reason(error: httpx.HTTPError, host: str) -> str:
    """A sentence for a failure before any answer: DNS, refused connection, broken transfer."""
    text = str(error) or type(error).__name__
    if isinstance(error, httpx.ConnectError):
        lowered = text.lower()
        if any(sign in lowered for sign in _DNS_SIGNS):
            return f"DNS lookup failed: no address for {host}"
        return f"cannot connect to {host}: {text}"
    return f"network error: {text}"


def fetch_all(urls: Sequence[str], limits: Limits | None = None, *, html: bool = True) -> list[Page | Problem]:
    """Fetch every address at once within the limits; results in the same order (for the CLI)."""

    async def run() -> list[Page | Problem]:
        async with Fetcher(limits or Limits()) as fetcher:
            return list(await asyncio.gather(*(fetcher.get(url, html=html) for url in urls)))

    return asyncio.run(run())
