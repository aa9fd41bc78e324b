"""Event dates: the day each event candidate takes from the text, never from the publication date.

Split from :mod:`parley.extract.event_records`, which runs these steps: an event takes the day
written in its own clause (not the day of a statement about it), an anchored expression ("a day
before the talks") resolves against the dated act it names, an undated act may take the day of a
later bare mention of it, of its paragraph or of its speaker's dated statement, and both halves of
a mutual clash share the day their paragraph gives. What counts as a clause's day, and what does
not (a date that modifies another noun, a day of another verb's clause), is decided here.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta
from typing import Any

from parley.analyse.doc_views import subtree_chars
from parley.extract.context import ArticleContext
from parley.extract.dates_lexicon import load_lexicon
from parley.extract.events import Candidates, EventCandidate, MentionIndex
from parley.extract.events_lexicon import event_lexicon
from parley.model import DateValue

# Acts that a statement performs by being made: quoted, they are the speaker's act, not a report.
SPEECH_ACTS = frozenset({"REQUEST", "REJECT", "ACCUSE", "THREATEN", "AGREE", "PROTEST", "SUPPORT"})


def _modifies_other_noun(
    trigger: Any,
    mention: Any,
    act_nouns: frozenset[str] = frozenset(),
    occasions: frozenset[str] = frozenset(),
) -> bool:
    """Return True when a date only describes a thing the act is about ("refused a Christmas
    truce"), not the act; a date on the trigger noun itself ("the December 28 talks"), or on the
    act a light verb carries out ("launched an overnight strike": one of ``act_nouns``), counts."""
    doc = trigger.doc
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    if head.head.i == trigger.i and head.lemma_.lower() in act_nouns:
        return False
    if head.lemma_.lower() in occasions:
        return False  # "at Tuesday's briefing": the act is done at the dated occasion
    return (
        span.root.dep_ in ("compound", "amod", "nmod", "poss")
        and head.pos_ in ("NOUN", "PROPN")
        and head.i != trigger.i
    )


def _is_own_anchor(trigger: Any, mention: Any) -> bool:
    """Return True when the act is the anchor a date counts from ("entered Uvira a week after the
    presidents met in Washington": the entry is dated from the meeting, not the meeting from
    itself): the trigger is the noun or clause after the mention's "after"/"before"."""
    if mention.offset_days is None:
        return False
    if mention.anchor is not None and mention.end - len(mention.anchor) <= trigger.idx < mention.end:
        return True  # "two days after the talks" for the talks themselves
    clause = _anchor_clause(trigger.doc, mention)
    return clause is not None and clause.i == trigger.i


def _anchor_clause(doc: Any, mention: Any) -> Any | None:
    """Return the verb of the clause an anchored date counts from when its "after"/"before" opens
    a clause ("a week after the presidents met in Washington": met), else None (a noun anchor,
    "a day before the talks")."""
    if mention.offset_days is None:
        return None
    stop = mention.end - len(mention.anchor) if mention.anchor is not None else mention.end
    span = doc.char_span(mention.start, stop, alignment_mode="expand")
    if span is None:
        return None
    direction = span[-1]  # "after" in "a day after Hezbollah fired", which reads no noun anchor
    if direction.dep_ != "mark" or direction.head.pos_ not in ("VERB", "AUX"):
        return None
    return direction.head


def _counted_from_main(
    c: EventCandidate, dates: list[Any], own: tuple[int, int]
) -> tuple[DateValue | None] | None:
    """Return, for the act of a clause a counted date opens ("Russia pounded Kharkiv on Thursday,
    two days after Ukraine struck a refinery": struck), its day counted back from the day of the
    main clause (Tuesday), or (None,) when the sentence names no day outside the clause; None when
    no counted date opens the act's clause, or the clause names its own day. The count says how
    far the main act is from this one, so neither the main act's day nor the statement's is this
    act's."""
    doc = c.trigger.doc
    for d in dates:
        if not c.sent_start <= d.start < c.sent_end:
            continue
        clause = _anchor_clause(doc, d)
        if clause is None or clause.i != c.trigger.i:
            continue
        if any(m is not d and own[0] <= m.start < own[1] and m.value is not None for m in dates):
            return None  # "hours after the two sides initialed the draft on August 8": its own day
        days = [
            m
            for m in dates
            if m is not d
            and c.sent_start <= m.start < c.sent_end
            and not own[0] <= m.start < own[1]
            and m.value is not None
            and m.value.precision == "day"
            and m.kind not in ("anchored", "range_start")
        ]
        if not days:
            return (None,)
        main = min(days, key=lambda m: (m.start > d.start, abs(m.start - d.start))).value
        back = main.value - timedelta(days=d.offset_days)
        return (DateValue(back, "day", d.text, d.start, d.end),)
    return None


def _clause_day(verb: Any, mention: Any, dates: list[Any]) -> date | None:
    """Return the day the anchor clause names for its own act ("hours after the two sides initialed
    the draft at the White House on August 8": August 8), or None when it names none: a clause
    anchor is dated by its own words, not by whichever event the article dated first."""
    s, e = subtree_chars(verb)
    own = [
        d
        for d in dates
        if d is not mention
        and s <= d.start
        and d.end <= e
        and not (d.start <= mention.start < d.end)
        and d.value is not None
        and d.value.precision == "day"
        and d.kind != "range_start"
    ]
    return own[0].value.value if own else None


def _act_nouns(lex: Any) -> dict[str, frozenset[str]]:
    """Return, per event type, the nouns that name its act (the lemmas of its noun rules)."""
    out: dict[str, set[str]] = {}
    for rule in lex.rules:
        if rule.pos == "NOUN":
            out.setdefault(rule.type, set()).update(rule.lemmas)
    return {k: frozenset(v) for k, v in out.items()}


def retold_nouns(lex: Any, rules: Any) -> dict[str, frozenset[str]]:
    """Return, per event type, the nouns a later mention may name an act already told by: those of
    its noun rules and the date lexicon's retold acts ("the truce agreed on Wednesday" names the
    agreement told just before; "truce" alone makes no event)."""
    out = dict(_act_nouns(lex))
    for kind, nouns in load_lexicon(rules).retold_acts.items():
        out[kind] = out.get(kind, frozenset()) | nouns
    return out


def date_events(ctx: ArticleContext, candidates: Candidates, dates: list[Any]) -> None:
    """Give each event the date written in its own clause (not the date of a statement about it)."""
    from parley.extract.dates import resolve_anchor

    anchored: list[tuple[EventCandidate, Any]] = []
    act_nouns = _act_nouns(event_lexicon(ctx.resources.rules))
    words = event_lexicon(ctx.resources.rules).words
    occasions = words.occasion_nouns
    for i, c in candidates:
        trig = c.trigger
        usable = [
            d
            for d in dates
            if not _modifies_other_noun(trig, d, act_nouns.get(c.type, frozenset()), occasions)
            and not _is_own_anchor(trig, d)
        ]
        s, e = subtree_chars(trig)
        counted = _counted_from_main(c, dates, (s, e))
        if counted is not None:
            c.date = counted[0]
            continue
        in_clause = [
            d for d in usable if s <= d.start and d.end <= e and c.sent_start <= d.start < c.sent_end
        ]
        if not in_clause:
            in_clause = [d for d in usable if _dates_predicate_of(trig, d)]
        own = [d for d in usable if not _dates_other_clause(trig, d)]
        if not in_clause and c.modality != "claimed" and c.trigger.pos_ == "NOUN":
            # a nominal trigger takes a date from its sentence ("Trump's December 28 talks")
            in_clause = [d for d in own if c.sent_start <= d.start < c.sent_end]
        if not in_clause and c.modality == "asserted" and not _past_perfect(trig):
            in_clause = statement_dates(ctx.text, c, own)
        if (
            not in_clause
            and c.modality == "asserted"
            and c.type in SPEECH_ACTS
            and not (_perfect(trig) or _past_perfect(trig))
        ):
            # a charge or demand told paragraphs after the statement's day ("he further condemned");
            # not one told as done before it ("has accused", "had urged")
            in_clause = speakers_statement_day(c, i, ctx.need("sents"), ctx.need("index"), dates, words)
        if not in_clause and c.modality == "claimed" and _told_as_done(trig):
            in_clause = [d for d in own if c.sent_start <= d.start < c.sent_end and d.value is not None]
        if (
            not in_clause
            and c.modality == "claimed"
            and _perfect(trig, done=c.type not in ("ASSAULT", "RETREAT"))
        ):
            # "Qatar said on Monday that both sides have accepted the truce": a present
            # perfect tells an act just done, on the day of the statement that reports it
            in_clause = [d for d in usable if c.sent_start <= d.start < c.sent_end and d.value is not None]
        if not in_clause:
            continue
        if c.modality in ("planned", "hypothetical"):
            # an act still to come takes the day ahead, not a day already past that the parse put
            # in its clause ("said on Thursday he would meet Putin in Budapest on Monday")
            ahead = [d for d in in_clause if d.value is None or d.value.value >= ctx.published]
            in_clause = ahead or in_clause
        d = min(in_clause, key=lambda d: abs(d.start - trig.idx))
        if d.value is not None and d.kind != "range_start":
            c.date = d.value
        elif d.anchor is not None and d.offset_days is not None:
            anchored.append((c, d))
    # anchored expressions ("a day before the talks") resolve against a dated meeting
    anchor_words = event_lexicon(ctx.resources.rules).words.anchor_words
    for c, d in anchored:
        clause = _anchor_clause(c.trigger.doc, d)
        if clause is not None:
            target = _clause_day(clause, d, dates)
        else:
            target = _anchor_date(candidates, d.anchor, anchor_words)
        if target is not None:
            c.date = resolve_anchor(d, target)
    _date_clashes(ctx.text, candidates, dates, ctx.published)


def _date_clashes(text: str, candidates: Candidates, dates: list[Any], published: date) -> None:
    """Give both halves of an undated mutual clash told as fact ("Thai and Cambodian forces remain
    locked in clashes. As of Monday, both sides keep firing …") the day its paragraph gives the
    fighting: the last day named before it in the paragraph, else the first named after it. A
    fight between two sides goes on over the paragraph that tells it, and a clash left undated
    would be taken for one side's account of the same fighting."""
    for _, c in candidates:
        if c.date is not None or c.modality != "asserted" or c.type != "ASSAULT":
            continue
        if not c.mirrored and not any(c.trigger is o.trigger for _, o in candidates if o.mirrored):
            continue
        para_start = text.rfind("\n", 0, c.sent_start)
        para_end = text.find("\n", c.sent_start)  # a sentence's span may take in the blank line after it
        para_end = len(text) if para_end < 0 else para_end
        days = [
            d for d in dates if d.value is not None and d.value.precision == "day" and d.kind != "range_start"
        ]
        days = [d for d in days if d.value.value <= published]  # the fighting told is past, not a day ahead
        before = [d for d in days if para_start < d.start < c.sent_start]
        after = [d for d in days if c.sent_end <= d.start < para_end]
        chosen = before[-1:] or after[:1]
        if chosen:
            c.date = chosen[0].value
        else:
            c.date = _retold_fighting_day(c, candidates, published)


def _retold_fighting_day(c: EventCandidate, candidates: Candidates, published: date) -> Any | None:
    """Return the day another telling of the same fighting gives it: the nearest attack between
    the same two sides (either way round, any account) dated to a day no later than publication.
    "Clashes between Thai and Cambodian troops" told in one paragraph and "Thai soldiers opened
    fire early Thursday" in another are one happening, which takes the day any retelling gives."""
    sides = {a.ref for a in [*c.actors, *c.recipients]}
    if len(sides) != 2:
        return None
    dated = [
        o
        for _, o in candidates
        if o is not c
        and o.type == "ASSAULT"
        and o.date is not None
        and o.date.precision == "day"
        and o.date.value <= published
        and sides <= {a.ref for a in [*o.actors, *o.recipients]}
    ]
    if not dated:
        return None
    pos = c.sent_start
    return min(dated, key=lambda o: (o.sent_start > pos, abs(o.sent_start - pos))).date


def date_by_later_mention(
    candidates: Candidates,
    sents: list[Any],
    dates: list[Any],
    act_nouns: dict[str, frozenset[str]],
    published: date,
    saying: frozenset[str] = frozenset(),
) -> None:
    """Give an undated act the day of a dated bare mention of the same kind of act that follows
    it closely ("Israel carried out an airstrike in Syria. … Tuesday's attack was a rare
    acknowledgement"; "… reached a ceasefire deal. Under the agreement reached Wednesday …";
    "… the two sides traded prisoners. The exchange took place on Friday"): a definite retelling
    names the act just told (in its own or the sentence before), and news often gives the day
    only there. ``saying`` are the verbs of saying, whose day is a statement's, not the act's."""
    if not candidates:
        return
    doc = candidates[0][1].trigger.doc
    sent_starts = [s.start_char for s in sents]  # the body sentences candidates are numbered by
    for d in dates:
        if d.value is None or d.value.precision != "day" or d.value.value > published:
            continue
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        noun = None
        if root.dep_ in ("poss", "compound", "nmod", "npadvmod") and root.head.pos_ == "NOUN":
            noun = root.head  # "Tuesday's attack", "the Wednesday swap"
        elif root.head.dep_ in ("acl", "relcl") and root.head.head.pos_ == "NOUN":
            noun = root.head.head  # "the agreement reached Wednesday"
        else:
            noun = _retelling_subject(doc, d, saying)  # "the swap took place on Monday"
        if noun is None or any(c.trigger.i == noun.i for _, c in candidates):
            continue
        kinds = [t for t, lemmas in act_nouns.items() if noun.lemma_.lower() in lemmas]
        si = bisect_right(sent_starts, noun.idx) - 1
        told = [
            (j, o)
            for j, o in candidates
            if o.type in kinds
            and (o.actors or o.recipients)
            and o.date is None
            and o.modality in ("asserted", "claimed")
            and si - 1 <= j <= si
            and o.trigger.idx < noun.idx
            and not (noun.tag_ == "NN" and o.trigger.tag_ == "NNS")  # "the attack" retells no "attacks"
        ]
        if told:
            max(told, key=lambda t: t[1].trigger.idx)[1].date = d.value


# Determiners by which a noun names an act already told ("the strike", "this exchange").
DEFINITE = frozenset({"the", "this", "that"})


def _retelling_subject(doc: Any, mention: Any, saying: frozenset[str]) -> Any | None:
    """Return the definite noun that is the active subject of the verb a date hangs from ("The
    strike set the depot ablaze on Sunday night", "The talks took place on Friday": strike,
    talks), or None. What the act did or underwent, it did on that day; a verb of saying, or a
    passive ("the visit was confirmed on Monday"), dates a statement about the act instead."""
    verb = _clause_verb(doc, mention)
    if verb is None or verb.lemma_.lower() in saying:
        return None
    for ch in verb.children:
        if (
            ch.dep_ == "nsubj"
            and ch.pos_ == "NOUN"
            and any(t.dep_ == "det" and t.lower_ in DEFINITE for t in ch.children)
        ):
            return ch
    return None


def _perfect(trigger: Any, done: bool = True) -> bool:
    """Return True for a verb in the present progressive ("is imposing"), an act under way on
    the day of the statement, or (with ``done``) in the present perfect ("has agreed"), an act
    just done. A capture, strike or pull-back a party reports in the perfect ("have captured two
    villages, the ministry said on Wednesday", "troops have withdrawn from the ridge, the army
    said on Monday") may be days old, so callers pass ``done=False`` for it."""
    if trigger.pos_ != "VERB":
        return False
    aux = {c.lower_ for c in trigger.children if c.dep_ == "aux"}
    return (done and trigger.tag_ == "VBN" and bool(aux & {"has", "have"})) or (
        trigger.tag_ == "VBG" and bool(aux & {"is", "are"})
    )


def _told_as_done(trigger: Any) -> bool:
    """Return True for an act a party's account tells as done on the day it speaks of, in the
    simple past or present ("the ministry said on Sunday its gunners shot down four drones", "the
    envoy said on Monday that the rebels broke the truce and warned of sanctions"): the day of
    the statement in its sentence is the act's day. Not in the perfect ("have captured two
    villages, the ministry said on Wednesday": the act may be days old), the past perfect (before
    the statement) or the infinitive ("is speeding up its plan to supply missiles": not done); nor
    a noun the object of a verb still to come ("said on Thursday it would hold talks next week")."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB":
        verb = trigger.head
        if verb.tag_ == "VB" or any(ch.dep_ == "aux" and ch.tag_ == "MD" for ch in verb.children):
            return False  # "would hold talks", "to hold talks": the act is not told as done
    if _perfect(trigger) or _past_perfect(trigger):
        return False
    return not (
        trigger.tag_ == "VB" and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in trigger.children)
    )


def _past_perfect(trigger: Any) -> bool:
    """Return True for a verb in the past perfect ("revealed on Monday that they had spoken"):
    the act came before the moment the sentence tells, so that moment's day is not its day."""
    return (
        trigger.pos_ == "VERB"
        and trigger.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ == "had" for c in trigger.children)
    )


