"""Who said each quotation: cues beside it, pronouns, roles and continuation.

Works on narration only: quoted words are masked out first, so a name or a
verb inside a quotation never attributes it. The order of evidence is the one
a reader uses: a cue right after the closing mark ("…," Xi said), then a cue
earlier in the sentence (Xi said relations were a "priority"), then
"according to", then a colon introduction, and last the previous speaker when
a quotation paragraph has no cue of its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .model import Entity, EntityMention, Quote
from .quotes_detect import Found, Narration, mask
from .quotes_lexicon import (
    ACCORDING_TO,
    AS_SAYING,
    DOCUMENT,
    FEMALE_TITLES,
    MALE_TITLES,
    PERSON_PRONOUNS,
    ROLE,
    SPEECH_VERB,
    SUBJECT_PRONOUN,
    sentence_bounds,
    sentence_starts,
)

_SPEAKER_TYPES = frozenset({"PERSON", "ORG"})
_INTRO = re.compile(
    r"^\W*(?:in|on|at|as|after|before|when|while|following|during|since|although|though|despite|by|with|"
    r"for|from|under|asked|speaking|thanking|meeting|addressing|writing|responding|according)\b",
    re.IGNORECASE,
)
_WORDS = re.compile(r"\S+")
_NEAR_WORDS = 4
_LOOKBACK = 3
"""Paragraphs searched backwards for a pronoun's or role's referent."""
_SALIENCE = 15
_CHAIN_LOOKBACK = 8
"""Paragraphs a chain of pronouns ("he … he said") is followed back."""
"""Paragraphs counted when a pronoun's referent is whoever the passage is about."""
_PASSIVE = frozenset({"been", "was", "were", "is", "are", "be", "being"})
_BY = re.compile(r"[\s,]*by\b")
_LOWER_WORD = re.compile(r"\b[a-z]")
_VERB_AFTER = re.compile(r"\s+([a-z]{3,}(?:ed|s))\b")


_USEFUL_TYPES = frozenset({"PERSON", "ORG", "PLACE"})


def _normalised(mention: EntityMention) -> EntityMention:
    """The mention with an upper-case type, whatever case the recogniser used."""
    kind = mention.type.upper()
    if kind == mention.type:
        return mention
    return EntityMention(mention.paragraph, mention.start, mention.end, mention.text, kind, mention.entity, mention.title)


def _is_named(candidate: _Candidate) -> bool:
    return candidate.kind == "mention" and candidate.mention is not None and candidate.mention.type in _SPEAKER_TYPES


def _head(para: _Paragraph, candidates: list[_Candidate], start: int) -> _Candidate:
    """The speaker in a subject phrase: the name that ends its first segment.

    "Vancouver police Const. Tim Fanning" and "the actress's rep Jack Ketsoyan"
    end in the name; "Steve Tsang, director of SOAS," puts it before the comma.
    """
    comma = para.masked.find(",", start, candidates[-1].end)
    segment = [c for c in candidates if comma < 0 or c.end <= comma]
    named = [c for c in segment if _is_named(c)]
    if named:
        return named[-1]
    named = [c for c in candidates if _is_named(c)]
    if named:
        return named[0]
    return segment[0] if segment else candidates[0]


def _fits(mention: EntityMention, pronoun: str) -> bool:
    """Whether a title rules out the pronoun's gender ("she" is never "Mr Ruiz")."""
    title = (mention.title or "").lower().rstrip(".")
    return not ((pronoun == "he" and title in FEMALE_TITLES) or (pronoun == "she" and title in MALE_TITLES))


@dataclass(frozen=True, slots=True)
class _Candidate:
    """Something in narration that could be a speaker."""

    start: int
    end: int
    kind: str
    """"mention", "pronoun", "role" or "document"."""
    mention: EntityMention | None = None
    word: str = ""


@dataclass(frozen=True, slots=True)
class _Speaker:
    entity: str | None
    cue: str | None


