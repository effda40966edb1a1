"""Cues that news from other genres writes loosely (issue #17).

Wire copy attributes with a verb beside the quotation; blogs, political
coverage and social posts often do not: "Lee on the result: “…”", "“…”
Lee said." as a sentence of its own. These are the last cues tried before
the previous speaker is carried over.
"""

from __future__ import annotations

from reader.analysis.quotes.detect import Found
from reader.analysis.quotes.lexicon import SPEECH_VERB
from reader.analysis.quotes.referents import WORDS, Referents, Speaker, is_named


class LooseCues(Referents):
    """Attribution from a colon introduction without a verb, and from a sentence after the quotation."""

    def colon_subject(self, number: int, start: int, colon: int) -> Speaker | None:
        """A colon introduction without a verb of saying: "Lee replied in a tweet:", "Lee's reply:",
        "Lee was heard yelling at them:". The sentence's subject, a person named at its start, speaks."""
        para = self.paragraph(number)
        subject = next(iter(para.candidates(start, colon)), None)
        if subject is None or not is_named(subject) or subject.mention is None or subject.mention.type != "PERSON":
            return None
        if len(WORDS.findall(para.masked[start : subject.start])) > 1:
            return None  # not the subject: "After talks with Lee, the minister wrote:"
        cue = para.masked[start:colon].split()[-1:]
        return Speaker(self.resolve(number, subject), (cue[0] if cue else "") + ":")

    def next_sentence(self, item: Found) -> Speaker | None:
        """A closed quotation followed by a short sentence of attribution: “… missing.” Lee said."""
        number = item.quote.paragraph
        para = self.paragraph(number)
        close = item.close_at
        if close >= len(para.masked) or item.quote.text.rstrip()[-1:] not in ".!?":
            return None
        begin, end = para.sentence(close)
        if not para.masked[close:end].strip() and end < len(para.masked):
            begin, end = para.sentence(end)  # the quotation closed its sentence: read the next one
        begin = max(begin, close)
        clause = para.masked[begin:end]
        if '"' in clause or "“" in clause or len(clause.split()) > 6:
            return None
        verb = SPEECH_VERB.search(clause)
        if verb is None or clause[verb.end() :].strip(" .\n"):
            return None  # "Lee said." ends there; "Lee said the talks failed." is a claim of its own
        return self.subject_of(number, begin, begin + verb.start(), begin + verb.end())

    def subject_of(self, number: int, clause_start: int, verb_start: int, verb_end: int) -> Speaker | None:
        """The speaker of a verb, looking before it in its clause: the attributor's own search."""
        raise NotImplementedError