def _clause_verb(doc: Any, mention: Any) -> Any | None:
    """Return the verb a date mention hangs from, or None."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    cur = span.root
    while cur.head.i != cur.i and cur.pos_ not in ("VERB", "AUX"):
        cur = cur.head
    return cur if cur.pos_ in ("VERB", "AUX") else None


def _dates_predicate_of(trigger: Any, mention: Any) -> bool:
    """Return True for a date of the verb whose subject the act is ("a drone attack launched by
    the RSF struck the airport on Sunday", "the strike killed three people on Tuesday"): what
    the attack did, it did that day."""
    act = trigger.head if trigger.dep_ == "acl" and trigger.tag_ == "VBN" else trigger
    if act.pos_ not in ("NOUN", "PROPN") or act.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = _clause_verb(trigger.doc, mention)
    return verb is not None and verb.i == act.head.i


def _dates_other_clause(trigger: Any, mention: Any) -> bool:
    """Return True when a date in the trigger's sentence belongs to another verb's clause: the verb
    it hangs from neither is the trigger nor governs it ("paving the way for its implementation on
    Sunday, but Hamas called on …"; "his meeting with Trump, in an interview that aired on
    Tuesday"). A date of the main verb ("On Monday, X said … condemned") governs its clause."""
    doc = trigger.doc
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.sent.start != trigger.sent.start:
        return False
    cur = span.root
    while cur.head.i != cur.i and cur.pos_ not in ("VERB", "AUX"):
        cur = cur.head
    if cur.pos_ not in ("VERB", "AUX"):
        return False
    return cur.i != trigger.i and cur not in list(trigger.ancestors)


def statement_dates(text: str, c: EventCandidate, dates: list[Any]) -> list[Any]:
    """Return the date of an act the outlet tells as fact whose own clause names no day: a day
    in its sentence, else the last day named earlier in its paragraph, since news keeps the
    day of a paragraph until it names another ("On Monday, Burhan said … He vowed that the
    army would fight on"). A party's account (claimed) keeps no borrowed date."""
    same_sentence = [d for d in dates if c.sent_start <= d.start < c.sent_end and d.value is not None]
    if same_sentence:
        return same_sentence
    para_start = text.rfind("\n", 0, c.sent_start)
    earlier = [
        d
        for d in dates
        if para_start < d.start < c.sent_start and d.value is not None and d.value.precision == "day"
    ]
    return earlier[-1:]


def speakers_statement_day(
    c: EventCandidate, i: int, sents: list[Any], index: MentionIndex, dates: list[Any], words: Any
) -> list[Any]:
    """Return the day of the statement a person's speech act belongs to when neither its sentence
    nor its paragraph names a day: the last day earlier in the article on which the same person
    is told speaking, a day hanging from a verb of saying, or from an occasion, whose subject
    names the person ("The minister told reporters on Monday …" … "She also called on the rebels
    to lay down their arms"; "The spokesman used Thursday's briefing to …" … "The spokesman
    went on to accuse …"). News gives a statement's day once and tells its further demands,
    charges and warnings paragraphs later. An act whose sentence names an occasion of its own
    ("In an interview, the minister urged …", "posting on Telegram, he warned …") is another
    statement, one the text leaves undated; so is a state's or a group's, which speaks through
    many statements on many days ("The ministry said on Friday …" … "The ministry urged …")."""
    if not c.actors or c.actors[0].kind != "person":
        return []  # a state or group speaks through many statements on many days
    if any(t.lemma_.lower() in words.occasion_nouns for t in sents[i]):
        return []
    who = c.actors[0].ref
    doc = c.trigger.doc
    for d in reversed(dates):
        if d.start >= sents[i].start_char or d.value is None or d.value.precision != "day":
            continue
        if d.kind == "range_start":
            continue
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        verb = _clause_verb(doc, d)
        if span is None or verb is None:
            continue
        if (
            verb.lemma_.lower() not in words.governing
            and span.root.head.lemma_.lower() not in words.occasion_nouns
        ):
            continue
        subjects = [subtree_chars(ch) for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")]
        if any(
            m.actor is not None and m.actor.ref == who
            for s, e in subjects
            for m in index.in_span(s, e, "actor")
        ):
            return [d]
    return []


def _anchor_date(candidates: Candidates, anchor: str, anchor_words: tuple[str, ...]) -> date | None:
    words = anchor.lower()
    wanted = "CONSULT" if any(w in words for w in anchor_words) else None
    for _, c in candidates:
        if c.date is not None and c.date.precision == "day" and (wanted is None or c.type == wanted):
            return c.date.value
    return None
