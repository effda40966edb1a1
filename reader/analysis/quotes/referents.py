"""Who a pronoun, a role or a name in narration refers to, for quotation attribution.

Long because pronouns, roles and names in narration are resolved over one shared view of a paragraph's candidates (`Paragraph`).

Kept apart from the cue search (`quotes_attribute`): this module knows what
in a sentence could be a speaker and how "he", "the Russian leader" or "it"
resolve to an entity; the cue search decides which of them spoke.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from reader.analysis.model import Entity, EntityMention
from reader.analysis.quotes.detect import Found, Narration, mask
from reader.analysis.quotes.lexicon import FEMALE_TITLES, MALE_TITLES, PERSON_PRONOUNS, candidate_phrases
from reader.analysis.text.sentences import bounds as sentence_bounds
from reader.analysis.text.sentences import starts as sentence_starts

SPEAKER_TYPES = frozenset({"PERSON", "ORG"})
# Openings of an introductory phrase whose comma comes before the subject: "In Berlin, Merkel said".
INTRO = re.compile(
    r"^\W*(?:in|on|at|as|after|before|when|while|following|during|since|although|though|despite|by|with|"
    r"for|from|under|asked|speaking|thanking|meeting|addressing|writing|responding|according)\b",
    re.IGNORECASE,
)
WORDS = re.compile(r"\S+")
NEAR_WORDS = 4
"""How far (in words) a subject may stand from its verb and still be read as its subject."""
_LOOKBACK = 3
"""Narration paragraphs searched backwards for a pronoun's referent."""
_CHAIN_LOOKBACK = 8
"""Narration paragraphs a chain of pronouns ("he … he said") is followed back."""
_SALIENCE = 15
"""Paragraphs counted when a pronoun's referent is whoever the passage is about."""
_TITLE_WORDS = 3
"""Words before a name read as its title: "Superior Court Judge", "visiting Russian President"."""

_GENERAL_ROLES = frozenset(
    {"leader", "counterpart", "official", "host", "guest", "visitor", "man", "woman", "chief", "head"}
)
_POSSESSIVE = re.compile(r"['’]s$")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")
_NARRATION = re.compile(r"[^\W\dX_]")
"""A letter that is not a masked-out quoted one."""
_USEFUL_TYPES = frozenset({"PERSON", "ORG", "PLACE"})
_ARTICLE_BEFORE = re.compile(r"(?:^|\W)(?:a|an|the)\s+$", re.IGNORECASE)


def _normalised(mention: EntityMention, entity: Entity | None, text: str) -> EntityMention:
    """The mention typed in upper case, as its unified entity says when known ("person" → "PERSON").

    A "person" right after an article ("a Rite Aid", "the Journal-Constitution")
    is a business or a paper: people's names take no article.
    """
    kind = (entity.type if entity is not None else mention.type).upper()
    if kind == "PERSON" and _ARTICLE_BEFORE.search(text, max(0, mention.start - 5), mention.start):
        kind = "ORG"
    if kind == mention.type:
        return mention
    return EntityMention(
        mention.paragraph, mention.start, mention.end, mention.text, kind, mention.entity, mention.title
    )


def _is_person(candidate: Candidate) -> bool:
    return candidate.kind == "mention" and candidate.mention is not None and candidate.mention.type == "PERSON"


def is_named(candidate: Candidate) -> bool:
    """Whether the candidate is a recognised person or organisation."""
    return candidate.kind == "mention" and candidate.mention is not None and candidate.mention.type in SPEAKER_TYPES


def head(para: Paragraph, candidates: list[Candidate], start: int) -> Candidate:
    """The speaker in a subject phrase: the name that ends its first segment.

    "Vancouver police Const. Tim Fanning" and "the actress's rep Jack Ketsoyan"
    end in the name; "Steve Tsang, director of SOAS," puts it before the comma.
    """
    comma = para.masked.find(",", start, candidates[-1].end)
    segment = [c for c in candidates if comma < 0 or c.end <= comma]
    named = [c for c in segment if is_named(c)]
    if named:
        return named[-1]
    named = [c for c in candidates if is_named(c)]
    if named:
        return named[0]
    return segment[0] if segment else candidates[0]


