"""The events component: trigger candidates of every sentence → dated, filtered, merged events.

Candidates come from :class:`parley.extract.events.EventFinder`, sentence by sentence; this
module splits an attack on several towns, dates each event (:mod:`parley.extract.event_dates`
decides which day an event's text gives it), gives an attack on a place its defender, adds the
accusations allegations make, drops fragments and history, and merges retellings of one
happening.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from typing import Any

from parley.analyse.doc_views import sentence_text, span_tokens
from parley.extract.context import ArticleContext, Component
from parley.extract.datelines import in_dateline
from parley.extract.event_dates import (
    SPEECH_ACTS,
    date_by_later_mention,
    date_events,
    retold_nouns,
    speakers_statement_day,
    statement_dates,
)
from parley.extract.events import Candidates, EventCandidate, EventFinder, MentionIndex
from parley.extract.events_lexicon import event_lexicon, is_outlet
from parley.kb.containment import nested
from parley.model import ActorRef, DateValue, Event, PlaceRef

# Events dated further back than this are history, not news (FORMAT.md: "within about a year").
HISTORY_DAYS = 400


# Prepositions before a town that make it a reference point ("a village near Kupiansk").
REFERENCE_PREPS = frozenset({"near", "outside", "from", "toward", "towards", "beyond", "past"})

# Words that tell an act as one more of its kind ("another strike", "also struck"): not a retelling.
ANOTHER_WORDS = frozenset({"another", "other", "new", "second", "further", "fresh", "separate"})
ALSO_WORDS = frozenset({"also"})


def sentence_index(sents: list[Any], pos: int) -> int | None:
    """Return the index of the sentence that holds character ``pos``, or None."""
    i = bisect_right([sent.start_char for sent in sents], pos) - 1
    return i if i >= 0 and pos < sents[i].end_char else None


def find_article_events(ctx: ArticleContext) -> None:
    """Assign ctx.candidates, ctx.events and ctx.kept (the candidates claims are read from)."""
    res = ctx.resources
    lex = event_lexicon(res.rules)
    index: MentionIndex = ctx.need("index")
    finder = EventFinder(lex, index, res.registry)
    speakers = ctx.need("speakers_by_sentence")
    # a dateline's day ('KYIV, Dec 5 (Reuters) -') dates the filing, not the acts its sentence tells
    dates = [d for d in ctx.need("dates") if not in_dateline(ctx.text, d.start, d.end)]
    candidates: Candidates = []
    for i, s in enumerate(ctx.need("sents")):
        said_by = speakers.get(i)
        candidates.extend((i, c) for c in finder.find(s, said_by[0] if said_by else None))
    candidates = _read_doers(candidates)
    candidates = _split_by_place(candidates, index, lex.words.capture_lemmas)
    _quoted_accounts(candidates, ctx.need("qspans"))
    _continued_accounts(candidates, ctx, lex.words.continuation, lex.words.institution_nouns)
    _unverified(candidates, ctx.need("sents"), ctx.text, lex.words.verify_verbs)
    _first_person_account(candidates, ctx.need("sents"), ctx.need("qspans"))
    date_events(ctx, candidates, dates)
    unheld = _states_without_hold(res.registry)
    _add_countries_struck(candidates, index, unheld, res.registry)
    _add_defenders(candidates, res.finder.states_by_iso2(), unheld)
    _add_hosts(candidates, res.finder.states_by_iso2(), unheld)
    candidates.extend(_allegations(ctx, candidates, dates, finder))
    candidates.extend(_reported_accusations(ctx, candidates, dates))
    date_by_later_mention(
        candidates, ctx.need("sents"), dates, retold_nouns(lex, res.rules), ctx.published, lex.words.governing
    )
    ctx.candidates = candidates
    events, ctx.kept = _events(ctx, candidates)
    raw = ctx.document.offsets.span_to_raw
    further = {raw(c.trigger.idx, c.trigger.idx + 1)[0] for _, c in ctx.kept if _told_as_another(c.trigger)}
    ctx.events = _merge_retellings(_retold_claims(events, ctx.text), further)
    own = _told_by_the_doer(ctx.kept)
    ctx.events = [_shown_modality(e, own) for e in _share_retold_days(ctx.events)]


EVENTS = Component(
    "events",
    requires=("sents", "index", "dates", "speakers_by_sentence", "qspans"),
    assigns=("candidates", "kept", "events"),
    run=find_article_events,
)


# How many sentences back a strike told without its doer looks for the party striking.
DOER_WINDOW = 3


def _read_doers(candidates: Candidates) -> Candidates:
    """Return the candidates with each strike told without a doer ("five were killed when an air
    strike hit a tent") given the doer a reader gives it: the party of the last strike told with
    its doer in the sentences just before; a strike with no such party, or one whose own sentence
    already tells a strike with its doer (a detail of that strike), is left out."""
    out: Candidates = []
    for i, c in candidates:
        if not c.unowned:
            out.append((i, c))
            continue
        if any(j == i and d.type == "ASSAULT" and d.actors and not d.unowned for j, d in candidates):
            continue
        prior = [
            d for j, d in out
            if i - DOER_WINDOW <= j <= i and d.type == "ASSAULT" and d.actors
            and not (d.unowned or d.mirrored)
        ]  # fmt: skip
        if prior:
            # the party most often told striking in those sentences; on a tie, the last told
            doers = [d.actors[0] for d in prior]
            doer = max(reversed(doers), key=lambda a: sum(a.ref == b.ref for b in doers))
            source = [d for d in prior if d.actors[0].ref == doer.ref][-1]
            c = replace(c, actors=[doer], unowned=False)
            if source.modality == "claimed" and c.modality == "asserted":
                # the doer is known only from a party's account: so is the act, as far as its doer goes
                c = replace(c, modality="claimed", attributed_to=source.attributed_to)
            out.append((i, c))
    return out


def _quoted_accounts(candidates: Candidates, qspans: list[Any]) -> None:
    """Make an act told inside someone's quoted or reported words that party's account (claimed),
    where the parse found no verb of saying above it: a quote's second sentence ("… . Our forces
    destroyed three tanks,” the ministry said"), a statement that runs on ("It added that…"),
    the content of "according to X" split from its clause. A demand or threat voiced in the
    quote is the speaker's own act and stays asserted."""
    spans = [(q.start, q.end, q.speaker) for q in qspans if q.speaker is not None and q.direct]
    for _, c in candidates:
        parties = {a.ref for a in (*c.actors, *c.recipients)}
        if c.modality != "asserted" or (len(parties) < 2 and c.place is None) or c.downed:
            continue  # (a passing mention stays one, to be dropped as a fragment; drones downed tell a raid)
        pos = c.trigger.idx
        for start, end, speaker in spans:
            if not start <= pos < end:
                continue
            if c.type in SPEECH_ACTS and c.actors and c.actors[0].ref == speaker.ref:
                break  # "“We reject the plan,” the minister said": the statement is the act
            c.modality = "claimed"
            c.attributed_to = c.attributed_to or speaker
            break


_FIRST_PERSON = re.compile(r"\b(?:i|we)\b", re.IGNORECASE)


def _first_person_account(
    candidates: Candidates, sents: list[Any], qspans: list[Any], least: int = 2
) -> None:
    """Make every act told as fact a party's account (claimed) when the text is that party's own
    statement: a briefing or press release reposted as it stands, whose narrator speaks in the
    first person, in sentences with no quotation marks ("I will cite a few facts", "we learned
    with sadness"), at least ``least`` times. An outlet does not narrate in the first person; a
    party telling its own story does, and what it tells is its account."""
    quoted = [(q.start, q.end) for q in qspans]
    first = 0
    for sent in sents:
        told = sentence_text(sent)
        if any(ch in told for ch in '"“”') or not _FIRST_PERSON.search(told):
            continue  # (the word test spares reading the tokens of nearly every sentence)
        first += any(
            tok.lower_ in ("i", "we")
            and tok.dep_ in ("nsubj", "nsubjpass")
            and not any(a <= tok.idx < b for a, b in quoted)
            for tok in span_tokens(sent)
        )
        if first >= least:
            break
    if first < least:
        return
    for _, c in candidates:
        if c.modality == "asserted":
            c.modality = "claimed"


def _continued_accounts(
    candidates: Candidates, ctx: ArticleContext, markers: frozenset[str], institutions: frozenset[str]
) -> None:
    """Make an act that continues a party's statement into the next sentence of its paragraph
    that party's account ("According to the army, … . Its troops also destroyed …", "The ministry
    said … . Russian forces further struck …"): a sentence that adds to the one before
    ("also", "further", "in addition") and names no source of its own goes on telling the
    same account."""
    qspans, sents, text = ctx.need("qspans"), ctx.need("sents"), ctx.text
    index: MentionIndex = ctx.need("index")
    told: dict[int, Any] = {}  # sentence index → the speaker whose words close that sentence
    own: set[int] = set()  # sentences with words or a source of their own
    for q in qspans:
        first = sentence_index(sents, min(q.start, q.speaker_start if q.speaker_start >= 0 else q.start))
        last = sentence_index(sents, max(q.end - 1, q.speaker_end - 1))
        if first is None or last is None:
            continue
        own.update(range(first, last + 1))
        if q.speaker is not None and q.end >= sents[last].end_char - 2:
            told[last] = q
    for i, c in candidates:
        if c.modality != "asserted" or i - 1 not in told or i in own:
            continue
        if _subject_is(sents[i], told[i - 1], index, text, institutions):
            continue  # "The military also released footage": the outlet tells what the speaker did
        if "\n" in text[sents[i - 1].start_char : sents[i].start_char]:
            continue  # a new paragraph starts a new account
        words = {t.lower_ for t in sents[i]}
        if not words & markers:
            continue
        parties = {a.ref for a in (*c.actors, *c.recipients)}
        if len(parties) < 2 and c.place is None:
            continue
        c.modality = "claimed"
        c.attributed_to = c.attributed_to or told[i - 1].speaker


def _unverified(candidates: Candidates, sents: list[Any], text: str, verify_verbs: frozenset[str]) -> None:
    """Make an act the outlet says it could not verify a claim ("… killed 40 soldiers. The figure
    could not be independently verified.", "Reuters was unable to confirm the attack"): the
    sentence that says so and the one before it in the same paragraph tell no fact."""
    doubted: set[int] = set()
    for j, sent in enumerate(sents):
        for tok in sent:
            if tok.lemma_.lower() not in verify_verbs or tok.pos_ != "VERB":
                continue
            near = [*tok.children, *(tok.head.children if tok.dep_ == "xcomp" else ())]
            if any(c.dep_ == "neg" for c in near) or (tok.dep_ == "xcomp" and tok.head.lemma_ == "unable"):
                doubted.add(j)
                if j > 0 and "\n" not in text[sents[j - 1].start_char : sent.start_char]:
                    doubted.add(j - 1)
    for i, c in candidates:
        parties = {a.ref for a in (*c.actors, *c.recipients)}
        if i in doubted and c.modality == "asserted" and (len(parties) > 1 or c.place is not None):
            c.modality = "claimed"


def _subject_is(sent: Any, quote: Any, index: MentionIndex, text: str, institutions: frozenset[str]) -> bool:
    """Return True when the main subject of a sentence is the quote's speaker: named as the same
    actor, by the head noun of the speaker's own phrase, or by a bare "the ministry", "the army"
    that looks back to it ("Israel said … . The military also released footage")."""
    named = quote.speaker_start >= 0
    speaker_words = text[quote.speaker_start : quote.speaker_end].lower().split() if named else []
    for child in sent.root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in speaker_words or child.lower_ in ("it", "he", "she", "they"):
                return True
            if child.lemma_.lower() in institutions and [t.lower_ for t in child.lefts] == ["the"]:
                return True
            toks = list(child.subtree)
            mentions = index.in_span(toks[0].idx, toks[-1].idx + len(toks[-1].text), "actor")
            return any(m.actor is not None and m.actor.ref == quote.speaker.ref for m in mentions)
    return False


def _events(ctx: ArticleContext, candidates: Candidates) -> tuple[list[Event], Candidates]:
    """Return the events the candidates make, and the candidates kept (for claims)."""
    events: list[Event] = []
    kept: Candidates = []
    frequency_words = event_lexicon(ctx.resources.rules).words.frequency_words
    for i, c in candidates:
        if c.date is not None and (ctx.published - c.date.value).days > HISTORY_DAYS:
            continue
        if c.date is not None and c.date.precision == "year":
            # "his sixth meeting with Putin this year" counts meetings; a year places no act on a timeline
            c.date = None
        by_ref: dict[str, ActorRef] = {}
        for a in [*c.actors, *c.recipients]:
            by_ref.setdefault(a.ref, a)  # one entry per actor, whichever way it was named
        actors = tuple(by_ref.values())
        if not actors:
            if c.modality == "claimed":
                kept.append((i, c))  # no event without a party, but still a party's claim
            continue
        if _is_fragment(c, len(actors)):
            continue
        if c.date is None and (_habitual(c, ctx.text) or _repeated(c, frequency_words)):
            continue
        if c.modality in ("asserted", "claimed") and c.date is not None and c.date.value > ctx.published:
            # "the summit that starts on Saturday" in a Friday report, or a party's announcement
            # of it ("envoys will meet Putin on Thursday, the Kremlin said"): nothing has happened
            # yet that anyone could claim
            c.modality = "planned"
        if c.modality in ("planned", "hypothetical") and c.date is not None and c.date.value < ctx.published:
            # "did not confirm whether the envoy would visit, as the president said on Tuesday":
            # a day already past is the statement's or another act's, not the day of an act to come
            c.date = None
        trig = c.trigger
        events.append(
            Event(
                type=c.type,
                actors=actors,
                mode=c.mode,
                date=c.date,
                place=c.place,
                modality=c.modality,
                trigger=trig.text,
                evidence=ctx.evidence(trig.idx, trig.idx + len(trig.text), c.sent_start, c.sent_end),
            )
        )
        kept.append((i, c))
    return events, kept


# Acts whose telling is never one side's account held apart: made in public by being said (a charge,
# a threat, backing), or public by nature (a withdrawal, a sanction, a concession), so a party
# announcing one ("the US said it is imposing sanctions", "Mogadishu said its troops had
# retreated", "officials said the ministry blamed Kyiv") reports it, and the outlet with it.
OPEN_ACTS = frozenset({"ACCUSE", "THREATEN", "SUPPORT", "SANCTION", "CONCEDE"})
# Acts a party makes public only when it tells its own: a withdrawal or release told by the side
# that made it is an admission; told by the other side, it is that side's account.
OWN_ACTS = frozenset({"RETREAT"})


def _told_by_the_doer(kept: list[tuple[int, EventCandidate]]) -> frozenset[tuple[str, str]]:
    """Return (type, doer's side) of every OWN_ACTS act whose teller is on its doer's side."""
    return frozenset(
        (c.type, c.actors[0].side)
        for _, c in kept
        if c.type in OWN_ACTS and c.actors and c.attributed_to is not None
        and c.attributed_to.side == c.actors[0].side
    )  # fmt: skip


def _shown_modality(ev: Event, own: frozenset[tuple[str, str]]) -> Event:
    """Return the event as shown: an act of OPEN_ACTS told by a party is asserted, not claimed, and so
    is an act of OWN_ACTS its doer's side tells. In realnews-dev gold none of 79 ACCUSE, 28
    THREATEN, 22 SUPPORT, 15 SANCTION or 3 CONCEDE events is claimed; captures, strikes, arrests,
    deployments and deals told by one side are. A withdrawal or release the other side tells stays
    claimed (none of dev's 31 RETREATs is claimed, but it is an act in the field one side can tell
    falsely, and a one-sided account shown as fact is worse for a reader than a cautious modality).
    Applied last, so retellings merge and claims read their candidates as before."""
    if ev.modality != "claimed":
        return ev
    if ev.type in OPEN_ACTS or (ev.actors and (ev.type, ev.actors[0].side) in own):
        return replace(ev, modality="asserted")
    return ev


def _habitual(c: EventCandidate, text: str) -> bool:
    """Return True for an undated act the outlet tells in the simple present in body text
    ("Russia occupies a fifth of the country", "the regime continues to carry out attacks"): a
    standing state or a habit, not a happening, and shown as fact it would pass for the outlet
    vouching for one side's account of some real incident. Headlines, which tell news in the
    present and end without a full stop, are left alone."""
    verb = c.trigger
    if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "obj"):
        verb = verb.head  # "carries out attacks"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in ("continue", "keep"):
        verb = verb.head  # "continues to carry out"
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in ("VBZ", "VBP"):
        return False
    if any(ch.dep_ in ("aux", "auxpass") for ch in verb.children):
        return False
    sent = text[c.sent_start : c.sent_end].rstrip()
    return c.modality == "asserted" and sent.endswith((".", "!", "?", '"', "”"))


