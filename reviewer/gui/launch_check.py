"""`python -m reviewer.gui.launch_check`, used by `make run` to choose between the app and the demo."""

import sys

from reviewer.gui.qt_check import main

if __name__ == "__main__":
    sys.exit(main())