def _fits(mention: EntityMention, pronoun: str) -> bool:
    """Whether a title rules out the pronoun's gender ("she" is never "Mr Ruiz")."""
    title = (mention.title or "").lower().rstrip(".")
    return not ((pronoun == "he" and title in FEMALE_TITLES) or (pronoun == "she" and title in MALE_TITLES))


def _inside(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    """Whether `offset` lies in one of the sorted, non-overlapping `spans` (a bisection, not a scan:
    a paragraph may hold thousands of quotations)."""
    index = bisect.bisect_right(spans, (offset, sys.maxsize)) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


@dataclass(frozen=True, slots=True)
class Candidate:
    """Something in narration that could be a speaker."""

    start: int
    end: int
    kind: str
    """"mention", "pronoun", "role", "unnamed" or "document"."""
    mention: EntityMention | None = None
    word: str = ""


@dataclass(frozen=True, slots=True)
class Speaker:
    """A finding of attribution: the entity (None when nobody can be named) and the cue used."""

    entity: str | None
    cue: str | None


class _Surnames:
    """The last word of every multi-word person or organisation name in an article, found on first use.

    An object of its own rather than a method of `Referents`: every `Paragraph`
    holds it, and a bound method would tie each paragraph back to the
    `Referents` that caches it, a reference cycle only the cyclic collector
    frees, which analysis pauses (see `collector`).
    """

    def __init__(self, mentions: Mapping[int, list[EntityMention]], entities: Mapping[str, Entity]) -> None:
        self._mentions = mentions
        self._entities = entities
        self._found: dict[str, EntityMention] | None = None

    def __call__(self) -> dict[str, EntityMention]:
        if self._found is None:
            self._found = {}
            for mentions in self._mentions.values():
                for mention in mentions:
                    words = mention.text.split()
                    kind = mention.type.upper()
                    if len(words) < 2 or kind not in _USEFUL_TYPES or not words[-1][:1].isupper() or len(words[-1]) < 3:
                        continue
                    entity = self._entities.get(mention.entity)
                    self._found.setdefault(words[-1], _normalised(mention, entity, ""))
        return self._found


@dataclass(slots=True)
class Paragraph:
    """One paragraph's narration: text, masked text, sentence starts and the mentions outside quotations."""

    text: str
    masked: str
    starts: list[int]
    mentions: list[EntityMention]
    narrative: bool = True
    """Whether any narration is left once quotations are masked."""
    surnames: Callable[[], Mapping[str, EntityMention]] | None = None
    """Last words of the article's longer names (built on first use), for a surname the recogniser missed."""
    number: int = 0
    _candidates: dict[tuple[int, int], list[Candidate]] = field(default_factory=dict)
    _mention_starts: list[int] | None = None

    def sentence(self, position: int) -> tuple[int, int]:
        return sentence_bounds(self.starts, len(self.masked), position)

    def candidates(self, start: int, end: int) -> list[Candidate]:
        """Possible speakers in masked[start:end], in text order (searched once per region)."""
        key = (start, end)
        found = self._candidates.get(key)
        if found is not None:
            return found
        text = self.masked
        # A possessor is not a speaker: "Reid's rep told", "Russia’s news agency said".
        if self._mention_starts is None:
            self._mention_starts = [m.start for m in self.mentions]  # mentions are sorted by start
        first = bisect.bisect_left(self._mention_starts, start)
        last = bisect.bisect_left(self._mention_starts, end, first)
        found = [
            Candidate(m.start, m.end, "mention", m)
            for m in self.mentions[first:last]
            if m.end <= end and text[m.end : m.end + 2] not in ("'s", "’s")
        ]
        if not found and self.surnames is not None:
            surnames = self.surnames()
            for match in _CAPITALISED.finditer(text, start, end) if surnames else ():
                known = surnames.get(match.group())
                if known is not None:
                    mention = EntityMention(
                        self.number, match.start(), match.end(), match.group(), known.type, known.entity
                    )
                    found.append(Candidate(match.start(), match.end(), "mention", mention))
        taken = [(c.start, c.end) for c in found]
        for s, e, kind, word in candidate_phrases(text, start, end):
            if not any(s < te and ts < e for ts, te in taken):
                found.append(Candidate(s, e, kind, None, word))
                taken.append((s, e))
        found.sort(key=lambda c: c.start)
        self._candidates[key] = found
        return found


class Referents:
    """What narration offers as speakers, and who pronouns and roles refer to.

    Paragraphs are prepared lazily, only where quotations are.
    """

    def __init__(
        self,
        paragraphs: Sequence[str],
        found: Sequence[Found],
        mentions: Sequence[EntityMention],
        entities: Mapping[str, Entity],
        narration: Narration,
    ) -> None:
        self.paragraphs = paragraphs
        self.entities = entities
        self.narration = narration
        self.spans: dict[int, list[tuple[int, int]]] = {}
        self.found: dict[int, list[Found]] = {}
        for item in found:
            self.spans.setdefault(item.quote.paragraph, []).append((item.quote.start, item.quote.end))
            self.found.setdefault(item.quote.paragraph, []).append(item)
        self.mentions: dict[int, list[EntityMention]] = {}
        for mention in mentions:
            self.mentions.setdefault(mention.paragraph, []).append(mention)
        self.cache: dict[int, Paragraph] = {}
        self.surnames = _Surnames(self.mentions, entities)
        self._titles: dict[str, list[EntityMention]] | None = None
        self.spoken: dict[str, int] = {}
        """How many quotations each entity has been given so far: speakers stay salient."""

    def paragraph(self, number: int) -> Paragraph:
        cached = self.cache.get(number)
        if cached is None:
            text = self.paragraphs[number]
            spans = sorted(self.spans.get(number, []))
            known = self.narration.get(number)
            masked, starts = known if known is not None else (mask(text, spans), None)
            typed = (_normalised(m, self.entities.get(m.entity), text) for m in self.mentions.get(number, []))
            outside = sorted(
                (m for m in typed if m.type in _USEFUL_TYPES and not _inside(spans, m.start)),
                key=lambda m: m.start,
            )
            cached = Paragraph(
                text,
                masked,
                starts if starts is not None else sentence_starts(masked),
                outside,
                _NARRATION.search(masked) is not None,
                self.surnames,
                number,
            )
            self.cache[number] = cached
        return cached

    # --- resolving a candidate to an entity -------------------------------------------------

    def resolve(self, number: int, candidate: Candidate) -> str | None:
        if candidate.kind == "mention":
            assert candidate.mention is not None
            return candidate.mention.entity
        if candidate.kind in ("document", "unnamed"):
            return None  # a written source, or a person the article does not name: never guess
        if candidate.kind == "pronoun":
            word = candidate.word.lower()
            if word in ("he", "she"):
                return self.person_before(number, candidate.start, word)
            if word == "it":
                return self.organisation_before(number, candidate.start)
            return None
        phrase = self.paragraph(number).masked[candidate.start : candidate.end]
        return self.role_before(number, candidate.start, candidate.word, phrase)

    def _sentences_back(self, number: int, position: int, lookback: int = _LOOKBACK) -> Iterator[tuple[int, Paragraph, int, int]]:
        """(paragraph, sentence start, sentence end) going backwards from `position`.

        Only paragraphs with narration count towards `lookback`: a long quotation
        split one sentence a line must not hide who introduced it.
        """
        budget = lookback
        for back in range(number, max(number - 4 * lookback, -1), -1):
            if budget <= 0:
                break
            para = self.paragraph(back)
            if para.narrative:
                budget -= 1
            limit = position if back == number else len(para.masked)
            for index in range(len(para.starts) - 1, -1, -1):
                start = para.starts[index]
                if start >= limit and not (start == 0 and limit == 0):
                    continue
                end = para.starts[index + 1] if index + 1 < len(para.starts) else len(para.masked)
                yield back, para, start, min(end, limit)

    def person_before(self, number: int, position: int, pronoun: str) -> str | None:
        """The nearest earlier sentence subject that is a person of a fitting gender.

        When the nearest subject is itself a pronoun, the referent was set up
        further back. Sentences that merely attribute a quotation ("“…,” her
        agent said") are then weighed against the subject further back: the
        one the passage mentions more wins, the nearer one on a tie.
        """
        chained = False
        skipped: str | None = None
        for back, para, start, end in self._sentences_back(number, position, _CHAIN_LOOKBACK):
            if not chained and self._narration_between(back, number) > _LOOKBACK:
                break
            attribution = chained and self._opens_with_quote(back, start)
            for candidate in para.candidates(start, end):
                if candidate.kind == "pronoun" and candidate.word.lower() in PERSON_PRONOUNS:
                    chained = True
                    break
                if candidate.kind == "mention" and candidate.mention is not None and candidate.mention.type == "PERSON":
                    if not _fits(candidate.mention, pronoun):
                        continue
                    if attribution:
                        skipped = skipped or candidate.mention.entity
                        break
                    found = candidate.mention.entity
                    if skipped is None or skipped == found:
                        return found
                    scores = self._salience(number, pronoun)
                    return found if scores.get(found, 0) > scores.get(skipped, 0) else skipped
        return skipped or self.salient_person(number, pronoun)

    def _narration_between(self, back: int, number: int) -> int:
        """How many paragraphs from `back` to `number` hold narration."""
        return sum(1 for n in range(back, number + 1) if self.paragraph(n).narrative)

    def _opens_with_quote(self, number: int, start: int) -> bool:
        """Whether the sentence starting at `start` begins with a quotation ("“…,” X said.")."""
        text = self.paragraph(number).text
        begin = start + len(text[start:]) - len(text[start:].lstrip())
        return any(s - 1 <= begin <= s for s, _ in self.spans.get(number, []))

    def _salience(self, number: int, pronoun: str) -> dict[str, float]:
        """How much the last few paragraphs are about each fitting person: mentions and quotations, recency on ties."""
        counts: dict[str, int] = {}
        latest: dict[str, int] = {}
        order = 0
        for back in range(max(0, number - _SALIENCE), number + 1):
            for mention in self.paragraph(back).mentions:
                order += 1
                if mention.type == "PERSON" and self._entity_fits(mention.entity, pronoun):
                    counts[mention.entity] = counts.get(mention.entity, 0) + 1
                    latest[mention.entity] = order
        return {e: n + self.spoken.get(e, 0) + latest[e] / (order + 1) for e, n in counts.items()}

    def salient_person(self, number: int, pronoun: str) -> str | None:
        """The person mentioned (or quoted) most in the last few paragraphs, latest on ties."""
        scores = self._salience(number, pronoun)
        return max(scores, key=lambda entity: scores[entity]) if scores else None

    def _entity_fits(self, entity: str, pronoun: str) -> bool:
        """No mention of the entity carries a title of the other gender."""
        if self._titles is None:
            self._titles = {}
            for mentions in self.mentions.values():
                for mention in mentions:
                    if mention.title:
                        self._titles.setdefault(mention.entity, []).append(mention)
        return all(_fits(m, pronoun) for m in self._titles.get(entity, ()))

    def organisation_before(self, number: int, position: int) -> str | None:
        """"it said": a document nearby means no entity; otherwise the nearest organisation subject."""
        for _, para, start, end in self._sentences_back(number, position):
            for candidate in para.candidates(start, end):
                if candidate.kind == "document":
                    return None
                if candidate.kind == "mention" and candidate.mention is not None and candidate.mention.type == "ORG":
                    return candidate.mention.entity
        return None

    def role_before(self, number: int, position: int, role: str, phrase: str) -> str | None:
        """"the Russian leader": the nearest person introduced with that nationality or role."""
        words = phrase.split()
        modifier = words[1].lower() if len(words) > 2 and words[1][:1].isupper() else None
        # A bare role nobody was introduced with ("the manager said") stays unnamed:
        # the nearest name is as often a bystander as the speaker.
        return self._role_match(number, position, role, modifier)

    def _role_match(self, number: int, position: int, role: str, modifier: str | None) -> str | None:
        """The nearest person whose own title words carry the role or nationality ("Russian President …").

        A general role ("the Russian leader") needs only the nationality; a
        specific one ("the Russian president") needs both.
        """
        wanted = [modifier] if modifier else []
        if not (modifier and role in _GENERAL_ROLES):
            wanted += role.lower().split()
        for _, para, start, end in self._sentences_back(number, position, _CHAIN_LOOKBACK):
            persons = [c for c in para.candidates(start, end) if _is_person(c)]
            for candidate in reversed(persons):
                assert candidate.mention is not None
                titles = para.text[max(0, candidate.start - 60) : candidate.start].split()[-_TITLE_WORDS:]
                words = [_POSSESSIVE.sub("", w.strip(",.;:")).lower() for w in titles]
                words += (candidate.mention.title or "").lower().split()
                if all(w in words for w in wanted):
                    return candidate.mention.entity
        return None
