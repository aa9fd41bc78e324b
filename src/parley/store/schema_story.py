"""Tables of the cross-article story (merged events, claim ledger, stance history)."""
