"""The bundled app's entry point: the same `main` as the `reviewer` console script.

PyInstaller needs a script, not a `module:function` reference; this is that script.
"""

import multiprocessing
import sys

from reviewer.cli import main
from reviewer.sandbox.process import run_frozen_child

if __name__ == "__main__":
    # a frozen app must call this before anything else if a worker process is ever started (Windows, macOS)
    multiprocessing.freeze_support()
    if run_frozen_child(sys.argv):  # the same executable, started as a sandbox child (reviewer.sandbox)
        sys.exit(0)
    sys.exit(main())
