"""Text with its citation, as the copy keys put it on the clipboard."""

from __future__ import annotations

from ..analysis.model import Article, Quote


def cite(article: Article, paragraph: int, text: str | None = None) -> str:
    """`text` (the paragraph if None) in quotation marks, then outlet, title, date, where it is from and the paragraph.

    Article text is passed on as it is: the clipboard is not a terminal.
    """
    body = text if text is not None else article.paragraphs[paragraph]
    where = getattr(article, "url", None) or article.source
    parts = [article.outlet, f"“{article.title}”" if article.title else None, article.date, where, f"¶ {paragraph + 1}"]
    return f"“{body}”\n— {', '.join(part for part in parts if part)}"


def cite_quote(article: Article, quote: Quote, speaker: str | None) -> str:
    """A quotation with who said it, then the article's citation."""
    said = f"{speaker}: " if speaker else ""
    return said + cite(article, quote.paragraph, quote.text)
