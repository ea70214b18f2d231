"""What an import checks against the funder's profile, before and after it writes.

Before: every profile key the bundle names must be one this installation knows (bundled or a coordinator's
corrected profile); an unknown key is refused with its JSON path, never quietly read as "generic". After: the
project gets what creating it in the window would give (the funder's report deadlines when the bundle has none, and
the retention date when it has none), and
the import reports what the window would warn about (number form, the funder's limits) and a funder that already
exists with another profile.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from projektu_vadiba.core import funders as profiles
from projektu_vadiba.core.bundle.reader import Plan
from projektu_vadiba.core.errors import BundleError
from projektu_vadiba.core.messages import Message
from projektu_vadiba.core.models import Funder, Project
from projektu_vadiba.core.services.deadlines import refresh_deadlines
from projektu_vadiba.core.services.projects import project_warnings


def check_profile_keys(plan: Plan) -> None:
    known = profiles.profile_keys()
    named = [("$.project.funder.profile_key", plan.funder.get("profile_key"))]
    if plan.programme is not None:
        named.append(("$.project.programme.profile_key", plan.programme.get("profile_key")))
    for path, key in named:
        if key and key not in known:
            raise BundleError.of("bundle.unknown_profile", path=path, key=key, known=", ".join(known))


def complete_imported(session: Session, project: Project, plan: Plan, existing_funder: Funder | None) -> list[str]:
    """Deadlines and retention as a new project gets them; returns the warnings (Messages) to show."""
    warnings: list[str] = []
    wanted = plan.funder.get("profile_key") or "generic"
    if existing_funder is not None and existing_funder.profile_key != wanted:
        warnings.append(
            Message(
                "bundle.funder_profile_kept",
                funder=existing_funder.name,
                kept=existing_funder.profile_key,
                bundle=wanted,
            )
        )
    if project.retention_until is None:
        project.retention_until = profiles.retention_until(project.profile_key, project.end_date)
    if not plan.deadlines:  # a bundle that carries deadlines (an export) keeps exactly those
        refresh_deadlines(session, project.id)
    return warnings + project_warnings(project)
