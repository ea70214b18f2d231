"""The Reports section's report making: `ReportsView(workspace, project_id)` (final, interim, financial XLSX, attendance
annexes; preview, Save as, last files; the report texts editor)."""

from projektu_vadiba.ui.reports.view import ReportsView

__all__ = ["ReportsView"]
