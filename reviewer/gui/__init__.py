"""The PySide6 desktop app: windows, models, views, dialogs, the task runner. The only package that imports Qt."""
