"""Run copylint as ``python -m copylint``."""

from copylint.cli import main

if __name__ == "__main__":
    main()
