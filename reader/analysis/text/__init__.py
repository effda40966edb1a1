"""Text rules every stage shares, each in one place: normalisation and figures, dates, word diffs."""