@dataclass(slots=True)
class _Paragraph:
    text: str
    masked: str
    starts: list[int]
    mentions: list[EntityMention]
    _candidates: dict[tuple[int, int], list[_Candidate]] = field(default_factory=dict)

    def sentence(self, position: int) -> tuple[int, int]:
        return sentence_bounds(self.starts, len(self.masked), position)

    def candidates(self, start: int, end: int) -> list[_Candidate]:
        """Possible speakers in masked[start:end], in text order."""
        key = (start, end)
        if key in self._candidates:
            return self._candidates[key]
        text = self.masked
        # A possessor is not a speaker: "Reid's rep told", "Russia’s news agency said".
        found: list[_Candidate] = [
            _Candidate(m.start, m.end, "mention", m)
            for m in self.mentions
            if start <= m.start and m.end <= end and text[m.end : m.end + 2] not in ("'s", "’s")
        ]
        region = self.masked[start:end]
        taken = [(c.start, c.end) for c in found]
        for pattern, kind in ((SUBJECT_PRONOUN, "pronoun"), (ROLE, "role"), (DOCUMENT, "document")):
            for match in pattern.finditer(region):
                s, e = start + match.start(), start + match.end()
                if kind == "pronoun" and match.group().lower() in ("i", "we"):
                    continue
                if not any(s < te and ts < e for ts, te in taken):
                    found.append(_Candidate(s, e, kind, None, match.group(kind if kind == "role" else 0)))
                    taken.append((s, e))
        found.sort(key=lambda c: c.start)
        self._candidates[key] = found
        return found


