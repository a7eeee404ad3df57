"""The register window's report table: paged model, badge delegate, filter bar, full-text search hits, and the
notice of reviews due."""

from reviewer.gui.register_view.model import ReportTableModel
from reviewer.gui.register_view.reviews_due import ReviewsDueNotice
from reviewer.gui.register_view.view import RegisterView

__all__ = ["RegisterView", "ReportTableModel", "ReviewsDueNotice"]
