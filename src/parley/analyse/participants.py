"""Actors the article shows taking part, read from the parse rather than from the records.

An article's actor list holds every actor that takes part in something it reports (FORMAT.md).
The records cover only the events, quotes, claims and positions the extractors recognise, so an
actor that clearly acts in a clause they miss ("Qatar and Egypt brokered the deal", "the talks
with Hezbollah") would be lost from the list. Such a clause names its participants in a few
syntactic slots, which this module reads:

- the subject of a clause, active or passive ("Eritrea denied ...", "Pashinyan was invited");
- the agent of a passive ("was brokered by the United States"), or of an act named by a noun
  ("a visit by X", "accusations from X", "the resignation of X", "X's visit");
- the body whose office holder acts ("the head of X said", "a spokesman for X told reporters");
- the object of "with" or "between" ("talks with Hamas", "a truce between Israel and Hamas"), but
  "along with" or "together with" only adds its object to another name's slot;
- the members a delegation or team is said to include ("the delegation included X and Y");
- any of these joined by "and" or set beside them in apposition ("Mali, Niger and Burkina Faso
  said"; "the envoy, Steve Witkoff, said").

Organisations are mostly left to the records: news agencies and international bodies stand in
these slots as sources and background ("Reuters reported", "the UN has long warned") far more
often than as parties to what happened; only an organisation that decides ("the Security Council
voted", "ECOWAS imposed sanctions") is taken here. A name in a locative phrase ("in Ukraine") is
never a participant, nor one in a photo caption (it says who is pictured, not who acted) or a
subheading; nor is a slot of a clause that only describes: a relative clause of time or place ("at
a time when X was visiting"), a passive relative clause's agent ("a militia which is backed by
X"), or an act dated years before the article ("X sanctioned him in 2016"); nor is the subject of
"have" as a main verb ("X had 400,000 dead": what a party has is no act), nor of a linking verb
that only gives it a state ("X remains committed to peace"), nor of "speak" with no
one spoken with or to ("X spoke from the Rose Garden": a speaker counts through a quote). On realnews-dev-a
about a quarter of the actors only this module found were wrong, many of them of these kinds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from parley.analyse.doc_views import sentence_text, span_tokens
from parley.analyse.mentions import Mention
from parley.analyse.organisations import DESCRIBED_GROUP_NOUNS, FIGHTER_DESCRIPTORS
from parley.model.records import ActorRef

# Dependency labels of a clause's subject (spaCy's English scheme).
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Prepositions whose object takes part in what the clause or noun says ("talks with X").
PARTNER_PREPOSITIONS = frozenset({"with", "between"})
# "the delegation included X, Y and Z": the object of these verbs takes part when their subject is
# one of the collectives below (lemmas: "participants" is "participant").
INCLUDE_VERBS = frozenset({"include", "comprise"})
PARTICIPANT_COLLECTIVES = frozenset(
    {"delegation", "participant", "team", "member", "negotiator", "attendee", "envoy", "mediator",
     "signatory", "party"}
)  # fmt: skip
# Nouns of an office: "the chief of X", whose holder acting makes X a party too.
OFFICE_NOUNS = frozenset(
    {
        "head",
        "chief",
        "leader",
        "commander",
        "chairman",
        "chair",
        "president",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "envoy",
        "minister",
        "secretary",
        "ministry",
        "representative",
    }
)
# Nouns of an act whose doer "by" introduces ("a visit by X", "an attack by X", "a call by X").
AGENT_NOUNS = frozenset(
    {"visit", "trip", "attack", "assault", "offensive", "strike", "raid", "invasion", "incursion",
     "bombardment", "shelling", "call", "proposal", "offer", "statement", "announcement", "decision",
     "move", "request", "demand", "threat", "warning", "accusation", "pledge", "bid", "effort",
     "initiative", "intervention", "mediation", "deployment", "withdrawal", "violation", "seizure",
     "capture", "takeover", "recognition", "veto", "signing", "claim", "crackdown", "operation",
     "attempt", "campaign", "plan", "push", "retaliation", "response", "order", "ban", "blockade", "siege"}
)  # fmt: skip
# Nouns of a message or pressure whose sender "from" introduces ("accusations from X").
SOURCE_NOUNS = frozenset(
    {"accusation", "call", "warning", "threat", "demand", "request", "pressure", "statement",
     "message", "offer", "proposal", "criticism", "condemnation", "pledge", "response", "assurance",
     "guarantee", "invitation", "appeal", "objection", "ultimatum", "overture"}
)  # fmt: skip
# Nouns of a visit whose host "to" introduces ("a state visit to Saudi Arabia"): the host is the
# other party of the meeting (FORMAT.md: a CONSULT visit lists the visitor, then the host).
VISIT_NOUNS = frozenset({"visit", "trip", "tour"})
# Nouns of an act whose doer "of" introduces ("the resignation of X", "the withdrawal of X's
# forces"), unlike "the killing of X", whose X suffers it.
SUBJECT_OF_NOUNS = frozenset(
    {
        "resignation",
        "visit",
        "arrival",
        "withdrawal",
        "retreat",
        "departure",
        "return",
        "surrender",
        "advance",
    }
)
# A name that modifies one of these nouns ("RSF troops", "Hamas fighters", "their Fitna-al-Khawarij
# allies") takes the noun's slot: the body's men or its delegation act for it.
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})
FORCE_NOUNS = frozenset(
    {"troop", "force", "fighter", "militant", "soldier", "ally", "militia", "delegation", "negotiator",
     "official", "commander", "leader", "gunman", "unit", "army", "rebel", "envoy", "spokesman"}
)  # fmt: skip
# Verbs of asking someone to act ("urged X to", "encouraged X to"): their object with an infinitive
# is the party asked (PLOVER's REQUEST lists it second).
ASKING_VERBS = frozenset(
    {"urge", "ask", "encourage", "press", "push", "invite", "pressure", "request", "implore", "beg",
     "order", "tell", "call"}
)  # fmt: skip
# "a militant group called X": the participle that gives a noun its name.
NAMING_VERBS = frozenset({"call", "name", "dub"})
# Marks of a photo caption or credit line ("(AP Photo/...)", "Photo: ...").
# "In this photo provided by X", "This undated photograph provided by X shows ...": a caption's credit.
CAPTION_MARKS = (
    "photo/", "photo:", "(photo", "photo by", "getty images", "photo provided by", "photograph provided by",
    "image provided by", "undated photo",
)  # fmt: skip
# A line of fewer words than this without closing punctuation is a subheading.
SUBHEADING_WORDS = 8
SENTENCE_ENDS = frozenset(".!?\"'”’:;)…")
# Verbs of a decision: an organisation as their subject acts ("the Council voted to ...").
DECISION_VERBS = frozenset(
    {"vote", "adopt", "approve", "authorize", "authorise", "impose", "suspend", "sanction", "extend",
     "condemn", "deploy", "expel", "reject", "pass", "agree", "sign", "endorse", "renew", "lift"}
)  # fmt: skip
# Kinds of actor taken from the parse; organisations come only from records (see above).
PARTICIPANT_KINDS = frozenset({"person", "state", "group"})
# Nouns of a standing relation rather than an act: "the border with X", "his rivalry with X", "the
# war between X and Y broke out in 2023" name the background, not a party to what is reported.
BACKGROUND_NOUNS = frozenset({"war", "rivalry", "feud", "border", "frontier", "boundary"})
# Verbs of speaking that report no act by themselves: their subject takes part through a quote
# (the quote finder's) or through the one spoken with or to ("spoke with Y", "spoke to Y by phone").
TALK_VERBS = frozenset({"speak"})
# Verbs whose passive subject, when a person, is a victim ("X was killed"): the attack's record, if
# any, names them; a list of the dead is no list of parties.
VICTIM_VERBS = frozenset({"kill", "wound", "injure"})
# Verbs that link a subject to what it is ("X is ready", "X remains focused"): no act by themselves.
STATE_VERBS = frozenset({"be", "remain", "stay", "seem", "appear"})
# A clause dated "in" a year at least this many years before the article is history, not news.
HISTORY_YEARS = 2
# Lines that point to another article ("Also read: ..."): what they name is not this article's.
POINTER_PREFIXES = ("also read", "read more", "read also", "see also", "related:")


def _slot_head(token: Any) -> Any:
    """Return the token whose slot ``token`` fills: a conjunct or apposition takes its head's."""
    node = token
    while node.dep_ in ("conj", "appos") and node.head.i != node.i:
        node = node.head
    return node