def _repeated(c: EventCandidate, frequency_words: frozenset[str]) -> bool:
    """Return True for an act told as a habit or a series ("repeatedly decried", "fired missiles
    almost every day", "shelled the town daily"): the verb (or the verb a noun trigger is the
    object of) has an adverb of frequency or an "every day/night/week" phrase."""
    verb = c.trigger
    if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "obj"):
        verb = verb.head  # "carried out attacks almost daily"
    for ch in verb.children:
        if ch.dep_ == "advmod" and ch.lower_ in frequency_words:
            return True
        if ch.dep_ in ("npadvmod", "advmod") and any(t.lower_ == "every" for t in ch.subtree):
            return True  # "almost every day", "every night"
    return False


def _is_fragment(c: EventCandidate, parties: int) -> bool:
    """Return True for a passing mention rather than an event."""
    if c.type == "ASSAULT" and parties < 2 and c.place is None and c.modality == "asserted":
        return not _dated_act(c)  # an attack with neither a target nor a place is a passing mention
    # a meeting needs two parties; one named side is a fragment of a sentence
    return c.type == "CONSULT" and parties < 2 and c.mode != "multilateral" and c.modality != "planned"


def _dated_act(c: EventCandidate) -> bool:
    """Return True for an attack told as a dated act on something ("Ukraine struck two fuel depots
    on Sunday"): its target is unnamed, but a verb with an object and a day is no passing
    mention."""
    trig = c.trigger
    return (
        c.date is not None
        and bool(c.actors)
        and trig.pos_ == "VERB"
        and any(ch.dep_ in ("dobj", "obj") for ch in trig.children)
    )


