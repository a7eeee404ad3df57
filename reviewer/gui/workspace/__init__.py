"""The review workspace: one report's facts with evidence links, its tabs (exceptions, CUECs, subservice
organizations, review, audit log) and the PDF viewer beside them."""

from reviewer.gui.workspace.workspace import ReviewWorkspace

__all__ = ["ReviewWorkspace"]