class _Attributor:
    """Attribution over one article; paragraphs are prepared lazily, only where quotations are."""

    def __init__(
        self, paragraphs: Sequence[str], found: Sequence[Found], mentions: Sequence[EntityMention], narration: Narration
    ) -> None:
        self.paragraphs = paragraphs
        self.narration = narration
        self.spans: dict[int, list[tuple[int, int]]] = {}
        self.found: dict[int, list[Found]] = {}
        for item in found:
            self.spans.setdefault(item.quote.paragraph, []).append((item.quote.start, item.quote.end))
            self.found.setdefault(item.quote.paragraph, []).append(item)
        self.mentions: dict[int, list[EntityMention]] = {}
        for mention in mentions:
            self.mentions.setdefault(mention.paragraph, []).append(mention)
        self.cache: dict[int, _Paragraph] = {}
        self.spoken: dict[str, int] = {}
        """How many quotations each entity has been given so far: speakers stay salient."""

    def paragraph(self, number: int) -> _Paragraph:
        cached = self.cache.get(number)
        if cached is None:
            text = self.paragraphs[number]
            spans = sorted(self.spans.get(number, []))
            known = self.narration.get(number)
            masked, starts = known if known is not None else (mask(text, spans), None)
            outside = [
                _normalised(m) for m in sorted(self.mentions.get(number, []), key=lambda m: m.start)
                if m.type.upper() in _USEFUL_TYPES and not any(s <= m.start < e for s, e in spans)
            ]
            cached = _Paragraph(text, masked, starts if starts is not None else sentence_starts(masked), outside)
            self.cache[number] = cached
        return cached

    # --- resolving a candidate to an entity -------------------------------------------------

    def resolve(self, number: int, candidate: _Candidate) -> str | None:
        if candidate.kind == "mention":
            assert candidate.mention is not None
            return candidate.mention.entity
        if candidate.kind == "document":
            return None  # a written source: never guess a person for it
        if candidate.kind == "pronoun":
            word = candidate.word.lower()
            if word in ("he", "she"):
                return self.person_before(number, candidate.start, word)
            if word == "it":
                return self.organisation_before(number, candidate.start)
            return None
        return self.role_before(number, candidate.start, candidate.word, self.paragraph(number).masked[candidate.start : candidate.end])

    def _sentences_back(self, number: int, position: int, lookback: int = _LOOKBACK):
        """(paragraph, sentence start, sentence end) going backwards from `position`."""
        for back in range(number, max(number - lookback, -1), -1):
            para = self.paragraph(back)
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
        further back: the walk goes on past sentences that merely attribute a
        quotation (their subject is a speaker, not who the passage is about),
        and if nobody is found, the person the passage is most about wins.
        """
        chained = False
        for back, para, start, end in self._sentences_back(number, position, _CHAIN_LOOKBACK):
            if back < number - _LOOKBACK and not chained:
                break
            if chained and self._opens_with_quote(back, start):
                continue
            for candidate in para.candidates(start, end):
                if candidate.kind == "pronoun" and candidate.word.lower() in PERSON_PRONOUNS:
                    chained = True
                    break
                if candidate.kind == "mention" and candidate.mention is not None and candidate.mention.type == "PERSON":
                    if _fits(candidate.mention, pronoun):
                        return candidate.mention.entity
        return self.salient_person(number, pronoun)

    def _opens_with_quote(self, number: int, start: int) -> bool:
        """Whether the sentence starting at `start` begins with a quotation ("“…,” X said.")."""
        text = self.paragraph(number).text
        begin = start + len(text[start:]) - len(text[start:].lstrip())
        return any(s - 1 <= begin <= s for s, _ in self.spans.get(number, []))

    def salient_person(self, number: int, pronoun: str) -> str | None:
        """The person mentioned (or quoted) most in the last few paragraphs, latest on ties."""
        counts: dict[str, int] = {}
        latest: dict[str, int] = {}
        order = 0
        for back in range(max(0, number - _SALIENCE), number + 1):
            for mention in self.paragraph(back).mentions:
                order += 1
                if mention.type == "PERSON" and self._entity_fits(mention.entity, pronoun):
                    counts[mention.entity] = counts.get(mention.entity, 0) + 1 + self.spoken.get(mention.entity, 0)
                    latest[mention.entity] = order
        if not counts:
            return None
        return max(counts, key=lambda entity: (counts[entity], latest[entity]))

    def _entity_fits(self, entity: str, pronoun: str) -> bool:
        """No mention of the entity carries a title of the other gender."""
        return all(_fits(m, pronoun) for ms in self.mentions.values() for m in ms if m.entity == entity)

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
        found = self._role_match(number, position, role, modifier)
        if found is not None or modifier is not None:
            return found
        if self._introduced_unnamed(number, position, role):
            return None  # "a Western diplomat … the diplomat added": nobody named
        # "the convicted killer said": the nearest person mentioned before.
        for _, para, start, end in self._sentences_back(number, position):
            persons = [c for c in para.candidates(start, end) if c.kind == "mention" and c.mention and c.mention.type == "PERSON"]
            if persons and persons[-1].mention is not None:
                return persons[-1].mention.entity
        return None

    def _introduced_unnamed(self, number: int, position: int, role: str) -> bool:
        """Whether the role was introduced with an indefinite article: "a Western diplomat"."""
        pattern = re.compile(rf"\b(?:a|an|one)\s+(?:[\w-]+\s+){{0,4}}{re.escape(role)}\b", re.IGNORECASE)
        for back in range(number, max(number - _LOOKBACK, -1), -1):
            masked = self.paragraph(back).masked
            if pattern.search(masked, 0, position if back == number else len(masked)):
                return True
        return False

    def _role_match(self, number: int, position: int, role: str, modifier: str | None) -> str | None:
        for back, para, start, end in self._sentences_back(number, position):
            persons = [c for c in para.candidates(start, end) if c.kind == "mention" and c.mention and c.mention.type == "PERSON"]
            for candidate in reversed(persons):
                assert candidate.mention is not None
                context = (para.text[max(0, candidate.start - 40) : candidate.start] + " " + (candidate.mention.title or "")).lower()
                if modifier is not None:
                    if re.search(rf"\b{re.escape(modifier)}\b", context):
                        return candidate.mention.entity
                elif re.search(rf"\b{re.escape(role.lower())}\b", context):
                    return candidate.mention.entity
        return None

    # --- cues -------------------------------------------------------------------------------

    def subject_of(self, number: int, clause_start: int, verb_start: int, verb_end: int) -> _Speaker | None:
        """The speaker of the verb at masked[verb_start:verb_end], looking before it in its clause."""
        para = self.paragraph(number)
        verb = para.masked[verb_start:verb_end]
        before = para.masked[clause_start:verb_start]
        candidates = [
            c for c in para.candidates(clause_start, verb_start)
            if not (c.kind == "mention" and c.mention is not None and c.mention.type == "PLACE"
                    and para.masked[c.end:verb_start].strip())
        ]
        if not candidates:
            return None
        stripped = before.rstrip()
        if stripped.endswith(",") and not verb.lower().endswith("ing"):
            # "Steve Tsang, director of the institute, told": skip the apposition.
            inner = stripped[:-1].rfind(",")
            if inner >= 0:
                cut = clause_start + inner
                head = [c for c in candidates if c.end <= cut]
                if head:
                    return _Speaker(self.resolve(number, head[-1]), verb)
        nearest = candidates[-1]
        gap = len(_WORDS.findall(para.masked[nearest.end:verb_start]))
        if gap <= _NEAR_WORDS and not (stripped.endswith(",") and verb.lower().endswith("ing")):
            return _Speaker(self.resolve(number, nearest), verb)
        start = clause_start
        intro = _INTRO.match(before)
        comma = before.find(",")
        if (intro or before.split(None, 1)[:1] and before.split(None, 1)[0].lower().endswith("ing")) and comma >= 0:
            start = clause_start + comma + 1
        main = [c for c in candidates if c.start >= start] or candidates
        return _Speaker(self.resolve(number, main[0]), verb)

    def after_verb(self, number: int, verb_end: int, limit: int, verb: str) -> _Speaker | None:
        """Inverted order: "…", said Dr Liow."""
        para = self.paragraph(number)
        for candidate in para.candidates(verb_end, limit):
            if candidate.kind == "mention" and candidate.mention is not None and candidate.mention.type == "PLACE":
                continue
            if len(_WORDS.findall(para.masked[verb_end:candidate.start])) > _NEAR_WORDS:
                return None
            return _Speaker(self.resolve(number, candidate), verb)
        return None

    def right_cue(self, item: Found) -> _Speaker | None:
        """A cue right after the closing mark: "…," Xi said / "…", said Dr Liow / "…," the document reads."""
        number = item.quote.paragraph
        para = self.paragraph(number)
        ends_clause = item.quote.text.rstrip("'’\"”")[-1:] in ",.!?…—-:"
        close = item.close_at
        if not para.masked[close:].strip():
            # Text split one sentence a line leaves the cue alone on the next: “…,” / Roesler said.
            if not item.quote.text.endswith(",") or number + 1 >= len(self.paragraphs) or number + 1 in self.spans:
                return None  # only a comma says the sentence goes on
            number, close = number + 1, 0
            para = self.paragraph(number)
            if len(para.masked.split()) > 12:
                return None
        return self._cue_after(number, close, ends_clause)

    def _cue_after(self, number: int, close: int, ends_clause: bool) -> _Speaker | None:
        para = self.paragraph(number)
        _, end = para.sentence(max(close - 1, 0))
        region = para.masked[close:end]
        nxt = region.find("“"), region.find('"')
        stop = min([n for n in nxt if n >= 0], default=len(region))
        region = region[:stop]
        ends_clause = ends_clause or region.lstrip()[:1] in (",", "—", "–")
        cited = AS_SAYING.search(region) if " as " in region else None
        if cited and len(_WORDS.findall(region[: cited.start()])) <= 12:
            who = [c for c in para.candidates(close + cited.start("who"), close + cited.end("who")) if c.kind != "document"]
            if who:
                return _Speaker(self.resolve(number, who[0]), f"{cited.group().split()[0]} as saying")
        verb = SPEECH_VERB.search(region)
        if verb is None or len(_WORDS.findall(region[: verb.start()])) > 14:
            return self._tail_cue(number, close, close + len(region))
        lead = region[: verb.start()].strip(" ,—–\n")
        if not lead:
            return self.after_verb(number, close + verb.end(), end, verb.group()) or _Speaker(None, verb.group())
        candidates = para.candidates(close, close + verb.start())
        if not candidates:
            # "…," industry sources say: a cue with nobody we can name.
            if ends_clause:
                return _Speaker(None, verb.group()) if len(lead.split()) <= 6 else None
            return self._tail_cue(number, close, close + len(region))
        first = candidates[0]
        if not ends_clause and _LOWER_WORD.search(para.masked, close, first.start):
            # The quotation goes on as part of the sentence (“rejuvenate” their countries),
            # unless the sentence ends with its own cue (…, argued the NRDC).
            return self._tail_cue(number, close, close + len(region))
        return _Speaker(self.resolve(number, _head(para, candidates, close)), verb.group())

    def _tail_cue(self, number: int, close: int, end: int) -> _Speaker | None:
        """A short closing clause that attributes the sentence: “…” by agencies, argued the NRDC."""
        para = self.paragraph(number)
        region = para.masked[close:end].rstrip(" .\n")
        comma = region.rfind(",")
        if comma < 0:
            return None
        clause_start = close + comma + 1
        clause = region[comma + 1 :]
        verb = SPEECH_VERB.search(clause)
        if verb is None or len(clause.split()) > 8:
            return None
        if not clause[: verb.start()].strip():
            return self.after_verb(number, clause_start + verb.end(), close + len(region), verb.group())
        candidates = para.candidates(clause_start, clause_start + verb.start())
        named = [c for c in candidates if _is_named(c) or c.kind in ("pronoun", "role")]
        return _Speaker(self.resolve(number, named[-1]), verb.group()) if named else None

    def later_in_sentence(self, item: Found) -> _Speaker | None:
        """“A” because of its “B” and because it “C,” Olli Rehn said: the sentence's last cue covers all."""
        number = item.quote.paragraph
        para = self.paragraph(number)
        if item.close_at >= len(para.masked):
            return None
        _, end = para.sentence(item.close_at - 1)
        for later in self.found.get(number, []):
            if item.close_at < later.close_at <= end and later.quote.kind != "term":
                speaker = self.right_cue(later)
                if speaker is not None:
                    return speaker
        return None

    def named_then_verb(self, item: Found) -> _Speaker | None:
        """“…!” Prime Minister Lee thundered: a name right after the quotation, then any verb."""
        number = item.quote.paragraph
        para = self.paragraph(number)
        close = item.close_at
        if close >= len(para.masked) or item.quote.text[-1:] not in ",!?…":
            return None
        _, end = para.sentence(close - 1)
        for candidate in para.candidates(close, end):
            if not _is_named(candidate) or candidate.mention is None or candidate.mention.type != "PERSON":
                return None
            if len(_WORDS.findall(para.masked[close : candidate.start])) > 3:
                return None
            verb = _VERB_AFTER.match(para.masked, candidate.end)
            return _Speaker(candidate.mention.entity, verb.group(1)) if verb else None
        return None

    def left_cue(self, item: Found) -> _Speaker | None:
        """A cue earlier in the sentence: Xi said relations were a “priority”; Mr Lukin said: “…”."""
        number = item.quote.paragraph
        para = self.paragraph(number)
        opening = item.open_at if item.open_at >= 0 else item.quote.start
        start, _ = para.sentence(opening)
        left = para.masked[start:opening]
        cited = None
        for cited in AS_SAYING.finditer(left):
            pass
        if cited is not None:
            who = [c for c in para.candidates(start + cited.start("who"), start + cited.end("who")) if c.kind != "document"]
            if who:
                return _Speaker(self.resolve(number, who[0]), f"{cited.group().split()[0]} as saying")
        verbs = list(SPEECH_VERB.finditer(left))
        if not verbs:
            return None
        verb = verbs[-1]
        if not verb.group().endswith("ing") and left[: verb.start()].split()[-1:] and left[: verb.start()].split()[-1].lower() in _PASSIVE:
            # Passive: labelled “suspicious” by the fire chief.
            agent = _BY.match(para.masked, item.close_at) if item.close_at < len(para.masked) else None
            if agent is not None:
                _, end = para.sentence(agent.end())
                found = self.after_verb(number, agent.end(), end, verb.group())
                if found is not None:
                    return found
            return _Speaker(None, verb.group())
        if left[: verb.start()].rstrip().endswith(","):
            # "It is, said Rep. Jay Inslee, the Bushies' “last sour note”": an inserted cue.
            inserted = self.after_verb(number, start + verb.end(), opening, verb.group())
            if inserted is not None and inserted.entity is not None:
                return inserted
        speaker = self.subject_of(number, start, start + verb.start(), start + verb.end())
        return speaker or _Speaker(None, verb.group())  # "A witness told …": nobody we can name

    def according_to(self, item: Found) -> _Speaker | None:
        number = item.quote.paragraph
        para = self.paragraph(number)
        start, end = para.sentence(max(item.open_at, item.quote.start))
        match = ACCORDING_TO.search(para.masked, start, end)
        if match is None:
            return None
        # "according to the NYPD's statement": here the possessor is the source.
        for mention in para.mentions:
            if match.end() <= mention.start < end and mention.type in _SPEAKER_TYPES:
                if len(_WORDS.findall(para.masked[match.end() : mention.start])) <= _NEAR_WORDS:
                    return _Speaker(mention.entity, "according to")
                break
        return self.after_verb(number, match.end(), end, "according to")

    def colon_intro(self, item: Found) -> _Speaker | None:
        """A quotation introduced by a sentence ending in a colon: Mr Lukin added: / “…”."""
        number = item.quote.paragraph
        para = self.paragraph(number)
        opening = item.open_at if item.open_at >= 0 else item.quote.start
        start, _ = para.sentence(opening)
        before = para.masked[start:opening].rstrip()
        if not before and number > 0 and not para.masked[:opening].strip():
            number -= 1
            para = self.paragraph(number)
            before = para.masked.rstrip()
        if not before.endswith(":"):
            return None
        colon = len(before) - 1
        start, _ = para.sentence(colon)
        verbs = list(SPEECH_VERB.finditer(para.masked, start, colon))
        if not verbs:
            # "…experts such as Dr Azm Al Homoud:" introduces the person named just before the colon.
            named = [c for c in para.candidates(start, colon) if c.kind == "mention" and c.mention and c.mention.type in _SPEAKER_TYPES]
            if named and len(_WORDS.findall(para.masked[named[-1].end : colon])) <= 1:
                return _Speaker(self.resolve(number, named[-1]), None)
            return None
        verb = verbs[-1]
        return self.subject_of(number, start, verb.start(), verb.end()) or self.after_verb(number, verb.end(), colon, verb.group())


    def preceding_sentence(self, item: Found) -> _Speaker | None:
        """A quotation right after a narration sentence whose subject speaks: Kim Lee disagreed. “…”."""
        number = item.quote.paragraph
        para = self.paragraph(number)
        opening = item.open_at if item.open_at >= 0 else item.quote.start
        start, _ = para.sentence(opening)
        if para.masked[start:opening].strip():
            return None
        if start > 0:
            index = para.starts.index(start)
            begin, end = para.starts[index - 1], start
        elif number > 0:
            number -= 1
            para = self.paragraph(number)
            begin, end = para.starts[-1], len(para.masked)
        else:
            return None
        if any(begin < e and s < end for s, e in self.spans.get(number, [])):
            return None  # narration around another quotation: continuation decides
        verbs = list(SPEECH_VERB.finditer(para.masked, begin, end))
        if not verbs:
            return None
        speaker = self.subject_of(number, begin, verbs[0].start(), verbs[0].end())
        if speaker is None or speaker.entity is None:
            return None
        return _Speaker(speaker.entity, None)