def takes_part(token: Any, published: date | None = None) -> bool:
    """Return True when ``token`` (the head of a name) fills a participant slot of a clause that
    reports what happened (not one that describes, see _describes; ``published`` dates history)."""
    node = _slot_head(token)
    if _describes(node, published):
        return False
    if node.dep_ == "ROOT" and node.pos_ == "PROPN" and any(t.pos_ == "VERB" for t in node.sent):
        # "X, a spokesman for Y, informed reporters ...": the small model makes the name the root
        # and hangs the verb below it; a name that heads a sentence with a verb is its subject
        return True
    if node.dep_ in SUBJECT_DEPS:
        if node.head.lemma_ == "have" and node.head.pos_ == "VERB":
            return False  # "X had 400,000 dead": what X has is no act
        if _links_a_state(node.head):
            return False  # "X is committed to peace", "X remains focused": a state of X, no act
        if node.head.lemma_ in TALK_VERBS and not _talks_with(node.head):
            return False  # "X spoke from the Rose Garden": speaking is a quote's, or a meeting's with Y
        # "Among those killed was X": a name listed among the dead or the captured does not act
        return not (node.head.lemma_ == "be" and any(c.lower_ == "among" for c in node.head.children))
    if node.dep_ == "pobj" and _named_as(node.head):
        # "a coalition known as X attacked": X fills its slot
        return takes_part(node.head.head.head, published)
    if node.dep_ == "pobj":
        prep = node.head
        if prep.lower_ in ("of", "for") and prep.head.lower_ in OFFICE_NOUNS and prep.head.i != node.i:
            # "the head of X said", "a spokesman for X told": X takes part
            return takes_part(prep.head, published)
        if prep.lower_ == "of" and prep.head.lemma_.lower() in FORCE_NOUNS and prep.head.i != node.i:
            return takes_part(prep.head, published)  # "fighters of X seized the post": X's men act for it
        if _adds_to(prep):
            # "Mali, along with Niger, ...", "X, together with Y, brokered": Y shares X's slot
            host = _host_of_addition(prep)
            return host is not None and host.i != node.i and takes_part(host, published)
        if prep.lower_ in PARTNER_PREPOSITIONS:
            return not _background(prep.head)
        if prep.head.pos_ == "NOUN" and prep.head.i != node.i:
            act = prep.head.lemma_.lower()
            return (
                (prep.lower_ == "by" and act in AGENT_NOUNS)
                or (prep.lower_ == "from" and act in SOURCE_NOUNS)
                or (prep.lower_ == "to" and act in VISIT_NOUNS)
                or (prep.lower_ == "of" and act in SUBJECT_OF_NOUNS)
            )
        return prep.dep_ == "agent"
    if node.dep_ == "oprd" and node.head.lemma_.lower() in NAMING_VERBS and node.head.dep_ == "acl":
        # "a group called X claimed the attack": X fills the group's slot
        return takes_part(node.head.head, published)
    if node.dep_ in MODIFIER_DEPS and _men_of(node.head) and node.head.i != node.i:
        # "an attack by RSF troops", "the X militant group said": X acts
        return takes_part(node.head, published)
    if node.dep_ == "dobj" and node.head.lemma_.lower() in ASKING_VERBS:
        # "Washington urged Kyiv to accept": the one asked to act is a party to the request
        return any(c.dep_ == "xcomp" for c in node.head.children)
    if node.dep_ == "dobj" and node.head.lemma_ in INCLUDE_VERBS:
        return any(
            c.dep_ == "nsubj" and c.lemma_.lower() in PARTICIPANT_COLLECTIVES for c in node.head.children
        )
    return False


