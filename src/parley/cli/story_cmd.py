"""Commands registered by this module (filled by its issue)."""