# -- places and parties ------------------------------------------------------------------------


def _split_by_place(candidates: Candidates, index: MentionIndex, capture_lemmas: Any = ()) -> Candidates:
    """Return the candidates with a capture of several named towns split into one per town
    ("claimed capture of two towns, Myrnohrad and Hulyaypole" is two captures). A strike wave
    that hits several towns is one event with no place (conventions: "one strike wave on one
    day is one event")."""
    out: Candidates = []
    for i, c in candidates:
        if c.type != "ASSAULT":
            out.append((i, c))
            continue
        toks = list(c.trigger.subtree)
        towns: list[PlaceRef] = []
        doc = c.trigger.doc
        for m in index.in_span(toks[0].idx, toks[-1].idx + len(toks[-1].text), "place"):
            first = doc.char_span(m.start, m.end, alignment_mode="expand")
            before = doc[first.start - 1].lower_ if first is not None and first.start > 0 else ""
            if before in REFERENCE_PREPS:
                continue  # "Podoly, a village near Kupiansk": a reference point, not a second target
            if m.place and (m.place.feature or "").startswith("P") and m.place not in towns:
                towns.append(m.place)
        if len(towns) < 2:
            out.append((i, c))
            continue
        if c.trigger.lemma_.lower() not in capture_lemmas and c.trigger.lemma_.lower() not in (
            "seizure",
            "capture",
        ):
            out.append((i, c))
            continue
        out.extend(
            (i, replace(c, place=town, recipients=list(c.recipients), actors=list(c.actors)))
            for town in towns
        )
    return out


