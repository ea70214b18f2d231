"""Sadarbības partneris: an organisation taking part in the project, with its role."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from projektu_vadiba.core.dto import PartnerDTO, PartnerInput
from projektu_vadiba.core.models.enums import OrganisationKind, PartnerRole
from projektu_vadiba.core.services import organisations
from projektu_vadiba.ui.commands import CreateCommand, EditCommand
from projektu_vadiba.ui.dialogs.form import FormDialog
from projektu_vadiba.ui.entities import PARTNER, partner_input
from projektu_vadiba.ui.labels import organisation_kind_label, partner_role_label
from projektu_vadiba.ui.widgets.choices import choice_combo, current_value, name_combo
from projektu_vadiba.ui.workspace import Workspace


class PartnerForm(FormDialog):
    def __init__(
        self, ws: Workspace, project_id: int, partner: PartnerDTO | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Jauns partneris") if partner is None else self.tr("Partneris"), parent)
        self.ws, self.project_id, self.partner = ws, project_id, partner
        old = partner_input(partner) if partner else PartnerInput("")
        names = ws.read(lambda s: [o.name for o in organisations.list_organisations(s)])
        self.organisation = name_combo(names, old.organisation_name, self)
        kinds = [k for k in OrganisationKind if k not in (OrganisationKind.OWN, OrganisationKind.FUNDER)]
        self.kind = choice_combo(kinds, organisation_kind_label, old.kind, self)
        self.role = choice_combo(PartnerRole, partner_role_label, old.role, self)
        self.description = QLineEdit(old.description, self)
        self.description.setPlaceholderText(self.tr("piem., nodrošina telpas pasākumiem"))
        self.add_row("organisation_name", self.tr("Organizācija"), self.organisation, required=True)
        self.add_row("kind", self.tr("Veids"), self.kind)
        self.add_row("role", self.tr("Loma"), self.role)
        self.add_row("description", self.tr("Ieguldījums"), self.description)
        self.old = old
        self.mark_clean()

    def build(self) -> PartnerInput:
        return PartnerInput(
            self.organisation.currentText(),
            current_value(self.kind),
            current_value(self.role),
            self.description.text().strip(),
            self.old.version,  # the version this form was loaded with
        )

    def save(self, data: PartnerInput) -> object:
        if self.partner is None:
            text = self.tr("Jauns partneris “%1”").replace("%1", data.organisation_name.strip())
            return self.ws.execute(CreateCommand(self.ws, PARTNER, self.project_id, data, text))
        if data == self.old:
            return self.partner
        text = self.tr("Partnera “%1” labojums").replace("%1", self.partner.organisation.name)
        return self.ws.execute(EditCommand(self.ws, PARTNER, self.partner.id, self.old, data, text))
