"""Words that signal speech, roles and documents, and a sentence splitter, for quotation analysis.

Kept apart from detection and attribution because both need them: the kind of
a quotation depends on whether a verb of saying is near it, and the speaker is
found from the same verbs. Every list here is general English news usage.
"""

from __future__ import annotations

import re

# Verbs of saying, in the forms news prose uses them. "calling" is here because
# "calling him a 'good friend'" reports what someone said; bare forms that are
# mostly nouns in news ("state", "report", "comments") are left out.
_SPEECH_STEMS = (
    "say|said|says|saying|tell|told|tells|telling|add|added|adds|adding|ask|asked|asks|asking|"
    "explain|explained|explains|explaining|noted|noting|write|wrote|writes|writing|written|stated|"
    "stating|declare|declared|declares|declaring|insist|insisted|insists|insisting|argue|argued|"
    "argues|arguing|warn|warned|warns|read|reads|continue|continued|continues|claimed|claiming|"
    "called|calling|describe|described|describes|describing|pledge|pledged|pledges|pledging|promised|"
    "promising|vow|vowed|vows|vowing|urge|urged|urges|urging|announce|announced|announces|announcing|"
    "acknowledge|acknowledged|acknowledges|admit|admitted|admits|admitting|recall|recalled|recalls|"
    "recalling|remarked|reply|replied|replies|replying|respond|responded|responds|responding|"
    "commented|tweeted|tweeting|posted|quip|quipped|quips|joke|joked|jokes|predict|predicted|"
    "predicts|stressed|stressing|emphasise|emphasised|emphasises|emphasize|emphasized|emphasizes|"
    "emphasising|emphasizing|suggest|suggested|suggests|praise|praised|praises|praising|laud|lauded|"
    "lauds|hail|hailed|hails|thank|thanked|cite|cited|cites|citing|quoted|quoting|reported|reporting|"
    "confirm|confirmed|confirms|deny|denied|denies|agree|agreed|agrees|disagree|disagreed|disagrees|"
    "concede|conceded|concedes|assert|asserted|asserts|maintain|maintained|maintains|complain|"
    "complained|complains|lament|lamented|laments|apologise|apologised|apologises|apologize|"
    "apologized|apologizes|labelled|labeled|branded|thunder|thundered|thunders|exclaim|exclaimed|"
    "exclaims|scream|screamed|snapped|fume|fumed|roared|bellow|bellowed|muse|mused|sighed|laughed|"
    "chuckle|chuckled|wonder|wondered|plead|pleaded|pled|beg|begged|demanded|challenged|accuse|"
    "accused|accuses|caution|cautioned|cautions|advise|advised|advises|proclaim|proclaimed|threaten|"
    "threatened|brag|bragged|protested|objected|interject|interjected|chime|chimed|repeated|confide|"
    "confided|disclose|disclosed|reveal|revealed|reveals|clarify|clarified|elaborate|elaborated|"
    "affirm|affirmed|affirms|assure|assured|assures|recount|recounts|summarise|summarised|summarize|"
    "summarized|shout|shouted|shouts|yell|yelled|cried|whisper|whispered|mutter|muttered|referenced|"
    "refer|referred|refers|blast|blasted|slam|slammed|criticise|criticised|criticize|criticized|"
    "boast|boasted|concluded|concludes|reiterate|reiterated|reiterates|observe|observed|observes|"
    "countered|retort|retorted|testify|testified|recounted|mentioned|believe|believes|believed|think|"
    "thinks|feels|felt|hoped|notify|notified|notifies|inform|informed|informs|yelling|shouting|"
    "screaming|lecturing|labeling|labelling|pondered|beamed|quipping|retorting|denounce|denounced|denounces|"
    "denouncing|condemn|condemned|condemns|condemning|decry|decried|decries|dismissed|estimated|expressed"
)


def _trie(words: list[str]) -> str:
    """An alternation of `words` factored by shared prefixes.

    Python's regex engine tries alternatives one by one; a prefix tree lets it
    reject most positions after one character, which keeps the cue search cheap.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            return (body if len(branches) > 1 or len(branches[0]) == 1 else "(?:" + body + ")") + "?"
        return body

    return "(?:" + render(tree) + ")"


SPEECH_VERB = re.compile(rf"\b{_trie(_SPEECH_STEMS.split('|'))}\b")
"""Any verb of saying (also used to tell partial quotes from scare quotes).

