"""The subject of a verb of saying: who, in the clause before or after the verb, speaks.

Kept apart from the cue search (`attribute`), which decides which verb is the
cue; this module reads the clause around it: appositions ("Lee, director of
the institute, said"), participles ("…, adding"), coordinated verbs and names
in prepositional phrases (`clauses`), and inverted order ("said Dr Lee").
"""

from __future__ import annotations

from reader.analysis.quotes.clauses import coordinated, in_prepositional_phrase, phrase_end
from reader.analysis.quotes.lexicon import SPEECH_VERB
from reader.analysis.quotes.loose_cues import LooseCues
from reader.analysis.quotes.referents import INTRO, NEAR_WORDS, WORDS, Speaker, is_named


def _in_parentheses(text: str, start: int, position: int) -> bool:
    """Whether `position` lies inside a parenthesis opened after `start`."""
    return text.count("(", start, position) > text.count(")", start, position)


class Subjects(LooseCues):
    """Subjects of verbs of saying, for the cue search."""

    def subject_of(self, number: int, clause_start: int, verb_start: int, verb_end: int) -> Speaker | None:
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
        # "Lee of the Council on Trade said": a name in a prepositional phrase after a name is no subject.
        candidates = [
            c for i, c in enumerate(candidates)
            if not (i and any(is_named(e) for e in candidates[:i]) and in_prepositional_phrase(para.masked, c.start))
        ]
        stripped = before.rstrip()
        if verb.lower().endswith("ing") and (stripped.endswith(",") or candidates[-1].kind == "document"):
            reported = self._reporting_verb(number, clause_start, verb_start)
            if reported is not None:
                return Speaker(reported.entity, verb)  # "Park left early, Lee said, adding …": Lee speaks
            # "Lee issued a statement saying …", "Lee defended the plan, adding …": the clause's subject.
            subject = candidates[0]
            if is_named(subject) and len(WORDS.findall(para.masked[clause_start : subject.start])) <= 1:
                return Speaker(self.resolve(number, subject), verb)
        if stripped.endswith(",") and not verb.lower().endswith("ing"):
            # "Steve Tsang, director of the institute, told": skip the apposition.
            inner = stripped[:-1].rfind(",")
            if inner >= 0:
                cut = clause_start + inner
                # Names in parentheses are asides: "Nick Rahall II (D - W. Va.), who …, called".
                before_cut = [
                    c for c in candidates if c.end <= cut and not _in_parentheses(para.masked, clause_start, c.start)
                ]
                named = [c for c in candidates if c.start > cut and is_named(c) and c.mention is not None
                         and c.mention.type == "PERSON" and len(WORDS.findall(para.masked[cut + 1 : c.start])) <= 2]
                if named and not any(is_named(c) for c in before_cut):
                    return Speaker(self.resolve(number, named[0]), verb)  # "Her spokesman, Bill McAllister, said"
                if before_cut:
                    return Speaker(self.resolve(number, before_cut[-1]), verb)
        nearest = candidates[-1]
        gap = len(WORDS.findall(para.masked[nearest.end:verb_start]))
        # "Lee criticised Park and said": Park is the first verb's object; the subject is further back.
        joined = len(candidates) > 1 and coordinated(para.masked[nearest.end : verb_start])
        if gap <= NEAR_WORDS and not joined and not (stripped.endswith(",") and verb.lower().endswith("ing")):
            return Speaker(self.resolve(number, nearest), verb)
        start = clause_start
        intro = INTRO.match(before)
        comma = before.find(",")
        if (intro or (before.split(None, 1)[:1] and before.split(None, 1)[0].lower().endswith("ing"))) and comma >= 0:
            start = clause_start + comma + 1
        main = [c for c in candidates if c.start >= start] or candidates
        return Speaker(self.resolve(number, main[0]), verb)

    def _reporting_verb(self, number: int, clause_start: int, verb_start: int) -> Speaker | None:
        """The speaker of a finite verb of saying that closes the text before a participle: "…, Lee said, adding"."""
        para = self.paragraph(number)
        before = para.masked[clause_start:verb_start].rstrip()
        verbs = list(SPEECH_VERB.finditer(para.masked, clause_start, verb_start))
        if not verbs or verbs[-1].group().endswith("ing") or not before.endswith(","):
            return None
        last = verbs[-1]
        if para.masked[last.end() : clause_start + len(before) - 1].strip():
            return None  # words after the verb: "Lee said the plan failed, adding" keeps the subject rule
        found = self.subject_of(number, clause_start, last.start(), last.end())
        return found if found is not None and found.entity is not None else None

    def after_verb(self, number: int, verb_end: int, limit: int, verb: str) -> Speaker | None:
        """Inverted order: "…", said Dr Liow / said Academy spokeswoman Leslie Unger."""
        para = self.paragraph(number)
        comma = para.masked.find(",", verb_end, limit)
        candidates = [
            c for c in para.candidates(verb_end, comma if comma >= 0 else limit)
            if not (c.kind == "mention" and c.mention is not None and c.mention.type == "PLACE")
        ]
        if not candidates or len(WORDS.findall(para.masked[verb_end : candidates[0].start])) > NEAR_WORDS:
            return None
        # "said party member Lee Park when asked about Kim Roe": the speaker's phrase ends at "when".
        stop = phrase_end(para.masked, candidates[0].end, limit)
        candidates = [c for c in candidates if c.start < stop]
        people = [c for c in candidates if c.kind == "mention" and c.mention is not None and c.mention.type == "PERSON"]
        return Speaker(self.resolve(number, people[-1] if people else candidates[0]), verb)