def _states_without_hold(registry: Any) -> frozenset[str]:
    """Return the references of states the registry does not show holding their own ground: a
    state that is not a UN member (its control is contested: Palestine, Kosovo, Taiwan), or whose
    capital another actor stands for (Sanaa is the Houthis'). A strike in such a territory hits
    whoever holds it, which the place alone does not tell."""
    entries = list(getattr(registry, "entries", lambda: [])())
    held = {m.lower() for e in entries if e.kind != "state" for m in e.metonyms}
    return frozenset(
        e.ref
        for e in entries
        if e.kind == "state" and (not e.un_member or (e.capital or "").lower() in held - {""})
    )


def _add_countries_struck(
    candidates: Candidates, index: MentionIndex, unheld: frozenset[str], registry: Any
) -> None:
    """Give an attack with no named target the state it is carried out in ("carried out strikes in
    Lebanon on Tuesday", "launched drones across Ukraine"): a country is no place, but an attack
    inside it is one on the state that holds it, unless that state is the attacker or does not
    hold its ground (``unheld``)."""
    for _, c in candidates:
        if c.type != "ASSAULT" or c.recipients or not c.actors:
            continue
        sides = {a.side for a in c.actors} | {a.ref for a in c.actors}
        for tok in c.trigger.subtree:
            if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "across", "inside", "throughout"):
                continue
            m = index.at(tok)
            actor = m.actor if m is not None else None
            if actor is None and tok.pos_ == "PROPN":
                # a country named only as where the attack fell is no mention of its own
                name = " ".join(t.text for t in tok.subtree if t.pos_ == "PROPN")
                actor = registry.resolve(name)
            if actor is None and tok.pos_ == "PROPN":
                # "in Pakistan and Pakistani-administered Kashmir": the parser may hang the
                # first country of a pair on the second's name; each name is tried alone
                for t in tok.children:
                    if t.pos_ == "PROPN" and t.dep_ in ("nmod", "conj"):
                        m = index.at(t)
                        actor = m.actor if m is not None else registry.resolve(t.text)
                        if actor is not None:
                            break
            if actor is None or actor.kind != "state" or actor.ref in unheld or actor.ref in sides:
                continue
            c.recipients.append(actor)
            break


