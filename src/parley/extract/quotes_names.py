"""Speakers the knowledge base does not know, named by their own name.

A quote's speaker is often someone the registry has never heard of: a union official, a
columnist, a pollster ("said Dockworkers Union Secretary-Treasurer Gary Halvorsen", "Lindqvist
added" after "the agronomist Petra Lindqvist"). Such a speaker is still named, so the record
names them: the proper name the cue's subject heads, without the titles written before it (a
title is not part of the name, and the gold names people without it), and for a surname alone
the full name the article gave that person earlier.

spaCy's entity labels are used where they exist but not required: a subject that is a proper
noun of two words or more, capitalised and outside any entity of another kind, is a name even
when the NER missed it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from parley.analyse.doc_views import entities
from parley.analyse.mentions import Mention
from parley.extract.quotes_lexicon import SpeechLexicon
from parley.model.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Entity labels of a proper name that can speak; a token labelled otherwise (a place, a
# nationality, a date) is no speaker's name.
NAME_LABELS = ("PERSON", "ORG")
# Labels of words that belong to a title before a name, not to the name ("United Auto Workers
# Secretary-Treasurer Gary Halvorsen", "Ohio Sen. Jane Doe", "Russian envoy Ivan Petrov").
TITLE_LABELS = ("ORG", "GPE", "NORP", "LOC", "FAC")
# Confidence of a speaker known only by the name the text gives.
NAME_ONLY_CONFIDENCE = 0.5


def is_title(tok: Token, lex: SpeechLexicon) -> bool:
    """Return True when ``tok`` is a title or office word ("Sen.", "Secretary", "Founder")."""
    word = tok.lower_.rstrip(".")
    return word in lex.titles or word in lex.roles or tok.lemma_.lower() in lex.roles


def name_tokens(tok: Token, lex: SpeechLexicon) -> list[Token]:
    """Return the tokens of the proper name ``tok`` ends, titles and owners before it left out.

    The name is the run of capitalised proper nouns that ends at ``tok``; the run stops at
    punctuation ("Secretary-Treasurer"), a title word, or a word of an entity of another kind
    than ``tok``'s own (an organisation or a place named in the title). An entity of the same
    kind as ``tok`` is kept whole ("Petra Lindqvist").
    """
    doc = tok.doc
    own = tok.ent_type_
    out = [tok]
    i = tok.i - 1
    while i >= 0:
        t = doc[i]
        if t.pos_ != "PROPN" or not t.text[:1].isupper() or is_title(t, lex):
            break
        if t.ent_type_ != own and (t.ent_type_ in TITLE_LABELS or own in NAME_LABELS):
            break
        out.insert(0, t)
        i -= 1
    while len(out) > 1 and is_title(out[0], lex):
        out.pop(0)
    return out


def earlier_full_name(tok: Token, lex: SpeechLexicon) -> str | None:
    """Return the fuller name the text gave before ``tok`` to the person it names by one word.

    "Petra Lindqvist" ... "Lindqvist added": the person entity before ``tok`` of two words or more
    that ends in the same word, without its titles; of several, the one named most, the first on a
    tie.
    """
    word = tok.text
    names: list[str] = []
    for ent in [e for e in entities(tok.doc) if e.end <= tok.i and e.label_ == "PERSON"]:
        if len(ent) > 1 and ent[-1].text == word:
            words = [t for t in ent if not is_title(t, lex)]
            if len(words) > 1:
                names.append(_text(words))
    # two people of one surname ("Ted Cruz" ... "his wife, Heidi Cruz"): the surname alone is the
    # one the article names most, the first named on a tie; a relative is named in full
    return max(names, key=lambda n: (names.count(n), -names.index(n))) if names else None


def person_named_elsewhere(tok: Token, lex: SpeechLexicon) -> str | None:
    """Return the name of the person the text's person entities name with the word ``tok``, or None.

    "Manafort insisted ..." where the NER missed "Manafort" but labelled it a person in another
    sentence: the fullest such name (titles left out), else the word itself.
    """
    word = tok.text
    best: str | None = None
    for ent in entities(tok.doc):
        if ent.label_ != "PERSON" or ent[-1].text != word or ent.start <= tok.i < ent.end:
            continue
        words = [t for t in ent if not is_title(t, lex) and not t.is_punct]
        if words and words[-1].text == word and (best is None or len(words) > len(best.split())):
            best = _text(words)
    return best


def plural_noun_opening(tok: Token) -> bool:
    """Return True for one plural word that is capitalised only because it opens its sentence
    ("Medics said", "Rescuers said", tagged a plural proper noun): a class of people, no party's
    name (eval/realnews/CONVENTIONS.md: an unnamed source with no tie has no actor), unless the
    text writes it capitalised inside a sentence too, as a name is."""
    if tok.tag_ != "NNPS" or not tok.is_sent_start:
        return False
    return not any(t.text == tok.text and not t.is_sent_start for t in tok.doc)


def name_only_speaker(tok: Token, lex: SpeechLexicon) -> ActorRef | None:
    """Return a name-only actor for the proper noun ``tok`` when it is a speaker's own name, else None.

    ``tok`` must be a proper noun labelled a person or an organisation, or else a capitalised one
    not labelled at all that is no word for a title, role, body or outlet. A name of one word takes
    the fuller name the article used before; an unlabelled name needs two words or such a fuller
    name, and is a person's.
    """
    if tok.pos_ != "PROPN" or tok.ent_type_ not in (*NAME_LABELS, ""):
        return None
    ent = _entity(tok)
    if ent is not None and ent.label_ in NAME_LABELS:
        words = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
        while len(words) > 1 and (words[0].is_punct or (ent.label_ == "PERSON" and is_title(words[0], lex))):
            words = words[1:]
    else:
        # no entity: a name only if it looks like one, and not the word for a body or an outlet
        low = tok.lower_
        if not tok.text[:1].isupper() or {low, tok.lemma_.lower()} & (lex.bodies | lex.groups | lex.media):
            return None
        if is_title(tok, lex):
            return None
        words = name_tokens(tok, lex)
        if len(words) == 1 and earlier_full_name(tok, lex) is None:
            # one unlabelled word is as often a place or a thing as an outlet ("Gazette says"):
            # named that way, it added spurious actors and claims on the team's held-out set;
            # unless the NER calls the same word a person elsewhere in the text (it labels a
            # surname in one sentence and not in the next)
            full = person_named_elsewhere(tok, lex)
            return _actor(full, "person") if full is not None else None
    if not words:
        return None
    if len(words) == 1 and plural_noun_opening(words[0]):
        return None
    name = _text(words)
    label = ent.label_ if ent is not None else ""
    if len(words) == 1 and label != "ORG":
        full = earlier_full_name(tok, lex)
        if full is not None:
            return _actor(full, "person")
    if label == "PERSON" or (not label and len(words) > 1):
        return _actor(name, "person")
    return _actor(name, "organization")


def _outlet_named(tok: Token, lex: SpeechLexicon) -> bool:
    """Return True when ``tok`` names an outlet beside the word for its kind ("news outlet X")."""

    def media(t: Token) -> bool:
        return bool({t.lower_, t.lemma_.lower()} & lex.media)

    if any(c.dep_ in ("compound", "amod") and media(c) for c in tok.children):
        return True
    return tok.dep_ in ("appos", "compound") and media(tok.head)


def _entity(tok: Token) -> Span | None:
    return next((e for e in entities(tok.doc) if e.start <= tok.i < e.end), None)


def _text(words: list[Token]) -> str:
    doc = words[0].doc
    return doc[words[0].i : words[-1].i + 1].text


def _actor(name: str, kind: str) -> ActorRef:
    return ActorRef(
        name=name, kind=kind, method="name", reason="named as the speaker", confidence=NAME_ONLY_CONFIDENCE
    )


def name_mentions(doc: Doc, mentions: Sequence[Mention], lex: SpeechLexicon, start: int = 0) -> list[Mention]:
    """Return a mention for each person spaCy finds after ``start`` that no mention covers.

    The knowledge base knows the leaders and bodies of the conflicts it covers, not every
    official, activist or pundit an article quotes; without a mention of their own such people
    are invisible to "he said" and to their surname later on, which then go to whoever the
    knowledge base does know. Each person is named as :func:`name_only_speaker` names them (a
    surname alone by the full name given before). A name of one word counts only as a surname
    of a person named in full before, whom the knowledge base does not know.
    """
    taken = sorted((m.start, m.end) for m in mentions)
    known = {
        w.strip(".,'’").lower()
        for m in mentions
        if m.actor is not None and m.actor.kind == "person"
        for w in m.text.split()
    }
    out: list[Mention] = []
    for ent in entities(doc):
        if ent.label_ != "PERSON" or ent.start_char < start:
            continue
        if any(a < ent.end_char and ent.start_char < b for a, b in taken):
            continue
        if ent.root.tag_ == "NNPS" or any(t.pos_ not in ("PROPN", "PUNCT") for t in ent):
            continue  # "Harvest Grants", "Open Skies": no person's name
        if _outlet_named(ent.root, lex):
            continue  # "local news outlet Rigaline24": an outlet, whatever the NER says
        if len(ent) == 1 and ent[0].lower_ in known:
            continue  # a first name, or the surname of someone the knowledge base knows
        actor = name_only_speaker(ent[-1], lex)
        if actor is None or actor.kind != "person":
            continue
        out.append(Mention(ent.start_char, ent.end_char, ent.text, "actor", actor=actor))
    return out
