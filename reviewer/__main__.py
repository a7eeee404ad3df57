"""`python -m reviewer`: the same program as the `reviewer` console script."""

import sys

from reviewer.cli import main

if __name__ == "__main__":
    sys.exit(main())