def _add_defenders(
    candidates: Candidates, states: dict[str, ActorRef], unheld: frozenset[str] = frozenset()
) -> None:
    """Give an attack on a place with no named target the state the place lies in (a capture of
    a Ukrainian town is an ASSAULT on Ukraine), unless that state is the attacker or does not
    hold the territory (``unheld``: a strike in Gaza or in Houthi-held Yemen is not one on the
    State of Palestine or on Yemen's government)."""
    for _, c in candidates:
        if c.type != "ASSAULT" or c.recipients or c.place is None or not c.place.country:
            continue
        state = states.get(c.place.country)
        if state is None or state.ref in unheld:
            continue
        sides = {a.side for a in c.actors}
        if state.ref not in sides and state not in c.actors:
            c.recipients.append(state)


def _add_hosts(
    candidates: Candidates, states: dict[str, ActorRef], unheld: frozenset[str] = frozenset()
) -> None:
    """Give a visit to a place with no named host the state the place lies in ("the envoy will
    visit Moscow next week" is a meeting with Russia), unless the visitor acts for that state."""
    for _, c in candidates:
        if c.type != "CONSULT" or c.trigger.lemma_.lower() != "visit" or c.recipients:
            continue  # "met", "received" take their counterpart from the sentence, not the place
        if c.place is None or not c.place.country:
            continue
        state = states.get(c.place.country)
        if state is None or state.ref in unheld or not c.actors:
            continue
        if all(state.ref not in (a.ref, a.side) for a in c.actors):
            c.recipients.append(state)


