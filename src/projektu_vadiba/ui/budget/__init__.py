"""The accountant's view of a project's money: budget by category and source, the expense ledger, payments
received and the summary with the funder's reallocation check. `BudgetView(workspace, project_id)` is all a window
needs."""

from projektu_vadiba.ui.budget.view import BudgetView

__all__ = ["BudgetView"]
