"""The local archive: feed subscriptions and every article fetched from the web, each stored once.

It lives in the user data folder (`$READER_DATA_DIR` overrides it): an SQLite
index (`archive.sqlite3`) and the pages themselves under `articles/`, one
.html file each, with a first line saying where it came from (see
the HTML source's provenance line). The folder is therefore an ordinary corpus:
the reader opens it like any folder of saved pages, and the analysis cache
works on it unchanged.

An article is stored once: by its address with tracking parameters removed
(`canonical_url`), by the feed's GUID, and by its text (the same story under
two addresses).
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING = re.compile(
    r"^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ocid|cmpid|ito"
    r"|at_medium|at_campaign|at_custom\d*)$",
    re.I,
)
"""Query parameters that say how a reader arrived, not which page it is."""


def default_data_dir() -> Path:
    """Where the archive lives: `$READER_DATA_DIR`, else the platform's user data folder."""
    if override := os.environ.get("READER_DATA_DIR"):
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("reader", appauthor=False))


def canonical_url(url: str) -> str:
    """The address that names the page: tracking parameters, fragment and default port removed."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port not in (None, 80 if parts.scheme == "http" else 443) else None
    netloc = f"{host}:{port}" if port else host
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", query, ""))


def text_hash(paragraphs: list[str]) -> str:
    """A fingerprint of an article's words, blind to case and spacing, for the same story at two addresses."""
    words = " ".join(" ".join(paragraphs).casefold().split())
    return hashlib.blake2b(words.encode("utf-8"), digest_size=16).hexdigest()


@dataclass(frozen=True, slots=True)
class Subscription:
    """A feed the user subscribed to, with what the next conditional GET sends."""

    url: str
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    checked: str | None = None
    """When it was last fetched (ISO 8601, UTC)."""
    error: str | None = None
    """Why the last fetch failed, if it did."""


@dataclass(frozen=True, slots=True)
class Stored:
    """One article to store: the page (with its provenance line) and what identifies it."""

    url: str
    page: bytes
    text_hash: str
    fetched: str
    title: str | None = None
    guid: str | None = None
    feed: str | None = None
    outlet: str | None = None


_SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY, title TEXT, etag TEXT, last_modified TEXT, added TEXT, checked TEXT, error TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, guid TEXT UNIQUE, text_hash TEXT NOT NULL UNIQUE,
    feed TEXT, outlet TEXT, title TEXT, fetched TEXT NOT NULL, file TEXT NOT NULL);
"""


class Archive:
    """Subscriptions and fetched articles; one connection, used from one thread."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or default_data_dir()
        self.folder = self.directory / "articles"
        """The stored pages: the corpus `reader` opens when it is given no path."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.directory / "archive.sqlite3"
        self._db = sqlite3.connect(self.path, isolation_level=None)
        # Write-ahead log without a sync per commit: each stored article is its own commit, and
        # syncing each one held the fetch loop up for most of its time (a crash may lose the
        # last few, which the next fetch simply fetches again).
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # Subscriptions

    def subscribe(self, url: str, added: str, title: str | None = None) -> bool:
        """Add a feed; False when it was already there."""
        cursor = self._db.execute("INSERT OR IGNORE INTO feeds (url, title, added) VALUES (?, ?, ?)", (url, title, added))
        return cursor.rowcount == 1

    def unsubscribe(self, url: str) -> bool:
        """Remove a feed (its articles stay); False when there was no such feed."""
        return self._db.execute("DELETE FROM feeds WHERE url = ?", (url,)).rowcount == 1

    def subscriptions(self) -> list[Subscription]:
        rows = self._db.execute("SELECT url, title, etag, last_modified, checked, error FROM feeds ORDER BY added, url")
        return [Subscription(*row) for row in rows]

    def checked(self, feed: Subscription) -> None:
        """Record a fetch of `feed`: its validators and title when it succeeded, its error when not."""
        self._db.execute(
            "UPDATE feeds SET title = COALESCE(?, title), etag = ?, last_modified = ?, checked = ?, error = ? WHERE url = ?",
            (feed.title, feed.etag, feed.last_modified, feed.checked, feed.error, feed.url),
        )

    # Articles

    def known(self, url: str, guid: str | None = None) -> bool:
        """True when this address (tracking parameters aside) or this GUID is stored already."""
        row = self._db.execute(
            "SELECT 1 FROM articles WHERE url = ? OR (guid IS NOT NULL AND guid = ?) LIMIT 1", (canonical_url(url), guid)
        ).fetchone()
        return row is not None

    def store(self, article: Stored) -> Path | None:
        """Store an article's page; None when the same address, GUID or text is there already."""
        url = canonical_url(article.url)
        name = _file_name(url, article.title)
        try:
            self._db.execute(
                "INSERT INTO articles (url, guid, text_hash, feed, outlet, title, fetched, file) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (url, article.guid, article.text_hash, article.feed, article.outlet, article.title, article.fetched, name),
            )
        except sqlite3.IntegrityError:
            return None  # a duplicate: one of the UNIQUE columns says which, and it does not matter
        path = self.folder / name
        temporary = path.with_suffix(".part")
        try:
            temporary.write_bytes(article.page)
            temporary.replace(path)  # the reader never sees half a page
        except OSError:
            self._db.execute("DELETE FROM articles WHERE url = ?", (url,))  # no row without its page
            raise
        return path

    def file_of(self, url: str) -> Path | None:
        """The stored page for this address (tracking parameters aside), if there is one."""
        row = self._db.execute("SELECT file FROM articles WHERE url = ?", (canonical_url(url),)).fetchone()
        return self.folder / row[0] if row else None

    def file_of_text(self, digest: str) -> Path | None:
        """The stored page with this text (see `text_hash`), if there is one."""
        row = self._db.execute("SELECT file FROM articles WHERE text_hash = ?", (digest,)).fetchone()
        return self.folder / row[0] if row else None

    def count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def feed_counts(self) -> dict[str, int]:
        """Articles stored per feed."""
        return dict(self._db.execute("SELECT feed, COUNT(*) FROM articles WHERE feed IS NOT NULL GROUP BY feed"))


def _file_name(url: str, title: str | None) -> str:
    """`<words of the title>-<hash of the address>.html`: readable, unique, and the article's id in the reader."""
    words = re.findall(r"[a-z0-9]+", (title or urlsplit(url).path).casefold())
    slug = "-".join(words)[:60].strip("-") or "article"
    return f"{slug}-{hashlib.blake2b(url.encode('utf-8'), digest_size=4).hexdigest()}.html"