# -- accusations ---------------------------------------------------------------------------------


def _accusation(
    ctx: ArticleContext,
    accuser: ActorRef,
    accused: ActorRef,
    trigger: Any,
    sent: tuple[int, int],
    dates: list[Any],
) -> EventCandidate:
    """Return the ACCUSE event of a party that says another committed an act, dated like a statement."""
    acc = EventCandidate(
        type="ACCUSE", mode="allege", trigger=trigger, actors=[accuser], recipients=[accused], place=None,
        modality="asserted", attributed_to=None, sent_start=sent[0], sent_end=sent[1],
    )  # fmt: skip
    stated = statement_dates(ctx.text, acc, dates)
    sent_i = sentence_index(ctx.need("sents"), sent[0])
    if not stated and sent_i is not None:
        words = event_lexicon(ctx.resources.rules).words
        stated = speakers_statement_day(acc, sent_i, ctx.need("sents"), ctx.need("index"), dates, words)
    if stated and stated[-1].value is not None:
        acc.date = stated[-1].value
    return acc


def _allegations(
    ctx: ArticleContext, candidates: Candidates, dates: list[Any], finder: EventFinder
) -> Candidates:
    """Return ACCUSE events for attacks a party says another party carried out.

    PLOVER codes an allegation of violence as an accusation by the one who makes it ("the
    army said RSF fighters had killed civilians": the army ACCUSEs the RSF), besides the
    claimed attack itself.
    """
    out: Candidates = []
    seen: set[tuple[str, str]] = set()
    outlet_words = event_lexicon(ctx.resources.rules).words.outlet_words
    for i, c in candidates:
        speaker = c.attributed_to
        if c.type != "ASSAULT" or c.modality != "claimed" or speaker is None or not c.actors or c.downed:
            continue  # (a side counting the drones it downed reports a raid, it accuses nobody)
        if is_outlet(speaker, outlet_words):
            continue  # a news outlet reporting an attack accuses nobody
        if _told_as_harm(c.trigger, finder):
            continue
        # the one accused is the doer: a party telling its own side's attack on another accuses nobody
        accused = [a for a in c.actors[:1] if a.side != speaker.side and a.ref != speaker.ref]
        if not accused or (speaker.ref, accused[0].ref) in seen:
            continue
        seen.add((speaker.ref, accused[0].ref))
        out.append((i, _accusation(ctx, speaker, accused[0], c.trigger, (c.sent_start, c.sent_end), dates)))
    return out


