"""Markdown articles to blocks: headings and paragraphs as plain text.

markdown-it-py does the parsing, so emphasis, links, lists and block quotes
come out as the words a reader sees; images leave no text.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.analysis.model import Block

_PARSER = MarkdownIt("commonmark")


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts).strip()


def blocks(text: str) -> tuple[Block, ...]:
    """Headings and paragraphs of a Markdown document, in order.

    Code blocks and HTML blocks are kept as paragraphs of their raw text so no
    words are lost silently; the cleaner decides what is junk.
    """
    result: list[Block] = []
    tokens = _PARSER.parse(text)
    heading = False
    for token in tokens:
        if token.type == "heading_open":
            heading = True
        elif token.type == "heading_close":
            heading = False
        elif token.type == "inline":
            content = _inline_text(token)
            if content:
                result.append(Block(content, "heading" if heading else "paragraph"))
        elif token.type in ("fence", "code_block", "html_block"):
            for line in token.content.strip("\n").split("\n"):
                if line.strip():
                    result.append(Block(line, "paragraph"))
    return tuple(result)