Lower case only: capitalised forms are names ("Promises Treatment Center", "Reports")."""

# Verbs that name rather than report: a short quotation after them is a term.
NAMING = re.compile(
    r"\b(?:so-called|dubbed|dubs|nicknamed|known as|named|titled|entitled|"
    r"termed|billed as|code-?named|the word|the term|the phrase|slogan|motto|hashtag|book|film|movie|song|"
    r"album|show|series|novel|play|musical|programme|program|documentary|painting|opera|headline|"
    r"campaign|operation)\W*$",
    re.IGNORECASE,
)

ACCORDING_TO = re.compile(r"\baccording to\b", re.IGNORECASE)
AS_SAYING = re.compile(
    r"\b(?:cited|quoted|cites|quotes|citing|quoting)\b(?P<who>[^,;:]{1,80}?)\bas (?:saying|telling|writing|stating)\b",
    re.IGNORECASE,
)

PERSON_PRONOUNS = frozenset({"he", "she"})

# A written source as speaker: the speaker stays null rather than a guessed person.
_DOCUMENTS = [
    "statement", "document", "declaration", "communique", "communiqué", "report", "letter", "memo", "filing",
    "press release", "editorial", "treaty", "agreement", "resolution", "ruling", "verdict", "indictment",
    "lawsuit", "affidavit", "transcript", "readout", "decree", "white paper", "study", "survey", "text",
]
_DOCUMENT_WORD = re.compile(rf"\b{_trie(_DOCUMENTS)}s?\b", re.IGNORECASE)
_DOCUMENT_HEAD = re.compile(r"\b(?:the|a|an|this|that|its|their|his|her)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)

_ROLES = (
    "leader president premier prime_minister minister chancellor secretary spokesman spokeswoman spokesperson "
    "official chief head ambassador envoy general commander king queen prince princess pope governor mayor "
    "senator congressman congresswoman lawmaker judge prosecutor lawyer attorney counterpart host guest visitor "
    "actor actress star singer player coach manager director chairman chairwoman executive founder professor "
    "expert analyst author witness officer captain father mother man woman boy girl victim suspect driver pilot "
    "doctor killer gunman defendant accused attacker shooter convict survivor candidate diplomat activist "
    "resident veteran pensioner teacher student nurse worker owner rep representative publicist agent"
)
_ROLE_WORD = re.compile(rf"\b{_trie([r.replace('_', ' ') for r in _ROLES.split()])}\b(?!['’]s)")
_ROLE_HEAD = re.compile(
    r"\b(?:(?P<definite>the|his|her|their|its)|an?|one|another)\s+(?:(?P<mod>[\w-]+)\s+)?$", re.IGNORECASE
)
_PRONOUN = re.compile(r"\b(?:he|she|they|it)\b", re.IGNORECASE)
_LOWER_WORDS = re.compile(r"[a-zé]+")
_ROLE_KEYS = frozenset(word for role in _ROLES.split() for word in role.split("_")[-1:])
_DOCUMENT_KEYS = frozenset(end for document in _DOCUMENTS for end in (document.split()[-1], document.split()[-1] + "s"))


def candidate_phrases(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, word) of each pronoun, role ("the Russian leader"), unnamed person ("a
    witness") and document ("the joint statement") within text[start:end], found from the keyword
    backwards: far cheaper than one big regex.

    `word` is the pronoun, the role noun, or the whole document phrase.
    """
    end = len(text) if end is None else end
    found = [(m.start(), m.end(), "pronoun", m.group()) for m in _PRONOUN.finditer(text, start, end)]
    present = set(_LOWER_WORDS.findall(text[start:end].lower()))
    if present.isdisjoint(_ROLE_KEYS) and present.isdisjoint(_DOCUMENT_KEYS):
        return found  # the common case: neither a role nor a document word in sight
    for match in _ROLE_WORD.finditer(text, start, end):
        head = _ROLE_HEAD.search(text, max(start, match.start() - 40), match.start())
        if head is not None:
            # "a Western diplomat", "an Interior official": somebody the article does not name.
            found.append((head.start(), match.end(), "role" if head.group("definite") else "unnamed", match.group()))
    for match in _DOCUMENT_WORD.finditer(text, start, end):
        head = _DOCUMENT_HEAD.search(text, max(start, match.start() - 60), match.start())
        if head is not None:
            found.append((head.start(), match.end(), "document", text[head.start() : match.end()]))
    found.sort()
    return found


FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "lady", "queen", "princess", "dame", "madam", "madame"})
MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince"})
