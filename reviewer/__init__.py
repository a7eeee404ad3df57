"""reviewer: an offline desktop tool for reviewing vendors' SOC reports.

The package owns nothing itself; see `extract` (PDF -> ExtractionResult), `register` (the encrypted
register), `gui` (the PySide6 app) and `cli` (the command line).
"""

__version__ = "0.1.0"
APP_NAME = "reviewer"
