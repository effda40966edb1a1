"""Who said each quotation: the cues beside it, and continuation when there are none.

Works on narration only: quoted words are masked out first, so a name or a
verb inside a quotation never attributes it. The order of evidence is the one
a reader uses: a cue right after the closing mark ("…," Xi said), a cue
earlier in the sentence (Xi said relations were a "priority"), "according
to", a cue shared with a later quotation of the same sentence or closing it,
a colon introduction, the subject of the sentence just before, and last the
previous speaker when a quotation paragraph has no cue of its own. A cue with
nobody nameable ("a witness told") keeps the speaker empty rather than
borrowing one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from reader.analysis.model import Entity, EntityMention, Quote
from reader.analysis.quotes.clauses import non_finite, recipient, reporting_verb
from reader.analysis.quotes.detect import Found, Narration
from reader.analysis.quotes.lexicon import ACCORDING_TO, AS_SAYING, SPEECH_VERB
from reader.analysis.quotes.referents import (
    NEAR_WORDS,
    SPEAKER_TYPES,
    WORDS,
    Candidate,
    Speaker,
    head,
    is_named,
)
from reader.analysis.quotes.subjects import Subjects

_PASSIVE = frozenset({"been", "was", "were", "is", "are", "be", "being"})
_BY = re.compile(r"[\s,]*by\b")
_INSERTED = frozenset({"said", "says", "added", "adds", "wrote", "writes", "explained", "explains", "noted", "argued"})
"""Verbs that can stand inverted between commas with their subject after them: ", said Dr Liow,"."""
_LOWER_WORD = re.compile(r"\b[a-z]")
_VERB_AFTER = re.compile(
    r"\s+((?:went|goes) on|(?:shot|fired|hit|struck|shoots|fires|hits|strikes) back|(?:chimed|chimes|cut|cuts|broke|breaks) in"
    r"|[a-z]{3,}(?:ed|s))\b"
)
"""A verb right after "…!" Lee: any regular past or present form, or a phrasal verb of reply ("shot back")."""


class _Attributor(Subjects):
    """The cue search over one article's narration."""

    def right_cue(self, item: Found) -> Speaker | None:
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

    def _cue_after(self, number: int, close: int, ends_clause: bool) -> Speaker | None:
        para = self.paragraph(number)
        _, end = para.sentence(max(close - 1, 0))
        region = para.masked[close:end]
        nxt = region.find("“"), region.find('"')
        stop = min([n for n in nxt if n >= 0], default=len(region))
        region = region[:stop]
        ends_clause = ends_clause or region.lstrip()[:1] in (",", "—", "–")
        cited = AS_SAYING.search(region) if " as " in region else None
        if cited and len(WORDS.findall(region[: cited.start()])) <= 12:
            who = para.candidates(close + cited.start("who"), close + cited.end("who"))
            who = [c for c in who if c.kind != "document"]
            if who:
                return Speaker(self.resolve(number, who[0]), f"{cited.group().split()[0]} as saying")
        verb = SPEECH_VERB.search(region)
        if verb is None or len(WORDS.findall(region[: verb.start()])) > 14:
            return None
        lead = region[: verb.start()].strip(" ,—–\n")
        if not lead and verb.group().endswith("ing"):
            return None  # “…,” adding that …: a participle; its subject is the sentence's, found from the left
        if not lead:
            return self.after_verb(number, close + verb.end(), end, verb.group()) or Speaker(None, verb.group())
        candidates = para.candidates(close, close + verb.start())
        if not candidates:
            # "…," industry sources say: a cue with nobody we can name.
            return Speaker(None, verb.group()) if ends_clause and len(lead.split()) <= 6 else None
        first = candidates[0]
        if not ends_clause and _LOWER_WORD.search(para.masked, close, first.start):
            return None  # the quotation goes on as part of the sentence: “rejuvenate” their countries
        return Speaker(self.resolve(number, head(para, candidates, close)), verb.group())

    def tail_cue(self, item: Found) -> Speaker | None:
        """A short closing clause that attributes the sentence: “…” by agencies, argued the NRDC."""
        number = item.quote.paragraph
        para = self.paragraph(number)
        if not para.narrative:
            return None  # a paragraph of quotation only: no cue in it
        close = item.close_at
        if close >= len(para.masked):
            return None
        _, end = para.sentence(close - 1)
        region = para.masked[close:end].rstrip(" .\n")
        if '"' in region or "“" in region:
            return None  # another quotation follows: its own cues decide
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
        named = [c for c in candidates if is_named(c) or c.kind in ("pronoun", "role")]
        return Speaker(self.resolve(number, named[-1]), verb.group()) if named else None

    def later_in_sentence(self, item: Found) -> Speaker | None:
        """“A” because of its “B” and because it “C,” Olli Rehn said: the sentence's last cue covers all."""
        number = item.quote.paragraph
        para = self.paragraph(number)
        if not para.narrative:
            return None  # a paragraph of quotation only: no cue in it
        if item.close_at >= len(para.masked):
            return None
        _, end = para.sentence(item.close_at - 1)
        for later in self.found.get(number, []):
            if item.close_at < later.close_at <= end and later.quote.kind != "term":
                speaker = self.right_cue(later)
                if speaker is not None:
                    return speaker
        return None

    def named_then_verb(self, item: Found) -> Speaker | None:
        """“…!” Prime Minister Lee thundered: a name right after the quotation, then any verb."""
        number = item.quote.paragraph
        para = self.paragraph(number)
        if not para.narrative:
            return None  # a paragraph of quotation only: no cue in it
        close = item.close_at
        if close >= len(para.masked) or item.quote.text[-1:] not in ",!?…":
            return None
        _, end = para.sentence(close - 1)
        for candidate in para.candidates(close, end):
            if not is_named(candidate) or candidate.mention is None or candidate.mention.type != "PERSON":
                return None
            if len(WORDS.findall(para.masked[close : candidate.start])) > 3:
                return None
            verb = _VERB_AFTER.match(para.masked, candidate.end)
            return Speaker(candidate.mention.entity, verb.group(1)) if verb else None
        return None

    def left_cue(self, item: Found) -> Speaker | None:
        """A cue earlier in the sentence: Xi said relations were a “priority”; Mr Lukin said: “…”."""
        number = item.quote.paragraph
        para = self.paragraph(number)
        if not para.narrative:
            return None  # a paragraph of quotation only: no cue in it
        opening = item.open_at if item.open_at >= 0 else item.quote.start
        start, _ = para.sentence(opening)
        left = para.masked[start:opening]
        # The last "as X said" before the quotation, if any.
        cited = next(reversed(list(AS_SAYING.finditer(left))), None) if " as " in left else None
        if cited is not None:
            who = para.candidates(start + cited.start("who"), start + cited.end("who"))
            who = [c for c in who if c.kind != "document"]
            if who:
                return Speaker(self.resolve(number, who[0]), f"{cited.group().split()[0]} as saying")
        verbs = list(SPEECH_VERB.finditer(left))
        if not verbs:
            return None
        # "Lee said Park would urge …", "Lee said it is wrong to think …": the reporting verb decides.
        finite = [v for v in verbs if not non_finite(left, v.start())]
        verb = finite[-1] if finite else verbs[-1]
        verb = reporting_verb(left, finite, verb)
        previous_word = left[: verb.start()].split()[-1:]
        if previous_word and previous_word[0].lower() in _PASSIVE and not verb.group().endswith("ing"):
            # Passive: labelled “suspicious” by the fire chief.
            agent = _BY.match(para.masked, item.close_at) if item.close_at < len(para.masked) else None
            if agent is not None:
                _, end = para.sentence(agent.end())
                found = self.after_verb(number, agent.end(), end, verb.group())
                if found is not None:
                    return found
            return Speaker(None, verb.group())
        inserted_end = left.find(",", verb.end())
        if not left[: verb.start()].strip():
            # "Said Lee, who grew up there, “…”": the cue opens the sentence, its speaker after it.
            opening_cue = self.after_verb(number, start + verb.end(), opening, verb.group())
            if opening_cue is not None and opening_cue.entity is not None:
                return opening_cue
        if left[: verb.start()].rstrip().endswith(",") and verb.group() in _INSERTED and inserted_end >= 0:
            # "It is, said Rep. Jay Inslee, the Bushies' “last sour note”": an inserted cue.
            inserted = self.after_verb(number, start + verb.end(), opening, verb.group())
            if inserted is not None and inserted.entity is not None:
                return inserted
        speaker = self.subject_of(number, start, start + verb.start(), start + verb.end())
        return speaker or Speaker(None, verb.group())  # "A witness told …": nobody we can name

    def according_to(self, item: Found) -> Speaker | None:
        """“…,” according to Maria Lopez / according to the NYPD's statement, “…”."""
        number = item.quote.paragraph
        para = self.paragraph(number)
        if not para.narrative:
            return None  # a paragraph of quotation only: no cue in it
        start, end = para.sentence(max(item.open_at, item.quote.start))
        match = ACCORDING_TO.search(para.masked, start, end)
        if match is None:
            return None
        # "according to the NYPD's statement": here the possessor is the source.
        for mention in para.mentions:
            if match.end() <= mention.start < end and mention.type in SPEAKER_TYPES:
                if len(WORDS.findall(para.masked[match.end() : mention.start])) <= NEAR_WORDS:
                    return Speaker(mention.entity, "according to")
                break
        return self.after_verb(number, match.end(), end, "according to")

    def colon_intro(self, item: Found) -> Speaker | None:
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
            named = [c for c in para.candidates(start, colon) if is_named(c)]
            if named and recipient(para.masked, named[-1].start):
                named = named[:-1]  # "Lee delivered a blunt message to Park:": Park is spoken to
            if named and len(WORDS.findall(para.masked[named[-1].end : colon])) <= 1:
                return Speaker(self.resolve(number, _person_before_affiliation(para.masked, named)), None)
            return self.colon_subject(number, start, colon)
        verb = verbs[-1]
        speaker = self.subject_of(number, start, verb.start(), verb.end())
        return speaker or self.after_verb(number, verb.end(), colon, verb.group())

    def preceding_sentence(self, item: Found) -> Speaker | None:
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
        return Speaker(speaker.entity, None)


