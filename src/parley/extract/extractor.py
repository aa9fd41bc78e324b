"""Extraction of one article: a pure function of (document, knowledge base, settings).

``Extractor`` loads the spaCy pipeline and the knowledge base once (lazily), then
``extract_document`` runs analysis → mentions → dates → quotes → events → claims → positions
and returns an :class:`~parley.model.Extraction` whose evidence offsets point into the raw text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date
from typing import Any

from parley.analyse.matcher import MentionFinder
from parley.analyse.mentions import Mention
from parley.config import Settings
from parley.extract import claims as claims_mod
from parley.extract.events import EventCandidate, MentionIndex, find_events
from parley.model import (
    ActorRef,
    ArticleMeta,
    Claim,
    Document,
    Event,
    Evidence,
    Extraction,
    PlaceRef,
    Position,
    Quote,
    RawArticle,
)

VERSION = "0.2.0"
STAGE = "extract"
# Events dated further back than this are history, not news (FORMAT.md: "within about a year").
HISTORY_DAYS = 400
# A first line shorter than this, without final punctuation, is a headline: no records from it.
HEADLINE_MAX = 200
# A dateline opening a paragraph ("KYIV, January 9 (Reuters) -", "GENEVA -") locates the reporter,
# not the story (FORMAT.md): no actor or place is read from it.
DATELINE = re.compile(
    r"(?m)^[A-Z][A-Z.'\- ]{1,40}"  # the place, in capitals
    r"(?:, [A-Z][A-Za-z.]+(?: \d{1,2})?(?:, \d{4})?){0,2}"  # ", Sudan", ", January 9"
    r"(?: \([^)]{1,40}\))?\s*[-–—:]\s"  # "(Reuters)" and the dash
)
# Verbs of taking a place: a claimed act of one of these is "capture of <place>", else "attack on".
CAPTURE_LEMMAS = frozenset(
    ["capture", "take", "seize", "fall", "occupy", "overrun", "liberate", "enter", "storm", "control"]
)
# Words by which quoted words state a stance rather than report a fact.
STANCE_MARKERS = re.compile(
    r"\b(must|should|needs? to|have to|has to|will not|won't|would not|cannot accept|refuses?|reject\w*|"
    r"oppos\w*|insist\w*|demand\w*|wants?|ready to|willing to|committed to|condition|red line|"
    r"unacceptable|never|would|will)\b",
    re.IGNORECASE,
)
# Words of a breach or of blame inside reported speech: the speaker accuses the party it names.
ACCUSATION = re.compile(
    r"\b(violat\w*|breach\w*|was behind|were behind|responsible for|to blame|aggress\w*|war crimes?|"
    r"atrocit\w*|genocide|ethnic cleansing|massacre\w*|terroris\w*)\b",
    re.IGNORECASE,
)
# Modal words that make reported content an intention, a demand or a possibility, not an account.
NOT_ACCOUNT = frozenset(["would", "will", "must", "should", "could", "may", "might", "can", "shall"])
# Longest claim subject kept, in characters: enough for a clause, short enough for a ledger row.
CLAIM_SUBJECT_MAX = 160
ANCHOR_WORDS = ("talk", "meeting", "summit", "call", "visit", "negotiation")


def _headline_end(text: str) -> int:
    first, sep, rest = text.partition("\n")
    # a headline has no sentence-final stop, though it may end inside a quotation ('…a "Provocation"')
    ending = first.rstrip().rstrip("\"'”’»")
    if sep and rest.strip() and len(first) < HEADLINE_MAX and not ending.endswith((".", "?", "!")):
        return len(first)
    return 0


def _is_past_account(span: Any) -> bool:
    """Return True when reported content tells what happened: a past-tense verb at its root, no
    modal ("would", "must") over it."""
    root = span.root
    if any(c.lower_ in NOT_ACCOUNT for c in root.children if c.dep_ in ("aux", "auxpass")):
        return False
    if root.tag_ in ("VBD", "VBN"):
        return True
    return any(
        c.lower_ in ("had", "has", "have", "was", "were")
        for c in root.children
        if c.dep_ in ("aux", "auxpass")
    )


def _sentence_index(sents: list[Any], pos: int) -> int | None:
    """Return the index of the sentence that holds character ``pos``, or None."""
    i = bisect_right([sent.start_char for sent in sents], pos) - 1
    return i if i >= 0 and pos < sents[i].end_char else None


def _modifies_other_noun(trigger: Any, mention: Any) -> bool:
    """Return True when a date only describes a thing the act is about ("refused a Christmas
    truce"), not the act; a date on the trigger noun itself ("the December 28 talks") counts."""
    doc = trigger.doc
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    return (
        span.root.dep_ in ("compound", "amod", "nmod", "poss")
        and head.pos_ in ("NOUN", "PROPN")
        and head.i != trigger.i
    )


def _merge_retellings(events: list[Event]) -> list[Event]:
    """Return the events with retellings of one happening in the same article merged into one.

    News tells the same meeting or strike several times ("Trump's December 28 talks with
    Zelenskyy", later "the meeting at Trump's Florida residence"): reports of one type and
    modality whose parties overlap and whose date, place and mode do not conflict are one event,
    which keeps the first evidence and every detail any of them gives.
    """
    out: list[Event] = []
    for ev in events:
        refs = {a.ref for a in ev.actors}
        for k, kept in enumerate(out):
            kept_refs = {a.ref for a in kept.actors}
            if (
                kept.type != ev.type
                or kept.modality != ev.modality
                or not (refs <= kept_refs or kept_refs <= refs)
                or _conflict(kept.date and kept.date.value, ev.date and ev.date.value)
                or _conflict(kept.place and kept.place.ref, ev.place and ev.place.ref)
                or _conflict(kept.mode, ev.mode)
            ):
                continue
            actors = {a.ref: a for a in (*kept.actors, *ev.actors)}
            out[k] = replace(
                kept,
                actors=tuple(actors.values()),
                date=kept.date or ev.date,
                place=kept.place or ev.place,
                mode=kept.mode or ev.mode,
            )
            break
        else:
            out.append(ev)
    return out


def _conflict(a: object, b: object) -> bool:
    """Return True when two known values differ (an unknown value conflicts with nothing)."""
    return a is not None and b is not None and a != b


class Extractor:
    """Loads models once; extracts records from documents."""

    version = VERSION

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._nlp: Any = None
        self._finder: MentionFinder | None = None

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from parley.analyse.nlp import load_nlp

            self._nlp = load_nlp(self.settings.spacy_model)
        return self._nlp

    @property
    def finder(self) -> MentionFinder:
        if self._finder is None:
            from parley.kb.actors import default_registry
            from parley.kb.gazetteer import Gazetteer

            self._finder = MentionFinder(default_registry(), Gazetteer.open(self.settings))
        return self._finder

    def extract_text(self, text: str, *, published: date, doc_id: str = "doc") -> Extraction:
        """Return the extraction of a plain text (cleaned first)."""
        from parley.clean import clean

        raw = RawArticle(source=doc_id, kind="text", text=text, meta=ArticleMeta(published=published))
        cleaned = clean(raw)
        if not isinstance(cleaned, Document):
            return Extraction(doc_id=doc_id, published=published, version=VERSION)
        return self.extract_document(cleaned, doc_id=doc_id)

    def extract_document(self, document: Document, *, doc_id: str) -> Extraction:
        """Return every record of one cleaned article, with evidence in raw-text offsets."""
        return _Run(self, document, doc_id).run()


class _Run:
    """The state of one extraction (kept out of Extractor so that it stays reentrant)."""

    def __init__(self, ex: Extractor, document: Document, doc_id: str) -> None:
        self.ex = ex
        self.document = document
        self.doc_id = doc_id
        self.text = document.text
        self.published = document.published or date.today()
        self.omap = document.offsets
        self._index = MentionIndex([])

    def evidence(self, start: int, end: int, s_start: int, s_end: int) -> Evidence:
        rs, re_ = self.omap.span_to_raw(start, end)
        ss, se = self.omap.span_to_raw(s_start, s_end)
        return Evidence(rs, re_, ss, se, STAGE, VERSION)

    def run(self) -> Extraction:
        from parley.extract.dates import find_dates
        from parley.extract.positions import find_positions
        from parley.extract.quotes import find_quotes

        text = self.text
        if not text.strip():
            return Extraction(doc_id=self.doc_id, published=self.document.published, version=VERSION)
        head = _headline_end(text)
        doc = self.ex.nlp(text)
        mentions = self.ex.finder.find(doc, published=self.published)
        datelines = [(m.start(), m.end()) for m in DATELINE.finditer(text)]
        body_mentions = [
            m for m in mentions if m.start >= head and not any(a <= m.start < b for a, b in datelines)
        ]
        index = self._index = MentionIndex(body_mentions)
        dates = [d for d in find_dates(text, self.published) if d.start >= head]
        qspans = find_quotes(doc, body_mentions, headline_end=head)
        sents = [s for s in doc.sents if s.end_char > head and s.text.strip()]
        sentences = [(s.start_char, s.end_char, s.text) for s in sents]

        # quotes
        quotes: list[Quote] = []
        speakers_by_sentence: dict[int, list[ActorRef]] = {}
        for q in qspans:
            rs, re_ = self.omap.span_to_raw(q.start, q.end)
            raw_text = self.document.article.text[rs:re_]
            quotes.append(
                Quote(
                    text=raw_text,
                    start=rs,
                    end=re_,
                    direct=q.direct,
                    cue=q.cue,
                    speaker=q.speaker,
                    evidence=self.evidence(q.start, q.end, q.sentence_start, q.sentence_end),
                )
            )
            if q.speaker is not None:
                held_by = _sentence_index(sents, q.start)
                if held_by is not None:
                    speakers_by_sentence.setdefault(held_by, []).append(q.speaker)
        for i, s in enumerate(sents):  # the first named actor of a sentence speaks for it too
            first = next((m.actor for m in index.in_span(s.start_char, s.end_char, "actor") if m.actor), None)
            if first is not None and first not in speakers_by_sentence.get(i, []):
                speakers_by_sentence.setdefault(i, []).append(first)

        # events
        candidates: list[tuple[int, EventCandidate]] = []
        for i, s in enumerate(sents):
            said_by = speakers_by_sentence.get(i)
            speaker = said_by[0] if said_by else None
            for cand in find_events(s, index, speaker_of_sentence=speaker):
                candidates.append((i, cand))
        candidates = self._split_by_place(candidates, index)
        self._date_events(candidates, dates)
        self._add_defenders(candidates)
        candidates.extend(self._allegations(candidates, dates))
        candidates.extend(self._reported_accusations(qspans, sents, candidates, dates, index))
        events: list[Event] = []
        kept: list[tuple[int, EventCandidate]] = []
        for i, c in candidates:
            if c.date is not None and (self.published - c.date.value).days > HISTORY_DAYS:
                continue
            by_ref: dict[str, ActorRef] = {}
            for a in [*c.actors, *c.recipients]:
                by_ref.setdefault(a.ref, a)  # one entry per actor, whichever way it was named
            actors = tuple(by_ref.values())
            if not actors:
                if c.modality == "claimed":
                    kept.append((i, c))  # no event without a party, but still a party's claim
                continue
            if c.type == "ASSAULT" and len(actors) < 2 and c.place is None and c.modality == "asserted":
                continue  # an attack with neither a target nor a place is a passing mention
            if (
                c.type == "CONSULT"
                and len(actors) < 2
                and c.mode != "multilateral"
                and c.modality != "planned"
            ):
                continue  # a meeting needs two parties; one named side is a fragment of a sentence
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
                    evidence=self.evidence(trig.idx, trig.idx + len(trig.text), c.sent_start, c.sent_end),
                )
            )
            kept.append((i, c))

        events = _merge_retellings(events)
        claims = self._claims(kept, quotes, qspans, sents, sentences, speakers_by_sentence)
        positions = [
            Position(
                party=p.party,
                issue=p.issue,
                stance=p.stance,
                evidence=self.evidence(p.start, p.end, p.sentence_start, p.sentence_end),
            )
            for p in find_positions(doc, body_mentions, quotes=[(q.start, q.end, q.speaker) for q in qspans])
        ]
        positions.extend(self._quoted_stances(qspans, sents, positions))
        actors = self._actors(events, quotes, claims, positions)
        places = self._places(events, claims, body_mentions)
        return Extraction(
            doc_id=self.doc_id,
            published=self.document.published,
            events=tuple(events),
            quotes=tuple(quotes),
            claims=tuple(claims),
            positions=tuple(positions),
            actors=actors,
            places=places,
            version=VERSION,
        )

    # -- dates ---------------------------------------------------------------------------------

    def _date_events(self, candidates: list[tuple[int, EventCandidate]], dates: list[Any]) -> None:
        """Give each event the date written in its own clause (not the date of a statement about it)."""
        from parley.extract.dates import resolve_anchor

        anchored: list[tuple[EventCandidate, Any]] = []
        for _, c in candidates:
            trig = c.trigger
            usable = [d for d in dates if not _modifies_other_noun(trig, d)]
            toks = list(trig.subtree)
            s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            in_clause = [
                d for d in usable if s <= d.start and d.end <= e and c.sent_start <= d.start < c.sent_end
            ]
            if not in_clause and c.modality != "claimed" and c.trigger.pos_ == "NOUN":
                # a nominal trigger takes a date from its sentence ("Trump's December 28 talks")
                in_clause = [d for d in usable if c.sent_start <= d.start < c.sent_end]
            if not in_clause and c.modality == "asserted":
                in_clause = self._statement_dates(c, usable)
            if not in_clause:
                continue
            d = min(in_clause, key=lambda d: abs(d.start - trig.idx))
            if d.value is not None and d.kind != "range_start":
                c.date = d.value
            elif d.anchor is not None and d.offset_days is not None:
                anchored.append((c, d))
        # anchored expressions ("a day before the talks") resolve against a dated meeting
        for c, d in anchored:
            target = self._anchor_date(candidates, d.anchor)
            if target is not None:
                c.date = resolve_anchor(d, target)

    def _reported_accusations(
        self,
        qspans: list[Any],
        sents: list[Any],
        candidates: list[tuple[int, EventCandidate]],
        dates: list[Any],
        index: MentionIndex,
    ) -> list[tuple[int, EventCandidate]]:
        """Return ACCUSE events for breaches a party says another committed ("Pakistan said Indian
        forces had violated the ceasefire"): an allegation is an accusation by the one who makes it."""
        have = {(c.type, tuple(a.ref for a in c.actors[:1] + c.recipients[:1])) for _, c in candidates}
        out: list[tuple[int, EventCandidate]] = []
        for q in qspans:
            if q.direct or q.speaker is None or not ACCUSATION.search(q.text):
                continue
            sent_i = _sentence_index(sents, q.start)
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
            have.add(("ACCUSE", (q.speaker.ref, accused[0].ref)))
            sent = sents[sent_i]
            trigger = sent.doc.char_span(q.start, q.end, alignment_mode="expand").root
            acc = EventCandidate(
                type="ACCUSE", mode="allege", trigger=trigger, actors=[q.speaker], recipients=accused[:1],
                place=None, modality="asserted", attributed_to=None, sent_start=sent.start_char,
                sent_end=sent.end_char,
            )  # fmt: skip
            stated = self._statement_dates(acc, dates)
            if stated and stated[-1].value is not None:
                acc.date = stated[-1].value
            out.append((sent_i, acc))
        return out

    def _allegations(
        self, candidates: list[tuple[int, EventCandidate]], dates: list[Any]
    ) -> list[tuple[int, EventCandidate]]:
        """Return ACCUSE events for attacks a party says another party carried out.

        PLOVER codes an allegation of violence as an accusation by the one who makes it ("the
        army said RSF fighters had killed civilians": the army ACCUSEs the RSF), besides the
        claimed attack itself.
        """
        out: list[tuple[int, EventCandidate]] = []
        seen: set[tuple[str, str]] = set()
        for i, c in candidates:
            speaker = c.attributed_to
            if c.type != "ASSAULT" or c.modality != "claimed" or speaker is None or not c.actors:
                continue
            side = speaker.side
            accused = [a for a in c.actors if a.side != side and a.ref != speaker.ref]
            if not accused or (speaker.ref, accused[0].ref) in seen:
                continue
            seen.add((speaker.ref, accused[0].ref))
            acc = EventCandidate(
                type="ACCUSE",
                mode="allege",
                trigger=c.trigger,
                actors=[speaker],
                recipients=accused[:1],
                place=None,
                modality="asserted",
                attributed_to=None,
                sent_start=c.sent_start,
                sent_end=c.sent_end,
            )
            stated = self._statement_dates(acc, dates)
            if stated and stated[-1].value is not None:
                acc.date = stated[-1].value
            out.append((i, acc))
        return out

    def _statement_dates(self, c: EventCandidate, dates: list[Any]) -> list[Any]:
        """Return the date of an act the outlet tells as fact whose own clause names no day: a day
        in its sentence, else the last day named earlier in its paragraph, since news keeps the
        day of a paragraph until it names another ("On Monday, Burhan said … He vowed that the
        army would fight on"). A party's account (claimed) keeps no borrowed date."""
        same_sentence = [d for d in dates if c.sent_start <= d.start < c.sent_end and d.value is not None]
        if same_sentence:
            return same_sentence
        para_start = self.text.rfind("\n\n", 0, c.sent_start)
        earlier = [
            d
            for d in dates
            if para_start < d.start < c.sent_start and d.value is not None and d.value.precision == "day"
        ]
        return earlier[-1:]

    @staticmethod
    def _split_by_place(
        candidates: list[tuple[int, EventCandidate]], index: MentionIndex
    ) -> list[tuple[int, EventCandidate]]:
        """Return the candidates with an attack on several named towns split into one per town
        ("claimed capture of two towns, Myrnohrad and Hulyaypole" is two captures)."""
        out: list[tuple[int, EventCandidate]] = []
        for i, c in candidates:
            if c.type != "ASSAULT":
                out.append((i, c))
                continue
            toks = list(c.trigger.subtree)
            towns: list[PlaceRef] = []
            for m in index.in_span(toks[0].idx, toks[-1].idx + len(toks[-1].text), "place"):
                if m.place and (m.place.feature or "").startswith("P") and m.place not in towns:
                    towns.append(m.place)
            if len(towns) < 2:
                out.append((i, c))
                continue
            out.extend(
                (i, replace(c, place=town, recipients=list(c.recipients), actors=list(c.actors)))
                for town in towns
            )
        return out

    def _add_defenders(self, candidates: list[tuple[int, EventCandidate]]) -> None:
        """Give an attack on a place with no named target the state the place lies in (a capture of
        a Ukrainian town is an ASSAULT on Ukraine), unless that state is the attacker."""
        states = self.ex.finder.states_by_iso2()
        for _, c in candidates:
            if c.type != "ASSAULT" or c.recipients or c.place is None or not c.place.country:
                continue
            state = states.get(c.place.country)
            if state is None:
                continue
            sides = {a.side for a in c.actors}
            if state.ref not in sides and state not in c.actors:
                c.recipients.append(state)

    @staticmethod
    def _anchor_date(candidates: list[tuple[int, EventCandidate]], anchor: str) -> date | None:
        words = anchor.lower()
        wanted = "CONSULT" if any(w in words for w in ANCHOR_WORDS) else None
        for _, c in candidates:
            if c.date is not None and c.date.precision == "day" and (wanted is None or c.type == wanted):
                return c.date.value
        return None

    # -- claims --------------------------------------------------------------------------------

    def _claims(
        self,
        kept: list[tuple[int, EventCandidate]],
        quotes: list[Quote],
        qspans: list[Any],
        sents: list[Any],
        sentences: list[tuple[int, int, str]],
        speakers_by_sentence: dict[int, list[ActorRef]],
    ) -> list[Claim]:
        drafts: list[claims_mod.ClaimDraft] = []
        for i, c in kept:
            if c.modality != "claimed" or c.type not in ("ASSAULT", "AGREE"):
                continue
            claimant = c.attributed_to or (c.actors[0] if c.actors else None)
            if claimant is None:
                continue
            capture = c.trigger.lemma_ in CAPTURE_LEMMAS
            if c.type == "ASSAULT" and c.place is not None:
                subject = f"capture of {c.place.name}" if capture else f"attack on {c.place.name}"
            else:
                subject = self._claim_subject(c, qspans, sentences[i][2])
            trig = c.trigger
            drafts.append(
                claims_mod.ClaimDraft(
                    claimant=claimant,
                    subject=subject,
                    place=c.place,
                    sentence_index=i,
                    start=trig.idx,
                    end=trig.idx + len(trig.text),
                    sent_start=c.sent_start,
                    sent_end=c.sent_end,
                    against=tuple(a.ref for a in c.recipients),
                )
            )
        drafts.extend(self._reported_claims(qspans, sents, drafts))
        # one claim per (claimant, place/subject)
        # "Russia claims Kupiansk … Gerasimov said": one capture claim, by the person who made it
        people = {(d.subject, d.claimant.affiliation) for d in drafts if d.claimant.kind == "person"}
        drafts = [d for d in drafts if (d.subject, d.claimant.ref) not in people]
        unique: dict[tuple[str, str], claims_mod.ClaimDraft] = {}
        placed = {(d.claimant.ref, d.sentence_index) for d in drafts if d.place is not None}
        for d in drafts:
            if d.place is None and any((d.claimant.ref, d.sentence_index + k) in placed for k in (-1, 0, 1)):
                continue  # "…had liberated the town": the same capture as the placed claim beside it
            unique.setdefault((d.claimant.ref, d.place.name if d.place else d.subject), d)
        out = []
        for d, status, disputers, _ in claims_mod.settle(
            list(unique.values()), sentences, speakers_by_sentence
        ):
            if d.reported and status == "claimed":
                continue  # an attributed account is a claim once disputed or flagged (FORMAT.md)
            out.append(
                Claim(
                    claimant=d.claimant,
                    subject=d.subject,
                    status=status,
                    place=d.place,
                    disputed_by=tuple(disputers),
                    evidence=self.evidence(d.start, d.end, d.sent_start, d.sent_end),
                )
            )
        return out

    def _quoted_stances(self, qspans: list[Any], sents: list[Any], found: list[Position]) -> list[Position]:
        """Return positions voiced in quotes that the clause rules missed: a speaker saying what must,
        should or will not happen on a negotiation issue ("Dujarric said both sides must protect
        civilian infrastructure")."""
        from parley.extract.positions import classify_issues

        have = {(p.party.side, p.issue) for p in found}
        out: list[Position] = []
        for q in qspans:
            if q.speaker is None or not STANCE_MARKERS.search(q.text):
                continue
            side = q.speaker.side
            for issue in classify_issues(q.text):
                if (side, issue) in have or (q.speaker.ref, issue) in have:
                    continue
                have.add((side, issue))
                stance = " ".join(q.text.split())
                out.append(
                    Position(
                        party=q.speaker,
                        issue=issue,
                        stance=stance[:CLAIM_SUBJECT_MAX],
                        evidence=self.evidence(q.start, q.end, q.sentence_start, q.sentence_end),
                    )
                )
        return out

    def _reported_claims(
        self, qspans: list[Any], sents: list[Any], drafts: list[claims_mod.ClaimDraft]
    ) -> list[claims_mod.ClaimDraft]:
        """Return claim drafts for reported accounts of what happened ("the army said the RSF had
        killed 2,000 civilians"): indirect quotes whose content is a past act, not an opinion, a
        demand or an intention. They stay only when settling finds them disputed or flagged as
        unverifiable (FORMAT.md: an attributed account is a claim then)."""
        taken = {(d.claimant.ref, d.sentence_index) for d in drafts}
        index = self._index
        out: list[claims_mod.ClaimDraft] = []
        for q in qspans:
            if q.direct or q.speaker is None:
                continue
            sent_i = _sentence_index(sents, q.start)
            if sent_i is None or (q.speaker.ref, sent_i) in taken:
                continue
            span = sents[sent_i].doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None or not _is_past_account(span) or claims_mod.DENIAL.search(q.text):
                continue  # not an account of an act; a denial disputes another claim instead
            places = [m.place for m in index.in_span(q.start, q.end, "place") if m.place]
            text = " ".join(q.text.split())
            out.append(
                claims_mod.ClaimDraft(
                    claimant=q.speaker,
                    subject=text[:CLAIM_SUBJECT_MAX],
                    place=places[0] if places else None,
                    sentence_index=sent_i,
                    start=q.start,
                    end=q.end,
                    sent_start=sents[sent_i].start_char,
                    sent_end=sents[sent_i].end_char,
                    reported=True,
                )
            )
        return out

    @staticmethod
    def _claim_subject(c: EventCandidate, qspans: list[Any], sentence: str) -> str:
        """Return what is claimed: the reported clause holding the trigger, else its sentence."""
        idx = c.trigger.idx
        around = [q for q in qspans if not q.direct and q.start <= idx < q.end]
        text = min(around, key=lambda q: q.end - q.start).text if around else sentence
        text = " ".join(text.strip(' "\n').split())
        return text[:CLAIM_SUBJECT_MAX].rsplit(" ", 1)[0] if len(text) > CLAIM_SUBJECT_MAX else text

    # -- the article's actors and places ---------------------------------------------------------

    @staticmethod
    def _actors(
        events: list[Event], quotes: list[Quote], claims: list[Claim], positions: list[Position]
    ) -> tuple[ActorRef, ...]:
        seen: dict[str, ActorRef] = {}
        refs: list[ActorRef] = []
        for e in events:
            refs.extend(e.actors)
        refs.extend(q.speaker for q in quotes if q.speaker)
        for c in claims:
            refs.append(c.claimant)
            refs.extend(c.disputed_by)
        refs.extend(p.party for p in positions)
        for a in refs:
            seen.setdefault(a.ref, a)
        return tuple(seen.values())

    @staticmethod
    def _places(events: list[Event], claims: list[Claim], mentions: list[Mention]) -> tuple[PlaceRef, ...]:
        seen: dict[Any, PlaceRef] = {}
        for p in [e.place for e in events] + [c.place for c in claims] + [m.place for m in mentions]:
            if p is not None:
                seen.setdefault(p.ref, p)
        return tuple(seen.values())


def extract(
    text: str, *, published: date, doc_id: str = "doc", settings: Settings | None = None
) -> Extraction:
    """Return the records of one article text (the Python API; loads models on first use)."""
    return _default_extractor(settings).extract_text(text, published=published, doc_id=doc_id)


_EXTRACTORS: dict[Settings, Extractor] = {}


def _default_extractor(settings: Settings | None) -> Extractor:
    key = settings or Settings()
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = Extractor(key)
    return _EXTRACTORS[key]


__all__ = ["Extractor", "extract"]
