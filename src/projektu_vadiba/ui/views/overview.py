"""Pārskats: a project at a glance — key facts, how much of its period has gone, what needs attention, the next
deadlines and events, indicator progress, partners and co-financing."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from projektu_vadiba.core import funders as profiles
from projektu_vadiba.core.dto import ProjectDetail
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.models.enums import DeadlineKind
from projektu_vadiba.core.services.overview import OverviewWarning, ProjectOverview, WarningKind, project_overview
from projektu_vadiba.ui.dialogs.cofinancing_form import CofinancingForm
from projektu_vadiba.ui.dialogs.partner_form import PartnerForm
from projektu_vadiba.ui.entities import COFINANCING, PARTNER, cofinancing_input, partner_input
from projektu_vadiba.ui.formatting import format_date, format_datetime, format_money, format_number, format_period
from projektu_vadiba.ui.labels import deadline_kind_label, project_status_label
from projektu_vadiba.ui.messages import render, text_of
from projektu_vadiba.ui.models.project_lists import cofinancing_model, days_text, partners_model
from projektu_vadiba.ui.models.project_tables import event_place
from projektu_vadiba.ui.operations import delete_record
from projektu_vadiba.ui.plural import count, language
from projektu_vadiba.ui.views.section import Section, select_id, selected_id
from projektu_vadiba.ui.widgets.bars import Bar, IndicatorBars, bar_text
from projektu_vadiba.ui.widgets.cards import Card, FactsGrid, note, text_label
from projektu_vadiba.ui.widgets.table_view import make_sorted_view
from projektu_vadiba.ui.workspace import Workspace


class OverviewSection(Section):
    key = "overview"
    openSection = Signal(str)  # "indicators", "reports", "events"
    openEvent = Signal(int)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        self.overview: ProjectOverview | None = None
        content = QWidget(self)
        self.facts_card = Card(self.tr("Projekts"), content)
        self.facts = FactsGrid(
            [
                ("funder", self.tr("Finansētājs")),
                ("programme", self.tr("Programma")),
                ("implementer", self.tr("Īstenotājs")),
                ("period", self.tr("Periods")),
            ],
            [
                ("status", self.tr("Statuss")),
                ("total_cost", self.tr("Kopējās izmaksas")),
                ("grant", self.tr("Piešķirtais finansējums")),
                ("cofinancing", self.tr("Līdzfinansējums")),
            ],
            content,
        )
        self.facts_card.add(self.facts)
        self.elapsed_label = text_label("", content)
        self.elapsed_bar = QProgressBar(content)
        self.elapsed_bar.setTextVisible(False)
        self.elapsed_bar.setMaximumHeight(10)
        self.counts_label = text_label("", content)
        self.counts_label.setStyleSheet("color: palette(dark);")
        self.facts_card.add(self.elapsed_label)
        self.facts_card.add(self.elapsed_bar)
        self.facts_card.add(self.counts_label)

        self.warnings = note("", "warning", content)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.linkActivated.connect(self._link)

        self.deadlines_card = Card(self.tr("Tuvākie termiņi"), content)
        self.deadlines_label = self._link_label(content)
        self.deadlines_card.add(self.deadlines_label)
        self.deadlines_card.body.addStretch(1)
        self.events_card = Card(self.tr("Gaidāmie pasākumi"), content)
        self.events_label = self._link_label(content)
        self.events_card.add(self.events_label)
        self.events_card.body.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.deadlines_card, 1)
        row.addWidget(self.events_card, 1)

        self.indicators_card = Card(self.tr("Rādītāju izpilde"), content)
        self.bars = IndicatorBars(content)
        self.bars.barClicked.connect(lambda _id: self.openSection.emit("indicators"))
        self.bars_legend = text_label(
            self.tr("Svītra rāda, cik būtu jāsasniedz līdz šodienai, ja darbs ritētu vienmērīgi visu projekta laiku."),
            content,
        )
        self.bars_legend.setStyleSheet("color: palette(dark);")
        self.no_indicators = note(self.tr("Rādītāju vēl nav. Pievienojiet tos sadaļā “Rādītāji”."), "muted", content)
        self.indicators_card.add(self.bars)
        self.indicators_card.add(self.no_indicators)
        self.indicators_card.add(self.bars_legend)

        self.partners_card, self.partners, self.partners_view = self._list_card(
            self.tr("Sadarbības partneri"), partners_model(self), content
        )
        self.cofinancing_card, self.cofinancing, self.cofinancing_view = self._list_card(
            self.tr("Līdzfinansējums"), cofinancing_model(self), content
        )
        self._list_buttons(self.partners_card, self._new_partner, self._edit_partner, self._delete_partner)
        self._list_buttons(
            self.cofinancing_card, self._new_cofinancing, self._edit_cofinancing, self._delete_cofinancing
        )
        self.partners_view.activated.connect(self._edit_partner)
        self.cofinancing_view.activated.connect(self._edit_cofinancing)

        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(10)
        column.addWidget(self.facts_card)
        column.addWidget(self.warnings)
        column.addLayout(row)
        column.addWidget(self.indicators_card)
        column.addWidget(self.partners_card)
        column.addWidget(self.cofinancing_card)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # ---- building --------------------------------------------------------------------------------------

    def _link_label(self, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        label.linkActivated.connect(self._link)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        return label

    def _list_card(self, title: str, model, parent: QWidget):  # type: ignore[no-untyped-def]
        card = Card(title, parent)
        view = make_sorted_view(model, stretch_column=0, parent=card)
        view.setMinimumHeight(
            view.verticalHeader().defaultSectionSize() * 4 + view.horizontalHeader().sizeHint().height()
        )
        view.setMaximumHeight(
            view.verticalHeader().defaultSectionSize() * 6 + view.horizontalHeader().sizeHint().height()
        )
        card.add(view)
        return card, model, view

    def _list_buttons(self, card: Card, new, edit, delete) -> None:  # type: ignore[no-untyped-def]
        for text, slot in ((self.tr("Pievienot…"), new), (self.tr("Labot…"), edit), (self.tr("Dzēst…"), delete)):
            button = card.add_button(QPushButton(text))
            button.setAutoDefault(False)
            button.clicked.connect(slot)

    # ---- data --------------------------------------------------------------------------------------------

    @staticmethod
    def _profile_name(key: str) -> str:
        try:
            return profiles.pick(profiles.load_profile(key).name, language())
        except AppError as exc:  # a profile file gone or broken: say so where the forms are named
            return text_of(exc)

    def reload(self) -> None:
        assert self.project_id is not None
        project_id = self.project_id
        overview = self.ws.read(lambda s: project_overview(s, project_id))
        self.overview = overview
        p = overview.project
        programme = " — ".join(x for x in (p.programme.name, p.programme.strand) if x) if p.programme else "—"
        forms = self.tr("dokumentu formas")
        values = {
            # The one profile rule (the programme's, else the funder's): which paperwork this project gets.
            "funder": f"{p.funder.name} ({forms}: {self._profile_name(p.profile_key)})",
            "programme": programme,
            "implementer": p.implementer.name,
            "period": format_period(p.start_date, p.end_date),
            "status": project_status_label(p.status),
            # The same figures as the budget view and the reports (core.services.project_figures).
            "total_cost": format_money(overview.figures.total_cost),
            "grant": format_money(overview.figures.grant),
            "cofinancing": format_money(overview.figures.cofinancing)
            + (" " + self.tr("(pēc budžeta)") if overview.figures.cofinancing_from_budget else ""),
        }
        money = self.ws.access.sees_finance(project_id)
        if not money:  # team mode, staff: no row of the money reaches them, so no sum is shown as if it were one
            values["cofinancing"] = "—"
        self.cofinancing_card.setVisible(money)
        for key, text in values.items():
            self.facts.values[key].setText(text)
        self._show_elapsed(overview)
        self._show_warnings(overview.warnings)
        self._show_deadlines(overview)
        self._show_events(overview)
        self._show_indicators(overview)
        for view, model, rows in (
            (self.partners_view, self.partners, p.partners),
            (self.cofinancing_view, self.cofinancing, p.cofinancing),
        ):
            keep = selected_id(view)
            model.set_rows(rows)
            if keep is not None:
                select_id(view, keep)

    def _show_elapsed(self, o: ProjectOverview) -> None:
        share = round(o.elapsed_share * 100)
        if o.days_elapsed == 0:
            text = self.tr("Projekts sāksies %1.").replace("%1", format_date(o.project.start_date))
        elif o.days_left == 0:
            text = self.tr("Projekta periods beidzās %1.").replace("%1", format_date(o.project.end_date))
        else:
            text = (
                self.tr("Pagājuši %1 % no projekta perioda, līdz beigām %2.")
                .replace("%1", str(share))
                .replace("%2", count(o.days_left, self.tr("diena"), self.tr("dienas"), self.tr("dienu")))
            )
        self.elapsed_label.setText(text)
        self.elapsed_bar.setValue(share)
        self.counts_label.setText(
            " · ".join(
                [
                    count(o.activity_count, self.tr("aktivitāte"), self.tr("aktivitātes"), self.tr("aktivitāšu")),
                    count(o.event_count, self.tr("pasākums"), self.tr("pasākumi"), self.tr("pasākumu")),
                    count(o.participant_count, self.tr("dalībnieks"), self.tr("dalībnieki"), self.tr("dalībnieku")),
                    count(
                        o.attendance_count,
                        self.tr("dalības reize"),
                        self.tr("dalības reizes"),
                        self.tr("dalības reižu"),
                    ),
                ]
            )
        )

    def warning_text(self, w: OverviewWarning) -> str:
        """The warning from the message catalogue in the UI language, its subject linked to where it is fixed.
        The values are escaped here; the catalogue's "overview.linked.*" sentences hold no markup of their own."""
        subject = html.escape(w.subject)
        if w.kind is WarningKind.EVENT_OUTSIDE_PERIOD:
            event = f"<a href='event:{w.subject_id}'>{subject}</a>"
            return render("overview.linked.event_outside_period", {"event": event, "date": format_date(w.on)})
        if w.kind is WarningKind.INDICATOR_BEHIND:
            values = {
                "indicator": f"<a href='section:indicators'>{subject}</a>",
                "achieved": format_number(w.achieved or 0),
                "planned": format_number(w.planned or 0),
                "expected": format_number(w.expected or 0),
            }
            return render("overview.linked.indicator_behind", values)
        if w.kind in (WarningKind.REPORT_DUE, WarningKind.REPORT_OVERDUE):
            kind = html.escape(deadline_kind_label(DeadlineKind(w.subject)))
            days = days_text((w.days or 0) if w.kind is WarningKind.REPORT_DUE else -(w.days or 0))
            values = {"report": f"<a href='section:reports'>{kind}</a>", "date": format_date(w.on), "when": days}
            return render("overview.linked.report_due", values)
        if w.kind is WarningKind.MONEY:
            return self._money_warning_text(w)
        return html.escape(text_of(w))

    def _money_warning_text(self, w: OverviewWarning) -> str:
        """The core's sentence from the message catalogue, in the UI language, linked to the budget."""
        return f"<a href='section:budget'>{html.escape(text_of(w))}</a>"

    def _show_warnings(self, warnings: tuple[OverviewWarning, ...]) -> None:
        self.warnings.setVisible(bool(warnings))
        items = "".join(f"<li>{self.warning_text(w)}</li>" for w in warnings)
        heading = self.tr("Jāpievērš uzmanība")
        self.warnings.setText(f"<b>⚠ {heading}</b><ul style='margin-left:-20px'>{items}</ul>")

    def _show_deadlines(self, o: ProjectOverview) -> None:
        if not o.next_deadlines:
            self.deadlines_label.setText(html.escape(self.tr("Neiesniegtu pārskatu nav.")))
            return
        lines = []
        for d in o.next_deadlines[:4]:
            when = days_text((d.due_date - o.today).days)
            colour = "#b3261e" if d.due_date < o.today else "palette(text)"
            lines.append(
                f"<a href='section:reports'>{format_date(d.due_date)}</a> — {html.escape(deadline_kind_label(d.kind))}"
                f" <span style='color:{colour}'>({html.escape(when)})</span>"
            )
        self.deadlines_label.setText("<br>".join(lines))

    def _show_events(self, o: ProjectOverview) -> None:
        if not o.upcoming_events:
            self.events_label.setText(html.escape(self.tr("Tuvākajā laikā pasākumu nav.")))
            return
        lines = []
        for e in o.upcoming_events:
            place = event_place(e)
            lines.append(
                f"{format_datetime(e.starts_at)} — <a href='event:{e.id}'>{html.escape(e.title)}</a>"
                + (f"<br><span style='color:palette(dark)'>{html.escape(place)}</span>" if place else "")
            )
        self.events_label.setText("<br>".join(lines))

    def _show_indicators(self, o: ProjectOverview) -> None:
        bars = []
        for p in o.indicators:
            i = p.indicator
            tip = self.tr("Plānots %1, sasniegts %2; līdz šodienai būtu jābūt %3.")
            bars.append(
                Bar(
                    i.id,
                    f"{i.code} {i.name}",
                    float(i.achieved_value),
                    float(i.planned_value),
                    float(p.expected) if 0 < o.elapsed_share < 1 else None,
                    p.behind,
                    bar_text(i.achieved_value, i.planned_value, i.progress),
                    tip.replace("%1", format_number(i.planned_value))
                    .replace("%2", format_number(i.achieved_value))
                    .replace("%3", format_number(p.expected)),
                )
            )
        self.bars.set_bars(bars)
        self.bars.setVisible(bool(bars))
        self.bars_legend.setVisible(bool(bars) and 0 < o.elapsed_share < 1)
        self.no_indicators.setVisible(not bars)

    def _link(self, link: str) -> None:
        kind, _, value = link.partition(":")
        if kind == "event" and value.isdigit():
            self.openEvent.emit(int(value))
        elif kind == "section":
            self.openSection.emit(value)

    # ---- partners and co-financing ------------------------------------------------------------------------

    def _project(self) -> ProjectDetail | None:
        return self.overview.project if self.overview else None

    def _new_partner(self) -> None:
        if self.project_id is not None:
            PartnerForm(self.ws, self.project_id, parent=self).exec()

    def _edit_partner(self) -> None:
        p = self._project()
        pid = selected_id(self.partners_view)
        partner = next((x for x in p.partners if x.id == pid), None) if p else None
        if partner is not None and self.project_id is not None:
            PartnerForm(self.ws, self.project_id, partner, parent=self).exec()

    def _delete_partner(self) -> None:
        p = self._project()
        pid = selected_id(self.partners_view)
        partner = next((x for x in p.partners if x.id == pid), None) if p else None
        if partner is not None:
            what = self.tr("partneri “%1”").replace("%1", partner.organisation.name)
            delete_record(
                self, self.ws, PARTNER, partner.id, what, parent_id=self.project_id, data=partner_input(partner)
            )

    def _new_cofinancing(self) -> None:
        if self.project_id is not None:
            CofinancingForm(self.ws, self.project_id, parent=self).exec()

    def _edit_cofinancing(self) -> None:
        p = self._project()
        cid = selected_id(self.cofinancing_view)
        row = next((x for x in p.cofinancing if x.id == cid), None) if p else None
        if row is not None and self.project_id is not None:
            CofinancingForm(self.ws, self.project_id, row, parent=self).exec()

    def _delete_cofinancing(self) -> None:
        p = self._project()
        cid = selected_id(self.cofinancing_view)
        row = next((x for x in p.cofinancing if x.id == cid), None) if p else None
        if row is not None:
            what = self.tr("līdzfinansējumu %1").replace("%1", format_money(row.amount))
            delete_record(
                self, self.ws, COFINANCING, row.id, what, parent_id=self.project_id, data=cofinancing_input(row)
            )