def _person_before_affiliation(text: str, named: list[Candidate]) -> Candidate:
    """`Lee Park, The Daily Ledger:` names a person and then where they work: the person speaks."""
    last = named[-1]
    if len(named) > 1 and last.mention is not None and last.mention.type == "ORG":
        person = named[-2]
        if person.mention is not None and person.mention.type == "PERSON" and text[person.end : last.start].strip() == ",":
            return person
    return last


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
    attributor = _Attributor(paragraphs, found, mentions, entities, narration or {})
    groups: list[list[Found]] = []
    for item in found:
        if item.quote.continued and groups:
            groups[-1].append(item)
        else:
            groups.append([item])
    result: list[Quote] = []
    previous: tuple[int, Speaker] | None = None  # last paragraph with speech, and its speaker
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
            or attributor.tail_cue(last)
            or attributor.colon_intro(first)
            or attributor.next_sentence(last)
            or attributor.preceding_sentence(first)
        )
        if speaker is None and previous is not None and _continues(attributor, previous[0], first):
            speaker = Speaker(previous[1].entity, None)
        if speaker is not None:
            previous = (last.quote.paragraph, speaker)
            if speaker.entity is not None:
                attributor.spoken[speaker.entity] = attributor.spoken.get(speaker.entity, 0) + 1
        for item in group:
            if speaker is None:
                result.append(item.quote)
            else:
                q = item.quote
                result.append(
                    Quote(q.paragraph, q.start, q.end, q.text, speaker.entity, q.kind, speaker.cue, q.continued)
                )
    return tuple(result)


def _continues(attributor: _Attributor, before: int, first: Found) -> bool:
    """Whether a quotation without cues carries on the speech last heard in paragraph `before`.

    Direct speech does, and so does anything in that same paragraph; a partial
    quotation inside other narration does not. Only paragraphs without any
    person in their narration may stand between (a stray line of page
    furniture, say): a new person means a new speaker.
    """
    number = first.quote.paragraph
    if number - before > 2 or (first.quote.kind != "direct" and number != before):
        return False
    for between in range(before + 1, number):
        if any(m.type == "PERSON" for m in attributor.paragraph(between).mentions):
            return False
    return True
