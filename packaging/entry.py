"""The bundled app's entry point: the same `main` as the `reviewer` console script.

PyInstaller needs a script, not a `module:function` reference; this is that script.
"""

import multiprocessing
import sys

from reviewer.cli import main

if __name__ == "__main__":
    # a frozen app must call this before anything else if a worker process is ever started (Windows, macOS)
    multiprocessing.freeze_support()
    sys.exit(main())
