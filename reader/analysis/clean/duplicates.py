"""Copies of one article in a corpus: kept once, the others reported.

Two copies of one article must not look like two outlets agreeing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from reader.analysis.model import Article, Problem


def drop_duplicates(articles: Sequence[Article]) -> tuple[list[Article], list[Problem]]:
    """Keep the first of articles whose cleaned text (headline and body) is identical, reporting the others.

    Two copies of one article must not look like two outlets agreeing.
    """
    kept: list[Article] = []
    problems: list[Problem] = []
    first: dict[str, Article] = {}
    for article in articles:
        # The whole text, headline included: two one-line files have empty bodies that compare equal.
        whole = "\n".join((article.title, article.subtitle or "", *article.paragraphs))
        key = hashlib.blake2b(whole.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        original = first.setdefault(key, article)
        if original is article:
            kept.append(article)
        else:
            problems.append(Problem(article.source, f"duplicate of {original.source}; left out", "warning"))
    return kept, problems