def _describes(node: Any, published: date | None) -> bool:
    """Return True when ``node`` is the subject or passive agent of a clause that describes rather
    than reports: a relative clause of time or place sets the scene for something else ("at a time
    when X was visiting", "the building where the governor held a meeting"); a passive relative
    clause with an agent says what its noun is ("the militia, which is backed by X"); a clause dated
    two years or more before the article is history ("X sanctioned him in 2016")."""
    verb = _clause_verb(node)
    if verb is None:
        return False
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "relcl" and (node.dep_ == "pobj" or any(c.tag_ == "WRB" for c in clause.children)):
        return True
    return published is not None and _dated_before(verb, published)


def _clause_verb(node: Any) -> Any:
    """Return the verb whose subject or passive agent ``node`` is, else None."""
    if node.dep_ in SUBJECT_DEPS:
        return node.head
    if node.dep_ == "pobj" and node.head.dep_ == "agent":
        return node.head.head
    return None


def _dated_before(verb: Any, published: date) -> bool:
    """Return True when ``verb`` is dated "in" a year at least HISTORY_YEARS before ``published``
    ("in 2016", "in March 2019"); "since 2013" is not, for it runs up to now."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            years = [int(t.text) for t in prep.subtree if t.is_digit and len(t.text) == 4]
            if years and max(years) <= published.year - HISTORY_YEARS:
                return True
    return False


def _men_of(noun: Any) -> bool:
    """Return True for a noun of a body's men ("troops", "fighters") or of an armed group described
    as one ("militant group", "guerrilla faction"), which a name before it owns."""
    if noun.lemma_.lower() in FORCE_NOUNS:
        return True
    return noun.lemma_.lower() in DESCRIBED_GROUP_NOUNS and any(
        c.lower_ in FIGHTER_DESCRIPTORS for c in noun.children if c.i < noun.i
    )


def _named_as(prep: Any) -> bool:
    """Return True for the "as" of "a coalition known as X", whose object names the noun."""
    verb = prep.head
    return prep.lower_ == "as" and verb.lemma_.lower() == "know" and verb.dep_ == "acl"


def _background(head: Any) -> bool:
    """Return True when "with"/"between" hangs on a standing relation, not an act: a background
    noun ("the border with X"), a verb whose subject is one ("war broke out between X and Y"), or
    "be" ("has been at war with X")."""
    if head.lemma_.lower() in BACKGROUND_NOUNS or head.lemma_ == "be":
        return True
    return head.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in BACKGROUND_NOUNS for c in head.children
    )


def _possessor(span: Any) -> bool:
    """Return True when the name is a possessor ("Trump's son-in-law X"): the noun after it acts."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].tag_ == "POS"


