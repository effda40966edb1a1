"""Shared test settings."""

from __future__ import annotations

import os

from hypothesis import settings

# CI runs a few hundred generated cases per property; the thorough profile is the 10,000-case run.
settings.register_profile("ci", max_examples=200, deadline=None)
settings.register_profile("thorough", max_examples=10_000, deadline=None)
# The hostile-folder property always runs thorough (tests/test_hostile_input.py): each case is a whole
# small corpus (up to 12 names, special files among them) through the pipeline, without a pool.
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