def _told_as_harm(trigger: Any, finder: EventFinder) -> bool:
    """Return True for an attack a report tells by its weapons: the strike or the weapon as the
    doer of what was done ("Israeli strikes killed at least 12 people", "a Russian assault
    overnight targeted the grid", "drones targeted tents", "the city was targeted by ballistic
    missiles", "two people were wounded in a Russian drone attack"), or the weapons or attacks
    counted ("Russia launched 458 drones and 45 missiles", "pounded targets with at least 25
    drones", "launched 14 assaults against its positions"). It is a tally of harm suffered or of
    a raid, as an air force or a local official gives it, whose doer is named only as the owner
    of the weapons or not at all: it charges no party with an act, so it makes no ACCUSE (the
    attack itself is told as before)."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        return trigger.dep_ in ("nsubj", "nsubjpass") or _counted(trigger) or _toll_of(trigger)
    doers = [c for c in trigger.children if c.dep_ == "nsubj"]
    doers += [p for c in trigger.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not doers:  # "four soldiers were wounded in an Israeli strike": the toll of the strike
        doers += [p for c in trigger.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children]
    used = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    used += [p for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children]
    used = [w for u in used for w in (u, *u.conjuncts) if _counted(w)]
    return any(finder.is_weapon(w) for w in doers + used)


def _toll_of(noun: Any) -> bool:
    """Return True for an attack noun in the "in" phrase of a verb with no doer of its own ("two
    were killed in Israeli air strikes"): the verb tells the toll, the strike only where it came
    from."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep" or prep.head.pos_ != "VERB":
        return False
    return not any(c.dep_ in ("nsubj", "agent") for c in prep.head.children)


# Adjectives that count like a number ("several suicide drones").
QUANTIFIERS = frozenset({"several", "multiple", "numerous"})


def _counted(noun: Any) -> bool:
    """Return True for a noun counted by a number or a quantifier ("458 drones", "several drones")."""
    return any(c.dep_ == "nummod" or (c.dep_ == "amod" and c.lower_ in QUANTIFIERS) for c in noun.children)


def _reported_accusations(ctx: ArticleContext, candidates: Candidates, dates: list[Any]) -> Candidates:
    """Return ACCUSE events for breaches a party says another committed ("Pakistan said Indian
    forces had violated the ceasefire"): an allegation is an accusation by the one who makes it."""
    accusation = event_lexicon(ctx.resources.rules).words.accusation
    index: MentionIndex = ctx.need("index")
    sents = ctx.need("sents")
    have = {(c.type, tuple(a.ref for a in c.actors[:1] + c.recipients[:1])) for _, c in candidates}
    out: Candidates = []
    outlet_words = event_lexicon(ctx.resources.rules).words.outlet_words
    for q in ctx.need("qspans"):
        if (
            q.direct
            or q.speaker is None
            or not accusation.search(q.text)
            or is_outlet(q.speaker, outlet_words)
        ):
            continue
        sent_i = sentence_index(sents, q.start)
        if sent_i is None:
            continue
        side = q.speaker.side
        accused = [
            m.actor
            for m in index.in_span(q.start, q.end, "actor")
            if m.actor and m.actor.side != side and m.actor.ref != q.speaker.ref
        ]
        if not accused or ("ACCUSE", (q.speaker.ref, accused[0].ref)) in have:
            continue
        if any(
            c.type == "ASSAULT" and c.actors and c.actors[0].side == side and q.start <= c.trigger.idx < q.end
            for _, c in candidates
        ):
            continue  # "saying it hit a depot used for…": a side telling its own strike
        have.add(("ACCUSE", (q.speaker.ref, accused[0].ref)))
        sent = sents[sent_i]
        trigger = sent.doc.char_span(q.start, q.end, alignment_mode="expand").root
        span = (sent.start_char, sent.end_char)
        out.append((sent_i, _accusation(ctx, q.speaker, accused[0], trigger, span, dates)))
    return out


# -- retellings ----------------------------------------------------------------------------------


def _retold_claims(events: list[Event], text: str) -> list[Event]:
    """Return the events with a headline's attack made a claim when the body gives it as a party's.

    A headline sums up a party's report without naming the source ("Army strikes rebel bases in
    the north", over "The army said it had struck…"): the same doer striking the same parties is
    that party's account, not a fact the outlet vouches for. A headline is one of the first
    lines that does not end as a sentence does.
    """
    lines = [m for m in re.finditer(r"[^\n]+", text) if m.group().strip()][:3]
    ends = (".", "!", "?", '"', "”")
    titles = [(m.start(), m.end()) for m in lines if not m.group().rstrip().endswith(ends)]
    told = [e for e in events if e.type == "ASSAULT" and e.modality == "claimed" and e.actors]
    out: list[Event] = []
    for ev in events:
        refs = {a.ref for a in ev.actors}
        if (
            ev.type == "ASSAULT"
            and ev.modality == "asserted"
            and len(refs) > 1
            and any(a <= ev.evidence.start < b for a, b in titles)
            and any(c.actors[0].ref == ev.actors[0].ref and refs <= {a.ref for a in c.actors} for c in told)
        ):
            ev = replace(ev, modality="claimed")
        out.append(ev)
    return out


def _told_as_another(trigger: Any) -> bool:
    """Return True when the act is told as one more of its kind, not the one told already: the
    noun says so ("other drone attacks", "another strike", "a new offensive") or the clause adds it
    with "also" ("strikes also hit the city", "the group also claimed an attack in Benin")."""
    if any(ch.lower_ in ANOTHER_WORDS and ch.dep_ in ("amod", "det", "advmod") for ch in trigger.children):
        return True
    clause = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    return any(ch.lower_ in ALSO_WORDS and ch.dep_ == "advmod" for ch in clause.children)


def _merge_retellings(events: list[Event], further: set[int] | frozenset[int] = frozenset()) -> list[Event]:
    """Return the events with retellings of one happening in the same article merged into one.

    News tells the same meeting or strike several times ("Trump's December 28 talks with
    Zelenskyy", later "the meeting at Trump's Florida residence"): reports of one type and
    modality whose parties overlap and whose date, place and mode do not conflict are one event,
    which keeps the first evidence and every detail any of them gives. A village and the region
    it lies in do not conflict (kb.containment): the merged event keeps the village. An act told
    as one more of its kind (its raw trigger offset in ``further``: "another strike", "also
    struck") is another happening, never merged into one told before it.
    """
    out: list[Event] = []
    for ev in events:
        k = None if ev.evidence.start in further else _earlier_telling(out, ev)
        if k is None:
            out.append(ev)
            continue
        kept = out[k]
        actors = {a.ref: a for a in (*kept.actors, *ev.actors)}
        out[k] = replace(
            kept,
            actors=tuple(actors.values()),
            date=_merged_date(kept, ev),
            place=_finer_place(kept.place, ev.place),
            mode=kept.mode or ev.mode,
        )
    return out


def _earlier_telling(out: list[Event], ev: Event) -> int | None:
    """Return the index of the kept event ``ev`` retells, None when it tells a new happening.

    A telling at the same place (or with none) is preferred over one whose place only contains
    or lies in its own: "the strike on the village" belongs with the earlier strike on that
    village, not with a strike told at the level of its region."""
    refs = {a.ref for a in ev.actors}

    def fits(kept: Event) -> bool:
        kept_refs = {a.ref for a in kept.actors}
        return not (
            kept.type != ev.type
            or kept.modality != ev.modality
            or not (refs <= kept_refs or kept_refs <= refs)
            or _other_side(kept, ev)
            or _conflict(kept.date and kept.date.value, ev.date and ev.date.value)
            or _places_clash(kept.place, ev.place)
            or _conflict(kept.mode, ev.mode)
        )

    fitting = [k for k, kept in enumerate(out) if fits(kept)]
    same = [k for k in fitting if not _conflict(_place_ref(out[k]), _place_ref(ev))]
    return next(iter(same or fitting), None)


def _place_ref(ev: Event) -> int | str | None:
    """Return the reference of an event's place, None when it has none."""
    return ev.place.ref if ev.place is not None else None


def _places_clash(a: PlaceRef | None, b: PlaceRef | None) -> bool:
    """Return True when two tellings name places that cannot be one happening's: both known,
    different, and neither lying in the other (a village and its region are one place told at
    two levels; two villages, or a village and another region, are two happenings)."""
    if a is None or b is None or a.ref == b.ref:
        return False
    return nested(a, b) is None


def _merged_date(kept: Event, ev: Event) -> DateValue | None:
    """Return the day of two merged tellings: either's, or when they name the happening at two
    levels, the finer telling's. The telling that names the village carries the act's own
    details; the one that sums it up at the level of its region ("its troops took a village in
    the Donetsk region, the ministry said on Sunday") is dated by the report, not the act."""
    if kept.place and ev.place and kept.place.ref != ev.place.ref:
        return (kept if _finer_place(kept.place, ev.place) is kept.place else ev).date
    return kept.date or ev.date


def _finer_place(a: PlaceRef | None, b: PlaceRef | None) -> PlaceRef | None:
    """Return the most specific of two compatible places: the village over its region."""
    if a is None or b is None:
        return a or b
    return nested(a, b) or a


def _share_retold_days(events: list[Event]) -> list[Event]:
    """Return the events with an undated one given the day of another telling of the same
    happening on another footing (the army's dated account of a strike on a town and the
    outlet's undated "Israel has struck the town again"), which retellings cannot merge with:
    same type, same doer and target in the same order, the same named place, and only one day
    among such tellings. One happening takes every detail any telling gives."""
    told = ("asserted", "claimed", "denied")  # a plan for the same place is another happening
    out: list[Event] = []
    for ev in events:
        if ev.date is None and ev.place is not None and ev.modality in told:
            refs = tuple(a.ref for a in ev.actors)
            days = {
                o.date.value: o.date
                for o in events
                if o is not ev
                and o.type == ev.type
                and o.modality in told
                and tuple(a.ref for a in o.actors) == refs
                and o.place is not None
                and o.place.ref == ev.place.ref
                and o.date is not None
                and o.date.precision == "day"
            }
            if len(days) == 1:
                ev = replace(ev, date=next(iter(days.values())))
        out.append(ev)
    return out


def _other_side(a: Event, b: Event) -> bool:
    """Return True for the two halves of fighting between two sides (A attacks B, B attacks A):
    the same parties, each side acting first in one of them."""
    refs = {x.ref for x in a.actors}
    return (
        a.type == "ASSAULT" and len(refs) > 1 and refs == {x.ref for x in b.actors}
        and a.actors[0].ref != b.actors[0].ref
    )  # fmt: skip


def _conflict(a: object, b: object) -> bool:
    """Return True when two known values differ (an unknown value conflicts with nothing)."""
    return a is not None and b is not None and a != b
