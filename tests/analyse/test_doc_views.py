"""The shared per-document views give what spaCy's own accessors give, built once per document."""

from __future__ import annotations

from parley.analyse import doc_views

TEXT = (
    "The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss the border dispute.\n\n"
    "Officials said the talks would resume next month in Santiago, according to a joint statement.  "
    "Neither side commented on the fishing rights that divide them."
)
OTHER = "Protesters gathered outside the parliament in Nairobi on Friday to oppose the new tax bill."


def test_views_equal_spacy_accessors(nlp):
    doc = nlp(TEXT)
    toks = doc_views.tokens(doc)
    assert [(t.i, t.text, t.idx) for t in toks] == [(t.i, t.text, t.idx) for t in doc]
    assert all(a == b for a, b in zip(toks, doc, strict=True))
    sents = doc_views.sentences(doc)
    assert [(s.start, s.end) for s in sents] == [(s.start, s.end) for s in doc.sents]
    assert len(sents) >= 3
    # a sentence's text cut from the document's text is spaCy's Span.text (trailing spaces too)
    assert [doc_views.sentence_text(s) for s in sents] == [s.text for s in sents]
    assert doc_views.text(doc) == doc.text == TEXT
    assert [(e.start, e.end, e.label_) for e in doc_views.entities(doc)] == [
        (e.start, e.end, e.label_) for e in doc.ents
    ]
    for s in sents:
        assert [t.i for t in doc_views.span_tokens(s)] == [t.i for t in s]


def test_views_are_built_once_per_document(nlp):
    doc = nlp(TEXT)
    assert doc_views.tokens(doc) is doc_views.tokens(doc)
    assert doc_views.sentences(doc) is doc_views.sentences(doc)
    other = nlp(OTHER)
    assert doc_views.text(other) == OTHER
    assert [t.text for t in doc_views.tokens(other)] == [t.text for t in other]
    # the first document's views are still its own, not the second's
    assert doc_views.text(doc) == TEXT
    assert len(doc_views.tokens(doc)) == len(doc)


def test_old_documents_are_let_go(nlp):
    docs = [nlp(f"{OTHER} Report number {i} of the day.") for i in range(doc_views.KEEP + 3)]
    for d in docs:
        doc_views.tokens(d)
    assert len(doc_views._kept) <= doc_views.KEEP
    # a document no longer kept gets fresh, correct views
    assert [t.text for t in doc_views.tokens(docs[0])] == [t.text for t in docs[0]]


def test_a_retokenised_document_gets_new_tokens(nlp):
    doc = nlp(TEXT)
    before = doc_views.tokens(doc)
    with doc.retokenize() as retok:
        retok.merge(doc[0:2])
    after = doc_views.tokens(doc)
    assert len(after) == len(doc) == len(before) - 1
    assert after[0].text == "The foreign"


def test_remembered_text_is_used_only_when_it_fits(nlp):
    doc = nlp(TEXT)
    doc_views.remember_text(doc, TEXT)
    assert doc_views.text(doc) == TEXT
    other = nlp(OTHER)
    doc_views.remember_text(other, OTHER + " and more words")  # not the parsed text: ignored
    assert doc_views.text(other) == OTHER
