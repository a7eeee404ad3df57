"""The entry point of a corpus build worker: `python -m tests.variation.worker n seed out_dir k workers` builds
every workers-th document from index k (see build.build_all)."""

import sys
from pathlib import Path

from tests.variation.build import build_slice

if __name__ == "__main__":
    build_slice(int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