def attribute(
    paragraphs: Sequence[str],
    found: Sequence[Found],
    mentions: Sequence[EntityMention],
    entities: Mapping[str, Entity],
    narration: Narration | None = None,
) -> tuple[Quote, ...]:
    """Fill `speaker` and `cue` of each detected quotation; terms keep neither.

    `narration` is what `scan` recorded, so paragraphs are not masked twice.
    """
    attributor = _Attributor(paragraphs, found, mentions, narration or {})
    groups: list[list[Found]] = []
    for item in found:
        if item.quote.continued and groups:
            groups[-1].append(item)
        else:
            groups.append([item])
    result: list[Quote] = []
    previous: tuple[int, _Speaker] | None = None  # last paragraph with speech, and its speaker
    for group in groups:
        first, last = group[0], group[-1]
        if first.quote.kind == "term":
            result.extend(item.quote for item in group)
            continue
        speaker = (
            attributor.right_cue(last)
            or attributor.left_cue(first)
            or attributor.named_then_verb(last)
            or attributor.according_to(first)
            or attributor.later_in_sentence(last)
            or attributor.colon_intro(first)
            or attributor.preceding_sentence(first)
        )
        if speaker is None and previous is not None and _continues(attributor, previous[0], first.quote.paragraph):
            speaker = _Speaker(previous[1].entity, None)
        if speaker is not None:
            previous = (last.quote.paragraph, speaker)
            if speaker.entity is not None:
                attributor.spoken[speaker.entity] = attributor.spoken.get(speaker.entity, 0) + 1
        for item in group:
            if speaker is None:
                result.append(item.quote)
            else:
                q = item.quote
                result.append(Quote(q.paragraph, q.start, q.end, q.text, speaker.entity, q.kind, speaker.cue, q.continued))
    return tuple(result)


def _continues(attributor: _Attributor, before: int, number: int) -> bool:
    """Whether a quotation in paragraph `number` can carry on the speech of paragraph `before`.

    Only paragraphs without any person in their narration may stand between
    (a stray line of page furniture, say): a new person means a new speaker.
    """
    if number - before > 2:
        return False
    for between in range(before + 1, number):
        if any(m.type == "PERSON" for m in attributor.paragraph(between).mentions):
            return False
    return True
