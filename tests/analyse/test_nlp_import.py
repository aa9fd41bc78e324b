"""Loading the pipeline leaves spaCy's command line unimported until something asks for it."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.spacy

# Run in a fresh interpreter: the test process may have imported spaCy (and its CLI) already.
PROBE = """
import sys
from parley.analyse.nlp import load_nlp
nlp = load_nlp()
doc = nlp("The foreign minister flew to Geneva on Monday for another round of talks.")
print("parsed", len(doc) > 5, "typer" in sys.modules, "requests" in sys.modules)
import spacy
print("info", spacy.info()["spacy_version"] == spacy.__version__, "typer" in sys.modules)
from spacy.cli import download
import spacy.cli.train
print("cli", callable(download), spacy.cli.__file__.endswith("__init__.py"), hasattr(spacy.cli, "train"))
"""


def test_the_command_line_loads_only_when_used() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == [
        "parsed True False False",  # parsing needs neither typer nor requests
        "info True True",  # spacy.info() imports the real command line
        "cli True True True",  # which then serves every attribute and submodule
    ]
