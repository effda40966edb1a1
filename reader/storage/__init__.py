"""What the reader keeps between runs: the analysis cache and the user's reading state.

Both are SQLite files in the user's own folders (platformdirs); neither is
ever needed for the reader to work, so every failure here degrades to "no
cache" or "fresh state" with a notice for the user.
"""
