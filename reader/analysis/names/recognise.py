"""Recognising and typing the people, organisations and places of one article.

Long because its rules all read and write one article's state (`_Article`: the runs found, the names given, the typing evidence); splitting it means passing that state between modules, which the next change to recognition (tracked in #17) should do.

Two passes over the article. The first finds capitalised runs (`chunks.chunk_pattern`)
and notes which words appear capitalised in mid-sentence, where a capital is
evidence of a name. The second splits each run into its title, its name and
any separate names it glued together ("Xi of China", "China-Russia"), types
the name from head words, gazetteers and context, and finally resolves bare
surnames and acronyms against the fuller names of the same article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from operator import attrgetter

from ..model import UNTYPED, EntityMention
from . import lexicon
from .chunks import Word, chunk_pattern, sentence_start, words_of
from .context import (
    Name,
    after_preposition,
    example_of_orgs,
    guess,
    lone_person,
    opens_with_a_person,
    org_context,
    org_follows,
    place_context,
    text_after,
    type_of,
)
from .emphasis import shouted, written_lower
from .gazetteer import given_names, places, regions
from .ids import entity_id
from .lowercase import lowercase_places
from .phrases import (
    CONNECTORS,
    FUNCTION_CAPS,
    ORG_PLACE_HEADS,
    TITLE_WORDS,
    bare,
    initials_of,
    is_acronym,
    keeps_whole,
    quoted,
    title_split,
)
from .sport import sports_report, team_names
from .titles import quoted_titles

_PAREN_ACRONYM = re.compile(r"[ \u00a0]?\((?:the[ \u00a0])?([A-Z][A-Za-z.&]{1,9})\)")
_SAYING = frozenset("said says told added explained insisted argued noted wrote warned stressed replied".split())
# Calendar words end a name run: "Senator Obama Sunday announced".
_SPLITTERS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July "
    "August September October November December".split()
)
_GENERIC_HEADS = frozenset(["People"])
# A function word with a capital inside a line: the line is set in Title Case, not a list of names.
_CAPITAL_FUNCTION = re.compile(" (?:" + "|".join(sorted(FUNCTION_CAPS - {"I"}, key=len, reverse=True)) + ") ")
# Roles held in an organisation that the name before them is: "Gazprom CEO", "Lakeside Coach".
_EMPLOYER_ROLES = frozenset(
    "CEO CFO COO Chairman Chairwoman Chairperson Chair Spokesman Spokeswoman Spokesperson Director "
    "Founder Co-founder Coach Manager Executive Chief".split()
)
# Prepositions that put what follows on the map ("in Tuzbek", "near Tuzbek").
_INSIDE = tuple(f" {w} " for w in "in near outside inside across throughout".split())
_NUMBER_AFTER = re.compile(r" ?\d")
_SENTENCE_ENDS = (".", "?", "!", "”", '"')
_COMPASS = frozenset("North South East West Northern Southern Eastern Western Central".split())
# Months that are also given names: "June Soh" is a person, "June 5" a date.
_MONTH_NAMES_OF_PEOPLE = frozenset("April June August".split())
# Lone capitalised words with these endings are adjectives or groups ("Islamist", "Republicans").
_ADJECTIVE_ENDINGS = ("ist", "ists", "ite", "ites", "ans", "ic", "ese", "ish")
_HEADS = lexicon.ORG_HEADS | lexicon.ORG_OF_HEADS | lexicon.PLACE_HEADS | lexicon.PLACE_FIRST | lexicon.MISC_HEADS
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z]+\b")
_LOWER_NEXT = re.compile(r" [a-z]")
_CODE = re.compile(r"\d[A-Za-z]|-\d")
# A capital inside a word after lower case, as brands write it ("ExxonMobil", "YouTube"); surnames'
# prefixes ("McKay", "MacLeod", "DeLay", "LaBelle", "DiMaggio", "VanHorn") are no brands.
_CAMEL = re.compile(r"^(?!Mc|Mac|De|Di|La|Le|Van)[A-Z][a-z]+[A-Z]")
# Words of praise that open a review's phrase, as written in Title Case or in capitals ("GREAT Store").
_PRAISE = lexicon.NOT_NAME_OPENERS | frozenset(w.upper() for w in lexicon.NOT_NAME_OPENERS)
# Heads of organisations' names that alone name none ("the Government", "the Council", "Inc"); a
# newspaper's head alone is the paper ("the Guardian reported"), and some bodies go by one word.
_PRESS_HEADS = frozenset("Times Post News Journal Herald Tribune Gazette Telegraph Guardian Observer Independent Press".split())
_BARE_HEADS = frozenset(
    w for h in lexicon.ORG_HEADS - lexicon.SINGLE_WORD_ORGS - _PRESS_HEADS if not is_acronym(h) for w in (h, f"{h}.")
)
_PLURAL_HEADS = lexicon.ORG_HEADS | lexicon.PLACE_HEADS | lexicon.ROLE_WORDS
_POSITION = attrgetter("paragraph", "start")  # a mention's place in the article, read in C when sorting
# Analyses of mid-sentence runs, which depend on nothing but the run's own text.
# The last field tells a name in capitals, which a replay judges again for emphasis.
_MEMO: dict[str, tuple[tuple[int, int, str, str | None, str | None, bool], ...]] = {}


def _bracket_sentence(text: str, m: re.Match[str]) -> bool:
    """ "(See attached file ...)", "(Photo by ...)": a bracket that opens a sentence, whose first capital
    proves nothing; "Ann Lee (Riverton)" closes at once and keeps its name."""
    start = m.start()
    return start > 0 and text[start - 1] == "(" and _LOWER_NEXT.match(text, m.end()) is not None


def _splits_at(words: list[Word], k: int) -> bool:
    """Does a calendar word at `k` end the run here ("Senator Obama Sunday"), rather than name a thing?"""
    word = words[k].text
    if word not in _SPLITTERS:
        return False
    following = words[k + 1].text if k + 1 < len(words) else ""
    # "Sunday Telegraph" is a newspaper, "June Soh" a person.
    return following not in lexicon.ORG_HEADS and not (word in _MONTH_NAMES_OF_PEOPLE and following[:1].isupper())


class _Article:
    """Recognition state for one article: evidence gathered in pass one, names found in pass two."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.paragraphs = paragraphs
        self.joined = " " + " ".join(paragraphs) + " "
        self.places = places()
        self.regions = regions()
        self.given = given_names()
        self.names: list[Name] = []
        self.acronyms: dict[str, str] = {}
        self.midsentence: set[str] = set()
        self.seen: set[tuple[int, int]] = set()
        self.person_words: set[str] = set()
        self.recording: list[Name] | None = None
        self.headlines: set[int] = set()
        self.dateline = False
        self.cacheable = False
        self.named: list[str] | None = None

    # -- pass one ---------------------------------------------------------
    def gather(self) -> list[tuple[int, re.Match[str], bool]]:
        """All capitalised runs, flagged with whether they open a sentence."""
        found: list[tuple[int, re.Match[str], bool]] = []
        finditer = chunk_pattern().finditer
        for p, text in enumerate(self.paragraphs):
            if "(" in text:
                runs = [(m, sentence_start(text, m.start()) or _bracket_sentence(text, m)) for m in finditer(text)]
            else:
                runs = [(m, sentence_start(text, m.start())) for m in finditer(text)]
            if (text.isupper() or not text.rstrip().endswith(_SENTENCE_ENDS)) and self.headline(p, text, runs):
                # A headline in Title Case: capitals prove nothing here, only known names count.
                self.headlines.add(p)
                found.extend((p, m, True) for m, _ in runs)
                continue
            for m, starts in runs:
                words = m.group().split()
                if starts and len(words) == 1 and words[0] in FUNCTION_CAPS:
                    continue  # "The", "But" opening a sentence (one run in seven): nothing to name
                found.append((p, m, starts))
                self.midsentence.update(words[1:] if starts else words)
        return found

    def headline(self, p: int, text: str, runs: list[tuple[re.Match[str], bool]]) -> bool:
        """A line in ALL CAPS, or a line in Title Case with no closing full stop: the first line,
        or one whose function words too have capitals ("Thanks For The Prompt Service").

        Title Case elsewhere is a results table, a list of names or a standings row, where
        capitals still mark names ("12. Ann Berg (Norway) 51.2")."""
        total = text.count(" ") + 1
        if text.isupper():
            return total >= 2
        if p > 0 and not _CAPITAL_FUNCTION.search(text):
            return False
        capitals = sum(m.group().count(" ") + 1 for m, _ in runs)
        return total >= 5 and capitals >= 0.5 * total and self.title_case(text)

    @staticmethod
    def title_case(text: str) -> bool:
        """A headline: no closing full stop, and every word but the short function words capitalised."""
        text = text.rpartition(": ")[2]  # "Related article: Title Of It"
        return not any(w not in lexicon.FUNCTION_WORDS for w in _LOWER_WORD.findall(text))

    def known_in_headline(self, word: str) -> bool:
        if word in self.midsentence or word in self.places:
            return True
        # ALL-CAPS headlines and datelines: "JAPAN", "LONDON".
        if not (word.isupper() and len(word) > 2):
            return False
        name = word.title()
        return name in self.regions or (name in self.places and (name in self.midsentence or self.dateline))

    def headline_chunk(self, p: int, m: re.Match[str]) -> None:
        """Keep the runs of a headline's words that the article's body or a gazetteer knows as names."""
        group = m.group()
        # "LONDON 1996-08-30": a dateline names a town, however small.
        self.dateline = m.start() == 0 and self.paragraphs[p][m.end() : m.end() + 2] in (" 1", " 2", ", ", " ,")
        if group in self.places or (group.count(" ") and self.joined.count(f" {group}") > 1):
            # The body names it the same way ("Vladimir Putin"): a name, not a headline's capitals.
            self.part(p, words_of(group, m.start()), False)
            return
        run: list[Word] = []
        words: list[Word | None] = list(words_of(m.group(), m.start()))
        if group.isupper():
            words = self.caps_places(p, [w for w in words if w is not None])
        for w in [*words, None]:
            if w is not None and (
                (run and w.text.lower() in CONNECTORS)
                or (w.text not in CONNECTORS and self.known_in_headline(w.text))
            ):
                run.append(w)
                continue
            while run and run[-1].text in CONNECTORS:
                run.pop()
            if run:
                self.part(p, run, False)
            run = []

    def caps_places(self, p: int, words: list[Word]) -> list[Word | None]:
        """Places of several words in an ALL-CAPS run ("SNOW HITS NEW YORK"), looked up whole;
        the words left over, each followed by None where a place was taken out."""
        left: list[Word | None] = []
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + 4), i + 1, -1):
                text = self.paragraphs[p][words[i].start : words[j - 1].end]
                if text.title() in self.places:
                    self.add(p, words[i].start, words[j - 1].end, text, "PLACE", None)
                    left.append(None)  # the words on either side are separate runs
                    i = j
                    break
            else:
                left.append(words[i])
                i += 1
        return left

    # -- pass two ---------------------------------------------------------
    def known(self, word: str) -> bool:
        """Is a sentence-initial word a name anyway (seen mid-sentence, or in a gazetteer)?"""
        return word in self.midsentence or word in self.places

    def common_word(self, word: str) -> bool:
        """Does the article use this word in lower case, or does it look like a verb or adverb?"""
        low = word.lower()
        if low in lexicon.FUNCTION_WORDS:
            return True
        if word not in self.midsentence and (
            f" {low} " in self.joined or f" {low}," in self.joined or f" {low}." in self.joined
        ):
            return True
        return low.endswith(("ing", "ly", "ed")) and not self.known(word)

    def chunk(self, p: int, m: re.Match[str], starts: bool) -> None:
        group = m.group()
        if group.isupper() and " " in group and group.title() in self.places:
            # "NEW YORK", in a headline or a dateline: the whole run is the place, not its last word.
            self.add(p, m.start(), m.end(), group, "PLACE", None)
            return
        if p in self.headlines:
            self.headline_chunk(p, m)
            return
        base = m.start()
        if starts:
            # Settle the sentence's first word here, against this article; what is left of the run
            # is then a mid-sentence run like any other.
            words = self.open_sentence(p, words_of(group, base))
            if not words:
                return
            base = words[0].start
            group = self.paragraphs[p][base : words[-1].end]
        # A mid-sentence run is analysed the same way wherever it occurs: replay a past analysis.
        hit = _MEMO.get(group)
        if hit is not None:
            for rs, rend, text, kind, title, caps in hit:
                if caps and shouted(text, self.paragraphs[p], self.joined):
                    continue  # stressed in this article, though a name where the run was analysed first
                self.add(p, base + rs, base + rend, text, kind, title)
            if hit and hit[-1][1] == len(group) and hit[-1][3] != "PERSON":
                text = self.paragraphs[p]
                if text.startswith(("(", " ("), base + len(group)):
                    self.acronym_after(p, base + len(group), hit[-1][2], hit[-1][3], text)
            return
        self.recording = []
        self.cacheable = True
        self.analyse(p, group, base)
        if self.cacheable:
            if len(_MEMO) > 100_000:
                _MEMO.clear()
            _MEMO[group] = tuple(
                (n.start - base, n.end - base, n.text, n.type, n.title, n.text.isupper()) for n in self.recording
            )
        self.recording = None

    def open_sentence(self, p: int, words: list[Word]) -> list[Word]:
        """The run without the words that are capitalised only because the sentence starts with them."""
        ends = (k for k in range(1, len(words)) if _splits_at(words, k) or words[k].text in FUNCTION_CAPS)
        cut = next(ends, len(words))
        return self.trim_opening(p, words[:cut]) + words[cut:]

    def analyse(self, p: int, group: str, base: int) -> None:
        words = words_of(group, base)
        # Split at interior function words ("U.S. The ..."), which start a new sentence.
        parts: list[tuple[list[Word], bool]] = []
        current: list[Word] = []
        first = False
        for k, w in enumerate(words):
            if _splits_at(words, k):
                if current:
                    parts.append((current, first))
                current, first = [], False
                continue
            if current and w.text in FUNCTION_CAPS:
                parts.append((current, first))
                current, first = [], current[-1].text.endswith(".")
            current.append(w)
        if current:
            parts.append((current, first))
        for part, opens in parts:
            self.part(p, part, opens)

    def trim_opening(self, p: int, words: list[Word]) -> list[Word]:
        """Drop a sentence's first word when it is a common word, keep it when it is a name."""
        text = self.paragraphs[p]
        if words:
            head = bare(words[0].text)
            if head in FUNCTION_CAPS or (head not in TITLE_WORDS and head not in lexicon.DEMONYMS and self.common_word(head)):
                words = words[1:]
            elif len(words) > 2 and words[1].text in CONNECTORS and not self.known(head) and head not in _HEADS:
                # "Officials of the ...": an unknown word before "of" opening a sentence is a common noun.
                words = words[1:]
            elif len(words) > 1 and self.adjective_before_name(head, words[1].text) and not self.lone_head(words[1:]):
                words = words[1:]  # "Defendant Asher Weisgan", "Initial NATO", "Meantime Center for ..."
            elif len(words) == 1 and not self.known(head) and not is_acronym(head):
                # An unknown word opening a sentence is a name only if it does something a person does.
                after = text[words[0].end : words[0].end + 12].split()
                if (
                    (not after or after[0].rstrip(".,;:") not in _SAYING)  # "…," Lindqvist said.
                    and not (text.startswith((", who ", ", whose "), words[0].end) and not head.endswith("s"))
                    and not self.signed(text, head)
                    and not (head in self.given and opens_with_a_person(text, words[0].end))
                    and not (org_follows(text, words[0].end) and not head.endswith("s"))  # not "Officials announced"
                ):
                    return []
            while words and words[0].text in CONNECTORS:
                words = words[1:]
        return words

    def part(self, p: int, words: list[Word], opens: bool) -> None:
        text = self.paragraphs[p]
        if opens:
            self.cacheable = False  # the opening word was judged against this article
            words = self.trim_opening(p, words)
        if not words:
            return
        # A leading "The" in mid-sentence belongs to the name ("The Independent", "The Hague").
        lead_the = words[0].text == "The" and len(words) > 1
        body = words[1:] if lead_the else words
        cut, title = title_split(body)
        if not cut and len(body) > 2 and body[0].text in lexicon.ROLE_WORDS and (
            body[1].text in self.given or body[0].text == "State"
        ):
            cut = 1  # "(secretary of) State Condoleezza Rice": the end of a lower-case title
        prefix, body = body[:cut], body[cut:]
        if prefix:
            self.prefix_places(p, prefix)
        if not body or all(bare(w.text) in TITLE_WORDS or w.text in lexicon.DEMONYMS for w in body):
            return
        self.split_of(p, words[:1] + body if lead_the and not prefix else body, title, text)

    def demonym(self, word: str) -> bool:
        """ "Russian", "Alaskan", "Somalians", "Brazilian": a people or an adjective, not a place."""
        if word in lexicon.DEMONYMS:
            return True
        if word.endswith("s"):
            word = word[:-1]
        if not word.endswith("n") or word in self.places:
            return False
        regions = self.regions  # countries and states: "Annan" is no demonym of the town of Anna
        return word[:-1] in regions or word[:-3] in regions or (word.endswith("ian") and word[:-4] + "a" in regions)

    def quoted(self, text: str, words: list[Word]) -> bool:
        self.cacheable = False  # depends on the characters around the run, not on the run
        return quoted(text, words)

    def possessive(self, text: str, end: int) -> bool:
        self.cacheable = False  # likewise
        return text.startswith(("'s", "’s"), end)

    def signed(self, line: str, head: str) -> bool:
        """A line that is only a given name, as a letter's greeting or signature ("Renee," "Phillip")."""
        return head in self.given and line.strip().rstrip(",.!:-") == head

    @staticmethod
    def lone_head(rest: list[Word]) -> bool:
        """Would dropping the first word leave an organisation's head alone ("Vorlex Corp", "Brenmark Group")?"""
        return len(rest) == 1 and bare(rest[0].text) in lexicon.ORG_HEADS

    def adjective_before_name(self, head: str, second: str) -> bool:
        """Is a sentence's unknown first word just a word before a name the next word clearly starts?"""
        if head in TITLE_WORDS or head in lexicon.DEMONYMS or head in self.given or self.known(head):
            return False
        second = bare(second)
        return (
            second in self.given
            or second in self.regions
            or (is_acronym(second) and second not in TITLE_WORDS)
            or second in lexicon.ORG_HEADS
            or ("-" in head and head.partition("-")[2][:1].islower())
        )

    def prefix_places(self, p: int, prefix: list[Word]) -> None:
        """Places and employers named inside a title ("U.S. President", "Gazprom CEO") are mentions
        of their own: a place from the gazetteer, an organisation from the run of other words before
        an employer's role ("CEO", "Spokesman"; not a title word, a nationality, a compass point or a word the article writes in
        lower case)."""
        run: list[Word] = []
        for w in [*prefix, None]:
            if w is not None and (w.text in lexicon.PLACE_ACRONYMS or (w.text in self.places and w.text not in lexicon.ROLE_WORDS)):
                self.add(p, w.start, w.end, w.text, "PLACE", None)
            elif w is not None and not (
                bare(w.text) in TITLE_WORDS
                or w.text in CONNECTORS
                or w.text in _COMPASS
                or self.demonym(w.text)
                or self.common_word(w.text)
            ):
                run.append(w)
                continue
            if run and w is not None and w.text in _EMPLOYER_ROLES:
                self.cacheable = False
                self.add(p, run[0].start, run[-1].end, self.paragraphs[p][run[0].start : run[-1].end], "ORG", None)
            run = []

    def split_of(self, p: int, words: list[Word], title: str | None, text: str) -> None:
        """Keep "Bank of England" and "Food and Agriculture Organization" whole; split "Xi of China".

        Long because each connector case ("of", "and", a title between names) reads the words around it."""
        whole: str | None = None
        for i in range(1, len(words) - 2):
            if words[i].text == "and" and words[i + 1].text == "the":
                # "the X and the Y" always names two things: split there before anything else.
                self.split_of(p, words[:i], title, text)
                cut, rtitle = title_split(words[i + 2 :])
                if words[i + 2 + cut :]:
                    self.split_of(p, words[i + 2 + cut :], rtitle, text)
                return
        inside = False
        for i, w in enumerate(words):
            if w.text == "on":
                inside = True  # only a subject-named body takes "on" into its run: "Council on ..."
                continue
            if w.text not in ("of", "for", "and") or not 0 < i < len(words) - 1:
                continue
            whole = whole or " ".join(x.text for x in words)
            if (
                (inside and w.text != "and")
                or whole in self.places
                or keeps_whole(words, i)
                or self.quoted(text, words)
            ):
                # "World Society for the Protection of Animals": once inside a name, stay inside.
                inside = True
                continue
            left = words[:i]
            right = words[i + 1 :]
            if right and right[0].text == "the":
                right = right[1:]
            self.split_of(p, left, title, text)
            if right:
                cut, rtitle = title_split(right)
                if right[cut:]:
                    self.split_of(p, right[cut:], rtitle, text)
            return
        while words and (words[-1].text in CONNECTORS or words[-1].text == "on"):
            words = words[:-1]  # "the Council on Monday": the calendar word took the subject away
        if len(words) > 2 and words[0].text in _COMPASS and words[1].text in lexicon.DEMONYMS:
            words = words[1:]  # "South African Wesley Moodie"
        if len(words) > 1 and self.demonym(words[0].text) and not title:
            # "German Tommy Haas" is a German named Tommy Haas; "Russian Far East" and "Saudi Arabia" stay whole.
            rest = " ".join(w.text for w in words[1:])
            if (
                rest not in self.places
                and f"{words[0].text} {rest}" not in self.places
                and bare(words[-1].text) not in ORG_PLACE_HEADS
            ):
                words = words[1:]
                while words and words[0].text in CONNECTORS:
                    words = words[1:]
        if len(words) > 1 and words[-1].text in lexicon.PERSON_ROLES and words[-1].text not in lexicon.ORG_HEADS:
            if words[0].text not in self.given:
                return  # "House Majority Leader": a role, no name
            # A byline's "Jane Roe Asia Editor": the trailing role and its region are not the name.
            while len(words) > 1 and (
                bare(words[-1].text) in TITLE_WORDS or words[-1].text in self.regions or words[-1].text in CONNECTORS
            ):
                words = words[:-1]
        if len(words) > 2 and words[0].text in self.regions and words[1].text in self.given:
            # "Sudan Roger Winter": a country, then a person.
            self.name(p, words[:1], None, text)
            words = words[1:]
        if len(words) > 1 and words[-1].text in self.regions and self.possessive(text, words[-1].end):
            # "awarded Ann Lee China's first medal": two names side by side.
            if " ".join(w.text for w in words) not in self.places:
                self.name(p, words[:-1], title, text)
                self.name(p, words[-1:], None, text)
                return
        if words:
            self.name(p, words, title, text)

    def name(self, p: int, words: list[Word], title: str | None, text: str) -> None:
        start, end = words[0].start, words[-1].end
        surface = text[start:end]
        if surface.isupper() and shouted(surface, text, self.joined):
            self.cacheable = False  # judged against the article's words; a replay judges it again
            return
        if len(words) > 1 and words[0].text in _PRAISE and self.praise(words, surface, text):
            return
        if len(words) == 1:
            word = surface
            if word in lexicon.NOT_NAMES or word in FUNCTION_CAPS or self.demonym(word) or len(word) == 1:
                return
            if word in _GENERIC_HEADS or word in lexicon.PERSON_ROLES:
                return  # "the People" alone is no name (it is in "People's Daily"), nor "the Lord Mayor"
            if word in _BARE_HEADS:
                return  # "the Government", "the Council", "Inc": a body's head word, short for a name given elsewhere
            if _CODE.search(word):
                return  # "H5N1", "CRJ-200s", "F-16": models and strains, not organisations
            if word[-1] == "s" and (word[:-1] in _PLURAL_HEADS or word[:-1].isupper()):
                # "the two States", "CEOs": common nouns and plurals, not names.
                return
            if word.endswith(_ADJECTIVE_ENDINGS) and word not in self.places:
                self.cacheable = False
                if not self.known_person(word):
                    return
            if "-" in word and word not in self.places and not is_acronym(word):
                if self.hyphenated(p, start, word):
                    return
                head, _, tail = word.partition("-")
                if tail[:1].islower() and (head in lexicon.DEMONYMS or head in lexicon.NOT_NAMES):
                    return  # "English-language", "Muslim-majority"
        elif all(len(w.text) == 2 and w.text[1] == "." for w in words):
            # Initials alone ("U. S.", "D. C."): a spaced-out acronym, or nothing we can name.
            if surface.replace(" ", "") in lexicon.PLACE_ACRONYMS:
                self.add(p, start, end, surface, "PLACE", None)
            return
        elif not self.gazetteer_place(words, surface):
            # The gazetteer is asked before the head-word rules: "Middle East" ends in a compass word.
            cut = next((i for i, w in enumerate(words) if w.text in ("of", "for", "on")), len(words))
            head = words[cut - 1].text
            if (
                head in lexicon.NOT_NAMES
                or head in lexicon.DEMONYMS
                or head in lexicon.MISC_HEADS
                or words[0].text in lexicon.MISC_FIRST
                or (cut == 1 and head in lexicon.PERSON_ROLES)  # "the Minister of State": an office, no one named
            ):
                return
        kind = type_of(words, surface, title, self.places, self.given)
        self.add(p, start, end, surface, kind, title)
        if text.startswith(("(", " ("), end) and kind != "PERSON":
            self.acronym_after(p, end, surface, kind, text)

    def praise(self, words: list[Word], surface: str, text: str) -> bool:
        """ "Great Service!", "Excellent Pizza", "GREAT Store": a review's praise of a common noun (one the
        article also writes in lower case, or that an exclamation ends), not an organisation's name."""
        self.cacheable = False  # judged against the article's words
        if surface in self.places:
            return False  # "Great Britain"
        return text.startswith("!", words[-1].end) or written_lower(bare(words[-1].text), self.joined)

    def gazetteer_place(self, words: list[Word], surface: str) -> bool:
        """A known place, maybe after a demonym: "Middle East", "Russian Far East"."""
        if surface in self.places:
            return True
        first = words[0].text
        return self.demonym(first) and surface[len(first) + 1 :] in self.places

    def acronym_after(self, p: int, end: int, surface: str, kind: str | None, text: str) -> None:
        """ "Shanghai Cooperation Organisation (SCO)": the acronym is a mention of the same thing."""
        acro = _PAREN_ACRONYM.match(text, end, end + 14)
        if acro and initials_of(acro.group(1), surface):
            short = acro.group(1)
            s = acro.start(1)
            self.acronyms[short] = surface
            self.add(p, s, s + len(short), short, kind, None, key=surface)

    def known_person(self, word: str) -> bool:
        return word in self.person_words

    def hyphenated(self, p: int, start: int, word: str) -> bool:
        """ "China-Russia" names two places; "Sino-Russian" names none. True when handled."""
        parts = word.split("-")
        if not all(part in self.places or part in lexicon.DEMONYMS or part in lexicon.PLACE_ACRONYMS for part in parts):
            return False
        offset = start
        for part in parts:
            if part in self.places or part in lexicon.PLACE_ACRONYMS:
                self.add(p, offset, offset + len(part), part, "PLACE", None)
            offset += len(part) + 1
        return True

    def add(
        self, p: int, start: int, end: int, text: str, kind: str | None, title: str | None, key: str | None = None
    ) -> None:
        if key is not None:
            self.cacheable = False
        if (p, start) not in self.seen:
            self.seen.add((p, start))
            if kind == "PERSON":
                self.person_words.update(text.split())
            name = Name(p, start, end, text, kind, title, key)
            self.names.append(name)
            if self.recording is not None:
                self.recording.append(name)
        else:
            self.cacheable = False

    # -- resolution -------------------------------------------------------
    def resolve(self) -> tuple[EntityMention, ...]:
        """Give bare words a type and a key from the article's fuller names."""
        people: dict[str, list[Name]] = {}
        for n in self.names:
            if n.type is None and " " in n.text:
                n.type = guess(self.paragraphs, n, self.given, self.joined, places=self.places)
        for n in self.names:
            if n.type == "PERSON" and " " in n.text:
                for part in n.text.split():
                    if part not in CONNECTORS:
                        people.setdefault(part, []).append(n)
        teams = team_names(self.paragraphs, self.joined) | self.clubs_in_brackets()
        for n in self.names if teams else ():
            if (
                n.text in teams
                and n.type in (None, "PLACE")
                and n.text not in self.regions
                and not after_preposition(self.paragraphs, n)  # "the match in Riverton": the town
            ):
                n.type = "ORG"  # a side in a score line: a club, wherever else it is named
        typed = {n.text: n.type for n in self.names if n.type}
        placed = self.placed_words()
        out: list[EntityMention] = []
        for n in self.names:
            full = n.key
            kind = n.type
            if n.text in self.acronyms and full is None:
                full = self.acronyms[n.text]
                kind = typed.get(full, kind)
            elif (
                kind in (None, "PERSON")
                or (kind == "PLACE" and n.text not in self.regions and not after_preposition(self.paragraphs, n))
            ) and " " not in n.text and n.text in people:
                kind, full = "PERSON", self.nearest(people[n.text], n).text
            elif kind is None:
                default = self.fallback(n.text, placed)
                kind = typed.get(n.text) or guess(self.paragraphs, n, self.given, self.joined, default, self.places)
                if kind == UNTYPED:
                    kind = self.untyped_context(n)
            elif kind == "PLACE" and n.text not in self.regions and org_context(self.paragraphs, n):
                kind = "ORG"
            elif kind == "PERSON" and n.title is None and " " in n.text:
                if text_after(self.paragraphs[n.paragraph], n.end) in lexicon.PLACE_NOUNS_AFTER:
                    kind = "PLACE"  # "Thanh Hoa province"
            if kind is None:
                continue
            eid = entity_id(kind, full or n.text)
            out.append(EntityMention(n.paragraph, n.start, n.end, n.text, kind, eid, n.title))
        out.sort(key=_POSITION)
        return tuple(out)

    def fallback(self, text: str, placed: set[str]) -> str:
        """The type of a name when nothing around it tells: a place if the article puts it after "in",
        an organisation if it is an acronym, several words, or a word the article names twice.

        A lone word named once with no sign of its type ("some Meal", "a Reel", "the Guarantee") is
        `UNTYPED`: on web text most such words are common nouns in capitals. Unification types it
        from the corpus (a known person's surname, a word other articles type) or drops it."""
        if text in placed:
            return "PLACE"
        if " " in text or is_acronym(text) or _CAMEL.search(text):
            return "ORG"
        if self.named is None:
            self.named = [n.text for n in self.names]  # listed only for the few words that get here
        return "ORG" if self.named.count(text) > 1 else UNTYPED

    def drop_titles(self) -> None:
        """Forget the names found inside quoted titles of works ("“A Letter to Tomorrow”")."""
        titles = {p: quoted_titles(text) for p, text in enumerate(self.paragraphs) if '"' in text or "“" in text}
        titles = {p: spans for p, spans in titles.items() if spans}
        if titles:
            self.names = [
                n for n in self.names if not any(s <= n.start and n.end <= e for s, e in titles.get(n.paragraph, ()))
            ]

    def untyped_context(self, n: Name) -> str:
        """A type for a lone word named once from the words around it, else `UNTYPED`."""
        text = self.paragraphs[n.paragraph]
        if place_context(text, n, self.places):
            return "PLACE"
        if example_of_orgs(text, n):
            return "ORG"
        if lone_person(text, n):
            return "PERSON"
        return UNTYPED

    def placed_words(self) -> set[str]:
        """Lone untyped words the article puts after "in" or "near": places wherever else it names them
        bare. (Typing a word listed with towns as a place too, "Mosul, Baiji and Tuz", lifted web text a
        little but merged two ECB+ events through the new places, so it is left out.)"""
        words: set[str] = set()
        for n in self.names:
            text = self.paragraphs[n.paragraph]
            if (
                n.type is None
                and " " not in n.text
                and text.endswith(_INSIDE, 0, n.start)  # not "at": people work at companies
                and not _NUMBER_AFTER.match(text, n.end)  # "in Section 7": a label
            ):
                words.add(n.text)
        return words

    def clubs_in_brackets(self) -> set[str]:
        """ "Ann Lee (Riverton)" in a sports report: the bracket is her club. A country stays a place
        (a national side is written as its country), and neither is an alias of the person."""
        people = {(n.paragraph, n.end) for n in self.names if n.type == "PERSON"}
        clubs: set[str] = set()
        for n in self.names if people and "(" in self.joined else ():  # most articles: no bracket at all
            text = self.paragraphs[n.paragraph]
            if (
                n.type in (None, "PLACE")
                and n.text not in self.regions
                and text[n.start - 1 : n.start] == "("
                and text[n.end : n.end + 1] == ")"
                and (n.paragraph, n.start - 2) in people
            ):
                clubs.add(n.text)
        return clubs if clubs and sports_report(self.joined) else set()

    @staticmethod
    def nearest(candidates: list[Name], n: Name) -> Name:
        """The full name a bare surname refers to: the closest one before it, else the first after."""
        before = [c for c in candidates if (c.paragraph, c.start) <= (n.paragraph, n.start)]
        return before[-1] if before else candidates[0]



def recognise(paragraphs: Sequence[str]) -> tuple[EntityMention, ...]:
    """Every PERSON, ORG and PLACE mention in an article's paragraphs, with article-local keys."""
    article = _Article(paragraphs)
    for p, m, starts in article.gather():
        article.chunk(p, m, starts)
    article.drop_titles()
    for p, text in enumerate(paragraphs):
        if "a" <= text[:1] <= "z" or " i " in text:  # the writer drops capitals: "i live in kerala"
            for start, end in lowercase_places(text):
                article.add(p, start, end, text[start:end], "PLACE", None)
    return article.resolve()
