"""Projekts: number, title, funder and programme, implementer, period, money, aim and target groups."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget
from sqlalchemy.orm import Session

from projektu_vadiba.core import clock
from projektu_vadiba.core import funders as profiles
from projektu_vadiba.core.dto import ProjectDetail, ProjectInput
from projektu_vadiba.core.models.enums import OrganisationKind, ProjectStatus
from projektu_vadiba.core.services import organisations
from projektu_vadiba.core.services.own_organisation import get_own
from projektu_vadiba.core.services.projects import project_input
from projektu_vadiba.core.text import name_key
from projektu_vadiba.core.validation import parse_money
from projektu_vadiba.ui.commands import CreateCommand, EditCommand
from projektu_vadiba.ui.dialogs.form import FormDialog
from projektu_vadiba.ui.dialogs.organisation_form import LogoField
from projektu_vadiba.ui.entities import PROJECT
from projektu_vadiba.ui.labels import project_status_label
from projektu_vadiba.ui.plural import language
from projektu_vadiba.ui.widgets.choices import choice_combo, current_value, name_combo, select_value
from projektu_vadiba.ui.widgets.fields import AmountEdit, CountSpin, DateEdit
from projektu_vadiba.ui.workspace import Workspace


@dataclass(frozen=True)
class Choices:
    """Names the form offers: funders already in the database (with their profile), own organisations."""

    funders: dict[str, str]  # name -> profile key
    implementers: list[str]
    programmes: dict[str, list[str]]  # funder name -> programme names projects already use
    own: str | None = None  # our organisation (Organizācijas dati): the default implementer


def load_choices(ws: Workspace) -> Choices:
    def query(s: Session) -> Choices:
        funders = {f.name: f.profile_key for f in organisations.list_funders(s)}
        own = [o.name for o in organisations.list_organisations(s, OrganisationKind.OWN)]
        ours = get_own(s)  # Organizācijas dati: offered first and the default of a new project
        if ours is not None:
            own = [ours.name, *(name for name in own if name != ours.name)]
        return Choices(funders, own, organisations.programme_names(s), ours.name if ours else None)

    return ws.read(query)


def money_or_zero(text: str, field: str) -> Decimal:
    """Money typed in a form: empty is 0; anything else through core.validation.parse_money."""
    return parse_money(text, field) if text.strip() else Decimal("0.00")


class ProjectForm(FormDialog):
    def __init__(self, ws: Workspace, project: ProjectDetail | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Jauns projekts") if project is None else self.tr("Projekts"), parent)
        self.ws, self.project = ws, project
        self.choices = load_choices(ws)
        start = clock.today().replace(day=1)
        old = (
            project_input(project)
            if project
            else ProjectInput("", "", "", start, start + relativedelta(months=10, days=-1), self._default_implementer())
        )
        known = {p.funder_name: key for key in profiles.profile_keys() if (p := profiles.load_profile(key)).funder_name}
        self.profile_of = {**known, **self.choices.funders}

        self.number = QLineEdit(old.number, self)
        self.title = QLineEdit(old.title, self)
        self.funder = name_combo(list(self.profile_of), old.funder_name, self)
        self.profile = choice_combo(profiles.profile_keys(), self._profile_label, old.funder_profile, self)
        self.programme = name_combo([], old.programme_name, self)  # the funder's programmes, or a new one typed
        self.strand = name_combo([], old.programme_strand, self)
        self.call_year = CountSpin(old.call_year, minimum=1990, maximum=2100, parent=self)
        self.implementer = name_combo(self.choices.implementers, old.implementer_name, self)
        self.status = choice_combo(ProjectStatus, project_status_label, old.status, self)
        self.start = DateEdit(old.start_date, self)
        self.end = DateEdit(old.end_date, self)
        self.total_cost = AmountEdit(old.total_cost if project else None, parent=self)
        self.grant = AmountEdit(old.grant_amount if project else None, parent=self)
        self.aim = QPlainTextEdit(old.aim, self)
        self.aim.setTabChangesFocus(True)
        self.aim.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.target_groups = QLineEdit(", ".join(old.target_groups), self)
        self.target_groups.setPlaceholderText(self.tr("piem., seniori, jaunieši, kopienu aktīvisti"))
        # A funder without a built-in profile (a municipality, a foreign fund): its sentence and logo, per project.
        self.publicity = QPlainTextEdit(old.publicity, self)
        self.publicity.setTabChangesFocus(True)
        self.publicity.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 12)
        self.logo = LogoField(old.logo, self)

        self.add_row("number", self.tr("Projekta numurs"), self.number, required=True)
        self.add_row("title", self.tr("Nosaukums"), self.title, required=True)
        self.add_row("funder_name", self.tr("Finansētājs"), self.funder, required=True)
        self.add_row("funder_profile", self.tr("Finansētāja profils"), self.profile)
        self.add_row("programme_name", self.tr("Programma"), self.programme)
        self.add_row("programme_strand", self.tr("Darbības virziens"), self.strand)
        self.add_row("call_year", self.tr("Konkursa gads"), self.call_year)
        self.add_row("implementer_name", self.tr("Īstenotājs"), self.implementer, required=True)
        self.add_row("status", self.tr("Statuss"), self.status)
        self.add_row("start_date", self.tr("Sākums"), self.start, required=True)
        self.add_row("end_date", self.tr("Beigas"), self.end, required=True)
        self.add_row("total_cost", self.tr("Kopējās izmaksas, €"), self.total_cost)
        self.add_row("grant_amount", self.tr("Piešķirtais finansējums, €"), self.grant)
        self.add_row("aim", self.tr("Mērķis"), self.aim)
        self.add_row("target_groups", self.tr("Mērķa grupas"), self.target_groups, hint=self.tr("Atdaliet ar komatu."))
        self.add_row(
            "publicity",
            self.tr("Publicitātes teksts"),
            self.publicity,
            hint=self.tr("Tukšs: finansētāja profila teksts. Drukā katras lapas kājenē."),
        )
        self.add_row(
            "logo", self.tr("Finansētāja logotips"), self.logo, hint=self.tr("Drukā blakus profila logotipiem.")
        )
        self.funder.currentTextChanged.connect(self._funder_changed)
        self.profile.currentIndexChanged.connect(self._profile_changed)
        self.funder.currentTextChanged.connect(lambda _t: self._offer_programmes())
        self._funder_changed(old.funder_name)
        self._profile_changed()
        self.old = old
        self.mark_clean()
        self._clean_logo = old.logo

    def is_modified(self) -> bool:
        return super().is_modified() or self.logo.logo != self._clean_logo

    def _default_implementer(self) -> str:
        if self.choices.own:
            return self.choices.own
        return self.choices.implementers[0] if len(self.choices.implementers) == 1 else ""

    @staticmethod
    def _profile_label(key: str) -> str:
        return profiles.pick(profiles.load_profile(key).name, language())

    def _funder_changed(self, name: str) -> None:
        """A funder already in the database keeps its profile; a known funder's name picks its profile."""
        match = next((key for known, key in self.profile_of.items() if name_key(known) == name_key(name)), None)
        if match is not None:
            select_value(self.profile, match)
        existing = any(name_key(n) == name_key(name) for n in self.choices.funders)
        self.profile.setEnabled(not existing)

    def _profile_changed(self) -> None:
        profile = profiles.load_profile(current_value(self.profile))
        example = profile.number_example
        self.number.setPlaceholderText(self.tr("piem., %1").replace("%1", example) if example else "")
        own = profiles.pick(profile.publicity, language())
        self.publicity.setPlaceholderText(own or self.tr("piem., Projektu finansē Ķekavas novada pašvaldība."))
        strands = profile.raw.get("strands", [])
        text = self.strand.currentText()
        self.strand.clear()
        self.strand.addItems([str(s) for s in strands])
        self.strand.setCurrentText(text)
        self._offer_programmes()

    def _offer_programmes(self) -> None:
        """The programmes of the chosen funder (its profile's and those its projects use); the text stays."""
        funder = name_key(self.funder.currentText())
        used = [p for name, names in self.choices.programmes.items() if name_key(name) == funder for p in names]
        offered = list(dict.fromkeys([*profiles.load_profile(current_value(self.profile)).programmes, *used]))
        text = self.programme.currentText()
        self.programme.blockSignals(True)
        self.programme.clear()
        self.programme.addItems(offered)
        self.programme.setCurrentIndex(-1)
        self.programme.setEditText(text)
        self.programme.blockSignals(False)

    def build(self) -> ProjectInput:
        if self.logo.message:
            self.problem("logo", self.logo.message)
        total = self.parse(money_or_zero, self.total_cost.text(), "total_cost", Decimal("0.00"))
        grant = self.parse(money_or_zero, self.grant.text(), "grant_amount", Decimal("0.00"))
        groups = tuple(g.strip() for g in self.target_groups.text().replace(";", ",").split(",") if g.strip())
        return ProjectInput(
            number=self.number.text(),
            title=self.title.text(),
            funder_name=self.funder.currentText(),
            start_date=self.start.value(),
            end_date=self.end.value(),
            implementer_name=self.implementer.currentText(),
            programme_name=self.programme.currentText().strip(),
            programme_strand=self.strand.currentText().strip(),
            call_year=self.call_year.value_or_none(),
            funder_profile=current_value(self.profile),
            status=current_value(self.status),
            total_cost=total,
            grant_amount=grant,
            aim=self.aim.toPlainText().strip(),
            target_groups=groups,
            retention_until=self.old.retention_until,
            publicity=self.publicity.toPlainText().strip(),
            logo=self.logo.logo,
            version=self.old.version,  # the version this form was loaded with
        )

    def dry_run(self, data: ProjectInput) -> None:
        project = self.project
        if project is None:
            self.ws.dry_run(lambda s: PROJECT.create(s, 0, data))
        else:
            self.ws.dry_run(lambda s: PROJECT.update(s, project.id, data))

    def save(self, data: ProjectInput) -> object:
        if self.project is None:
            text = self.tr("Jauns projekts %1").replace("%1", data.number.strip())
            return self.ws.execute(CreateCommand(self.ws, PROJECT, None, data, text))
        if data == self.old:
            return self.project
        text = self.tr("Projekta %1 labojums").replace("%1", self.project.number)
        return self.ws.execute(EditCommand(self.ws, PROJECT, self.project.id, self.old, data, text))
