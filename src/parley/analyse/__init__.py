"""Analysis: spaCy parse of the cleaned text plus knowledge-base mentions."""
