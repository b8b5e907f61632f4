"""Pure engines: plain data in, plain data out. No Django, no Caucus apps (import-linter checks)."""