def _does_the_act(span: Any) -> bool:
    """Return True for a possessor that does the act its noun names ("Pezeshkian's visit",
    "Hamas's proposal"): a possessive of an act noun is its subject."""
    head = span.root.head
    return (
        span.root.dep_ == "poss"
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in AGENT_NOUNS | SUBJECT_OF_NOUNS
    )


def _adds_to(prep: Any) -> bool:
    """Return True for the "with" of "along with" or "together with", which adds its object to
    another name's slot rather than naming a partner ("Mali, along with Niger, has fought ...";
    "among those captured were X, along with Y")."""
    if prep.lower_ != "with":
        return False
    head = prep.head
    return (head.lower_ == "along" and head.i == prep.i - 1) or any(
        c.lower_ == "together" and c.i == prep.i - 1 for c in prep.children
    )


def _host_of_addition(prep: Any) -> Any:
    """Return the name whose slot the object of "along with" shares: the noun the phrase hangs
    on, or the subject of the verb it hangs on; None when there is none."""
    head = prep.head.head if prep.head.lower_ == "along" else prep.head
    if head.pos_ in ("VERB", "AUX"):
        return next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    return head if head.pos_ in ("PROPN", "NOUN", "PRON") else None


def _links_a_state(verb: Any) -> bool:
    """Return True for a linking verb that gives its subject a state ("X is committed to peace",
    "X remains focused on the deal", "X will be an ideal host") and no verb of its own: the
    subject does nothing in that clause. A verb hung below it ("X was in Munich attending talks")
    or joined to it ("X is ready and will sign") still acts."""
    children = list(verb.children)
    return (
        verb.lemma_ in STATE_VERBS
        and any(c.dep_ in ("acomp", "attr") for c in children)
        and not any(c.pos_ == "VERB" and c.dep_ in ("advcl", "xcomp", "ccomp", "conj") for c in children)
    )


