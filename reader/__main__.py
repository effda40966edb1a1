"""`python -m reader` runs the same command as `reader`."""

from reader.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
