"""Fetching the web when the user asks: pages and feeds over HTTP, kept in the archive (`storage.archive`).

Above both the sources (`reader.sources`, which turn bytes into documents) and
storage: fetching extracts pages with the sources and keeps them in the archive,
while neither of those knows that fetching exists.
"""
