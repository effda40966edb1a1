"""Recognising the web-page junk that comes with copied articles.

Each rule names its reason, which the reader shows next to the removed line
so a user can check the cleaner. Rules look at the shape of a line (a bare
address, a "Related:" teaser, a login prompt, a photo credit), never at what
a particular article says.
"""

from __future__ import annotations

import re

_URL_LINE = re.compile(r"^\s*(?:<?(?:https?://|www\.)\S+>?\s*)+$", re.IGNORECASE)

_TEASER = re.compile(
    r"^\s*(?:related(?:\s+(?:articles?|stories|story|content|coverage|reading|links?|news|video))?"
    r"|read\s+(?:more|also|next)|also\s+read|see\s+also|more\s+on\s+this(?:\s+story)?|recommended(?:\s+for\s+you)?"
    r"|most\s+(?:read|popular|viewed)|watch(?:\s+now)?|listen|trending|top\s+stories|you\s+may\s+also\s+like)"
    r"\s*[:|>»–—-]",
    re.IGNORECASE,
)

_CHROME_LINE = re.compile(
    r"^\s*(?:advertisement|sponsored(?:\s+content)?|story\s+continues\s+below(?:\s+advertisement)?"
    r"|share\s+(?:this|on|via)\b.*|(?:facebook|twitter|linkedin|whatsapp|email|print|copy\s+link)(?:\s*[|/,·]?\s*"
    r"(?:facebook|twitter|x|linkedin|whatsapp|email|print|copy\s+link))+"
    r"|skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|(?:all\s+rights\s+reserved|copyright\s+©?.*)|©.*)\s*\.?\s*$",
    re.IGNORECASE,
)

# Prompts a site shows around its comments and accounts. Matched only on short
# lines, because article sentences can mention signing up or logging in.
_PROMPT = re.compile(
    r"\b(?:log(?:ged)?\s*in|log\s*out|sign\s*(?:up|in)|subscribe|subscribers?\s+only|newsletter|registering"
    r"|register\s+(?:now|for\s+free|to)|create\s+(?:an\s+)?account|comment(?:ing)?\s+(?:forum|section|policy)"
    r"|join\s+(?:our|the)\s+(?:commenting|conversation|discussion)|thought-provoking\s+conversations"
    r"|refresh\s+(?:the|your)\s+(?:page|browser)|already\s+have\s+an\s+account|view\s+comments"
    r"|cookie\s+(?:policy|settings)|accept\s+cookies|enable\s+javascript"
    r"|unlimited\s+(?:digital\s+)?access|keep\s+reading)\b",  # a paywall's offer under a teaser
    re.IGNORECASE,
)

_CREDIT = re.compile(
    r"(?:\((?:[^()]*\b(?:images?|photos?|photograph|pictures?|getty|reuters|afp|ap|epa|shutterstock|pool|file)\b[^()]*)\)"
    r"|\b(?:photo|image|picture|photograph|credit|illustration)s?\s*(?:credit)?\s*:\s*[^.]{0,80})\s*$",
    re.IGNORECASE,
)
_CREDIT_ONLY = re.compile(
    r"^\s*(?:\(?\s*(?:photo|image|picture|photograph|credit|illustration)s?(?:\s+credit)?\s*(?::|by)\s*.{0,80}\)?)\s*$",
    re.IGNORECASE,
)

_CAPTION_MAX = 600
"""Captions are a sentence or two; longer paragraphs are never treated as one."""


def junk_reason(line: str) -> str | None:
    """Why `line` is page furniture rather than article text, or None if it is text."""
    if _URL_LINE.match(line):
        return "bare URL"
    if _TEASER.match(line):
        return "related-article teaser"
    if _CHROME_LINE.match(line):
        return "page furniture (ads, share buttons, copyright)"
    words = len(line.split())
    if words <= 25 and _PROMPT.search(line):
        return "comment or login prompt"
    if _CREDIT_ONLY.match(line):
        return "image credit"
    return None


def _may_have_credit(line: str) -> bool:
    """A credit ends the line with a bracket or follows a colon: most paragraphs need no regex search,
    which tries the pattern at every position (an eighth of all cleaning time before this check)."""
    return len(line) <= _CAPTION_MAX and (":" in line or line.rstrip().endswith(")"))


def strip_credit(line: str) -> str:
    """`line` without a trailing photo credit such as "(Getty Images)"."""
    if len(line) > _CAPTION_MAX:
        return line
    return _CREDIT.sub("", line).rstrip() if _may_have_credit(line) else line.rstrip()


def has_credit(line: str) -> bool:
    """True when `line` ends with a photo credit, as captions do."""
    return _may_have_credit(line) and _CREDIT.search(line) is not None
