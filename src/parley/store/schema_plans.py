"""Tables of peace plans and their numbered points."""
