"""Small learned components: linear models over sparse string features, trained by `make train`.

Why linear: the training sets are a few hundred real articles, the models must be small files that
load offline in milliseconds and can be checked by hash, and a weight per feature can be read by
whoever wants to know why a sentence was called a claim.
"""
