"""Speakers the knowledge base does not know (parley.extract.quotes_names), on sentences written
for these tests: named by their own name, found again by "he said" and by their surname, and a
paragraph of quotation after a report of speech given to its speaker."""

from __future__ import annotations

import pytest

from parley.extract.quotes import QuoteSpan, find_quotes
from parley.extract.quotes_lexicon import load_lexicon
from parley.extract.quotes_names import (
    earlier_full_name,
    name_only_speaker,
    name_tokens,
    person_named_elsewhere,
    plural_noun_opening,
)
from tests.extract.test_quotes import NOVAK, mentions_for

pytestmark = pytest.mark.spacy


def run(nlp, text: str) -> list[QuoteSpan]:
    return find_quotes(nlp(text), mentions_for(text))


def speaker_name(quotes: list[QuoteSpan], words: str) -> str | None:
    found = next(q for q in quotes if words in q.text)
    return found.speaker.name if found.speaker is not None else None


def test_a_title_before_an_unknown_name_is_not_part_of_it(nlp):
    text = (
        '"We will not sign a contract that cuts our pensions," said Dockworkers Union '
        "Secretary-Treasurer Gary Halvorsen on Friday."
    )
    qs = run(nlp, text)
    assert speaker_name(qs, "We will not sign a contract") == "Gary Halvorsen"


def test_an_air_force_rank_before_an_unknown_name_is_not_part_of_it(nlp):
    doc = nlp('"All the crews came back," Air Chief Marshal Rohan Dev Mehra said on Friday.')
    last = next(t for t in doc if t.text == "Mehra")
    assert " ".join(t.text for t in name_tokens(last, load_lexicon())) == "Rohan Dev Mehra"


def test_an_unknown_surname_is_the_full_name_given_before(nlp):
    text = (
        "The agronomist Petra Lindqvist has studied the region's harvests for twenty years.\n\n"
        '"The wheat will not recover before the next winter," Lindqvist said on Monday.'
    )
    qs = run(nlp, text)
    assert speaker_name(qs, "The wheat will not recover") == "Petra Lindqvist"
    doc = nlp(text)
    surname = next(t for t in doc if t.text == "Lindqvist" and t.i > 10)
    assert earlier_full_name(surname, load_lexicon()) == "Petra Lindqvist"


def test_he_said_goes_to_the_unknown_person_just_named_not_the_known_one(nlp):
    text = (
        "Anna Novak visited the flooded villages along the river on Monday.\n\n"
        "The farmer Tomas Herrera showed the visitors what was left of his fields. "
        '"We have not had a harvest like this in thirty years," he said.'
    )
    qs = run(nlp, text)
    assert speaker_name(qs, "We have not had a harvest") == "Tomas Herrera"


def test_a_bare_quotation_after_a_report_of_speech_is_that_speakers(nlp):
    text = (
        "Anna Novak added that the talks would resume in the spring, whatever the weather.\n\n"
        '"We are patient people, and we will wait for an answer from the other side."'
    )
    qs = run(nlp, text)
    bare = next(q for q in qs if q.direct)
    assert bare.speaker == NOVAK


def test_a_place_is_no_speakers_name(nlp):
    doc = nlp("Warsaw said on Monday that the crossings would stay closed until further notice.")
    warsaw = doc[0]
    assert warsaw.ent_type_ == "GPE"
    assert name_only_speaker(warsaw, load_lexicon()) is None


def test_a_participle_after_a_clause_of_time_is_the_reporters(nlp):
    text = (
        '"The harbour will reopen before the winter storms arrive," Anna Novak said during a visit to '
        "the docks after the council easily won its vote, remarking that the cranes had already been "
        "ordered."
    )
    qs = run(nlp, text)
    assert speaker_name(qs, "the cranes had already been ordered") == NOVAK.name


def test_a_one_word_name_is_the_fullest_person_the_text_names_with_it(nlp):
    text = (
        "Harbour pilot Tomasz Wierzbicki guided the damaged tanker into the bay on Sunday night.\n\n"
        "Wierzbicki insisted that the crew had never been in danger during the crossing."
    )
    doc = nlp(text)
    word = next(t for t in doc if t.text == "Wierzbicki" and t.i > 5)
    assert person_named_elsewhere(word, load_lexicon()) == "Tomasz Wierzbicki"
    other = next(t for t in doc if t.text == "tanker")
    assert person_named_elsewhere(other, load_lexicon()) is None


def test_a_surname_names_an_unknown_speaker_heard_before_under_a_full_name(nlp):
    from parley.extract.quotes_speaker import SpeakerResolver
    from parley.model.records import ActorRef

    text = '"The cranes are already on their way to the harbour," Kowalczyk said on the morning show.'
    doc = nlp(text)
    word = next(t for t in doc if t.text == "Kowalczyk")
    # the NER took the full name for an outlet when she first spoke: a name-only organisation
    heard = ActorRef(name="Brenda Kowalczyk", kind="organization", method="name")
    resolver = SpeakerResolver(text=text, mentions=[], lex=load_lexicon(), history=[(0, heard)])
    assert resolver._surname(word, word.idx) == heard
    assert SpeakerResolver(text=text, mentions=[], lex=load_lexicon())._surname(word, word.idx) is None


def test_a_party_named_in_the_apposition_of_a_name_is_not_the_speaker(nlp):
    # the apposition says who the speaker is ("an ally of X"); X is what it says of them
    text = (
        "Marek Wolski met the harbour workers at the gates of the shipyard on Thursday.\n\n"
        '"The cranes will be back before the winter storms," Wolski, a close ally of Anna Novak, '
        "said on Friday."
    )
    qs = run(nlp, text)
    assert speaker_name(qs, "The cranes will be back") == "Marek Wolski"


def test_a_surname_two_people_share_is_the_one_the_article_names_most(nlp):
    # a relative is named in full ("his wife, Heidi Corwin"); the surname alone is the principal
    text = (
        "Ted Corwin endorsed the nominee on Friday after months of silence. Ted Corwin had said in "
        "the spring that the nominee's attacks on his wife, Heidi Corwin, were unforgivable.\n\n"
        '"I am not in the habit of supporting people who attack my family," Corwin said in July.'
    )
    qs = run(nlp, text)
    assert speaker_name(qs, "I am not in the habit") == "Ted Corwin"
    doc = nlp(text)
    surname = next(t for t in doc if t.text == "Corwin" and t.i > 30)
    assert earlier_full_name(surname, load_lexicon()) == "Ted Corwin"


def test_a_plural_noun_opening_a_sentence_is_no_name(nlp):
    text = (
        "Shelling hit the market of the river town again on Sunday morning.\n\n"
        "Medics said 12 people were killed in the eastern suburb of Beit Lahm and four more in the port."
    )
    doc = nlp(text)
    word = next(t for t in doc if t.text == "Medics")
    assert (word.tag_, word.ent_type_) == ("NNPS", "ORG"), "the tagger reads it as an organisation's name"
    assert name_only_speaker(word, load_lexicon()) is None
    qs = run(nlp, text)
    assert speaker_name(qs, "12 people were killed") is None


def test_a_plural_name_written_inside_a_sentence_too_is_still_a_name(nlp):
    text = (
        "Shelling hit the market of the river town again on Sunday morning.\n\n"
        "Medics said 12 people were killed in the eastern suburb of Beit Lahm and four more in the port. "
        "A spokesman for Medics added that two of its ambulances had been hit."
    )
    doc = nlp(text)
    word = next(t for t in doc if t.text == "Medics")
    assert not plural_noun_opening(word)
