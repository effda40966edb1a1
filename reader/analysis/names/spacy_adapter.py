"""An optional recogniser backed by a spaCy model the user has already installed.

The reader never depends on spaCy and never downloads a model; when both are
present, `spacy_recogniser()` returns a drop-in replacement for `recognise`
whose mentions follow the same contract (types PERSON/ORG/PLACE, names
without titles, exact spans, ids that `unify` understands).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..model import EntityMention
from . import lexicon
from .ids import entity_id

Recogniser = Callable[[Sequence[str]], tuple[EntityMention, ...]]

# spaCy's OntoNotes labels -> ours; NORP (nationalities) and the rest are not emitted.
LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
_TITLES = lexicon.HONORIFICS | lexicon.PERSON_ROLES


def _trim(text: str, start: int, end: int) -> tuple[int, int, str | None]:
    """Drop a leading "the" and, for people, a leading title ("President Ann Lee" -> "Ann Lee")."""
    title: list[str] = []
    while True:
        word, _, rest = text[start:end].partition(" ")
        if not rest:
            break
        if word.lower() == "the":
            start += len(word) + 1
        elif word.rstrip(".") in _TITLES:
            title.append(word.rstrip("."))
            start += len(word) + 1
        else:
            break
    return start, end, " ".join(title) or None


def adapt(nlp: Any) -> Recogniser:
    """Wrap a loaded spaCy pipeline (anything callable returning a doc with `.ents`)."""

    def recognise_with_spacy(paragraphs: Sequence[str]) -> tuple[EntityMention, ...]:
        out: list[EntityMention] = []
        for p, doc in enumerate(nlp.pipe(paragraphs) if hasattr(nlp, "pipe") else map(nlp, paragraphs)):
            text = paragraphs[p]
            for ent in doc.ents:
                kind = LABELS.get(ent.label_)
                if kind is None:
                    continue
                start, end, title = _trim(text, ent.start_char, ent.end_char)
                if kind != "PERSON":
                    title = None
                # spaCy keeps a trailing possessive in some models: "China's" -> "China".
                if text[end - 2 : end] in ("'s", "’s"):
                    end -= 2
                name = text[start:end]
                if name:
                    out.append(EntityMention(p, start, end, name, kind, entity_id(kind, name), title))
        return tuple(out)

    return recognise_with_spacy


def spacy_recogniser(model: str = "en_core_web_sm") -> Recogniser | None:
    """A recogniser using an installed spaCy model, or None when spaCy or the model is missing."""
    try:
        import spacy  # type: ignore[import-not-found]
    except ImportError:
        return None
    try:
        nlp = spacy.load(model, disable=["lemmatizer", "textcat"])
    except OSError:  # the model is not installed, and we do not download it
        return None
    return adapt(nlp)
