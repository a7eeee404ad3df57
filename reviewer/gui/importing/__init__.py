"""Importing PDFs from the GUI: the worker task, the progress window, the password and vendor prompts."""

from reviewer.gui.importing.controller import ImportController

__all__ = ["ImportController"]
