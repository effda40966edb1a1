"""Named-entity recognition and unification: see `reader.analysis.entities` for the API."""
