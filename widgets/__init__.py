"""The helpers: their templates, their browser runtime and the build-time markup (markup.py)."""
