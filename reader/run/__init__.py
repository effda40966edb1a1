"""The runner: decides how the pure analysis stages run (worker processes, overlap, cache, order)."""