def _talks_with(verb: Any) -> bool:
    """Return True when a verb of speaking names whom it is spoken with or to ("spoke with Y")."""
    return any(c.dep_ in ("prep", "dative") and c.lower_ in ("with", "to") for c in verb.children)


def _victim(token: Any) -> bool:
    """Return True for the passive subject of a killing ("X was killed", "Ukrainian soldiers were
    killed"): the dead, or a state's dead soldiers, suffer the attack rather than take part."""
    node = _slot_head(token)
    return node.dep_ == "nsubjpass" and node.head.lemma_.lower() in VICTIM_VERBS


def participants(doc: Any, mentions: Sequence[Mention], published: date | None = None) -> list[ActorRef]:
    """Return the actors of ``mentions`` that fill a participant slot in the parsed ``doc`` of an
    article ``published`` on that day (None: no clause is taken for history)."""
    out: list[ActorRef] = []
    for m in mentions:
        actor = m.actor
        if actor is None:
            continue
        if actor.kind == "organization":
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and _decides(span.root):
                out.append(actor)
            continue
        if actor.kind not in PARTICIPANT_KINDS:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or _victim(span.root):
            continue
        if _possessor(span):
            if _does_the_act(span):
                out.append(actor)
            continue
        sentence = span.sent
        sent = sentence_text(sentence).lstrip().lower()
        # the parse may end a sentence at the colon of "Also read: ...": the line tells
        line = doc.text[doc.text.rfind("\n", 0, m.start) + 1 : m.start].lstrip().lower()
        if line.startswith(POINTER_PREFIXES) or sent.startswith(POINTER_PREFIXES):
            continue
        if any(mark in sent for mark in CAPTION_MARKS):
            continue
        if _subheading(sentence):
            continue
        if takes_part(span.root, published):
            out.append(actor)
    return out


def _subheading(sent: Any) -> bool:
    """Return True for a short line with no closing punctuation ("US claims credit"): a
    subheading that names the topic of the paragraphs below, not an act of its own."""
    toks = span_tokens(sent)
    words = sum(1 for t in toks if t.is_alpha)
    last = [t for t in toks if not t.is_space]
    return words < SUBHEADING_WORDS and bool(last) and last[-1].text not in SENTENCE_ENDS


def _decides(token: Any) -> bool:
    """Return True for an organisation that is the subject of a decision ("the Security Council
    voted", "ECOWAS imposed sanctions"): a body that decides is a party, unlike one that reports."""
    node = _slot_head(token)
    return node.dep_ == "nsubj" and node.head.lemma_.lower() in DECISION_VERBS


def merge_actors(first: Iterable[ActorRef], more: Iterable[ActorRef]) -> tuple[ActorRef, ...]:
    """Return the actors of ``first`` then those of ``more``, once each by reference."""
    seen: dict[str, ActorRef] = {}
    for a in (*first, *more):
        seen.setdefault(a.ref, a)
    return tuple(seen.values())
