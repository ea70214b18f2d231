"""Importing people from CSV / XLSX: pick a file, check the column mapping against a preview, see every row's
problems by its spreadsheet row number, decide about likely duplicates, then import all or nothing with a
progress dialog that can cancel (a cancel rolls everything back). The import may put everyone on a list of one of
the project's events; it is one undoable command ("Imports: 12 dalībnieki")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.imports import (
    FIELDS,
    IGNORE,
    Choice,
    ImportCancelled,
    ImportPlan,
    ImportResult,
    RawTable,
    build_plan,
    guess_mapping,
    read_table,
)
from projektu_vadiba.core.services import activities
from projektu_vadiba.ui.formatting import format_date
from projektu_vadiba.ui.messages import text_of
from projektu_vadiba.ui.people.commands import ImportCommand
from projektu_vadiba.ui.plural import count, language
from projektu_vadiba.ui.screen import fit_window
from projektu_vadiba.ui.workspace import Workspace

PREVIEW_ROWS = 8


class ImportDialog(QDialog):
    def __init__(
        self,
        ws: Workspace,
        project_id: int | None = None,
        event_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.table: RawTable | None = None
        self.plan: ImportPlan | None = None
        self.result: ImportResult | None = None  # type: ignore[assignment]
        self.setWindowTitle(QCoreApplication.translate("import", "Personu imports"))
        fit_window(self, QSize(900, 640))
        self.file_label = QLabel(QCoreApplication.translate("import", "Fails nav izvēlēts."), self)
        pick = QPushButton(QCoreApplication.translate("import", "Izvēlēties failu…"), self)
        pick.clicked.connect(self.pick_file)
        self.header_row = QSpinBox(self)
        self.header_row.setPrefix(QCoreApplication.translate("import", "Galvene rindā "))
        self.header_row.setMinimum(1)
        self.header_row.valueChanged.connect(self._header_changed)
        top = QHBoxLayout()
        top.addWidget(pick)
        top.addWidget(self.file_label, 1)
        top.addWidget(self.header_row)
        self.event_box = QComboBox(self)
        self.event_box.addItem(QCoreApplication.translate("import", "— tikai personu reģistrā —"), None)
        if project_id is None and event_id is not None:
            project_id = ws.read(lambda s: activities.get_event(s, event_id)).project_id
        if project_id is not None:
            for e in ws.read(lambda s: activities.list_events(s, project_id)):
                self.event_box.addItem(f"{format_date(e.starts_at.date())} {e.title}", e.id)
        self.event_box.setCurrentIndex(max(0, self.event_box.findData(event_id)))
        self.event_box.currentIndexChanged.connect(lambda _i: self._invalidate())
        target = QHBoxLayout()
        target.addWidget(QLabel(QCoreApplication.translate("import", "Pievienot pasākuma sarakstam:"), self))
        target.addWidget(self.event_box, 1)
        self.mapping = QTableWidget(self)
        self.mapping.verticalHeader().setVisible(True)
        self.check_button = QPushButton(QCoreApplication.translate("import", "Pārbaudīt"), self)
        self.check_button.clicked.connect(self.check)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.problems = QListWidget(self)
        self.duplicates = QTableWidget(0, 4, self)
        self.duplicates.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("import", "Rinda"),
                QCoreApplication.translate("import", "Failā"),
                QCoreApplication.translate("import", "Līdzīgs"),
                QCoreApplication.translate("import", "Ko darīt"),
            ]
        )
        self.duplicates.horizontalHeader().setStretchLastSection(True)
        self.duplicates.verticalHeader().hide()
        self.skip_invalid = QCheckBox(
            QCoreApplication.translate("import", "Izlaist kļūdainās rindas un importēt pārējās"), self
        )
        self.import_button = QPushButton(QCoreApplication.translate("import", "Importēt"), self)
        self.import_button.clicked.connect(self.run_import)
        close = QPushButton(QCoreApplication.translate("import", "Aizvērt"), self)
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.skip_invalid)
        bottom.addStretch(1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(target)
        layout.addWidget(
            QLabel(
                QCoreApplication.translate("import", "Kolonnas (izvēlieties, ko katra satur) un pirmās rindas:"), self
            )
        )
        layout.addWidget(self.mapping, 3)
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(QCoreApplication.translate("import", "Kļūdas:"), self))
        layout.addWidget(self.problems, 2)
        layout.addWidget(QLabel(QCoreApplication.translate("import", "Iespējamie dublikāti:"), self))
        layout.addWidget(self.duplicates, 2)
        layout.addLayout(bottom)
        self._update_buttons()

    # ---- file and mapping -----------------------------------------------------------------------------

    def pick_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("import", "Izvēlieties failu"),
            "",
            QCoreApplication.translate("import", "Izklājlapas (*.csv *.xlsx *.txt);;Visi faili (*)"),
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        try:
            self.table = read_table(path)
        except AppError as exc:
            QMessageBox.warning(self, QCoreApplication.translate("import", "Personu imports"), text_of(exc))
            return
        details = [self.table.encoding, {";": ";", ",": ",", "\t": "tab", "|": "|"}.get(self.table.delimiter, "")]
        self.file_label.setText(f"{path.name} ({', '.join(d for d in details if d) or self.table.sheet})")
        self.header_row.blockSignals(True)
        self.header_row.setMaximum(max(1, len(self.table.rows)))
        self.header_row.setValue(self.table.header_row)
        self.header_row.blockSignals(False)
        self._fill_mapping()

    def _header_changed(self, value: int) -> None:
        if self.table is not None:
            self.table = self.table.with_header(value)
            self._fill_mapping()

    def _fill_mapping(self) -> None:
        assert self.table is not None
        header, width = self.table.header, self.table.width
        guessed = guess_mapping(header)
        data = self.table.data_rows()[:PREVIEW_ROWS]
        self.mapping.clear()
        self.mapping.setColumnCount(width)
        self.mapping.setRowCount(1 + len(data))
        self.mapping.setHorizontalHeaderLabels([header[c] if c < len(header) else "" for c in range(width)])
        self.mapping.setVerticalHeaderLabels(
            [QCoreApplication.translate("import", "Lauks")] + [str(n) for n, _ in data]
        )
        for col in range(width):
            box = QComboBox(self.mapping)
            box.addItem(QCoreApplication.translate("import", "— neimportēt —"), IGNORE)
            for f in FIELDS:
                box.addItem(QCoreApplication.translate("import", f.label), f.key)
            box.setCurrentIndex(max(0, box.findData(guessed[col] if col < len(guessed) else IGNORE)))
            box.currentIndexChanged.connect(lambda _i: self._invalidate())
            self.mapping.setCellWidget(0, col, box)
            for r, (_n, cells) in enumerate(data, start=1):
                item = QTableWidgetItem(cells[col] if col < len(cells) else "")
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.mapping.setItem(r, col, item)
        self.mapping.resizeColumnsToContents()
        self._invalidate()

    def current_mapping(self) -> list[str]:
        out = []
        for col in range(self.mapping.columnCount()):
            box = self.mapping.cellWidget(0, col)
            out.append(box.currentData() if isinstance(box, QComboBox) else IGNORE)
        return out

    def set_field(self, column: int, key: str) -> None:
        box = self.mapping.cellWidget(0, column)
        assert isinstance(box, QComboBox)
        box.setCurrentIndex(box.findData(key))

    def _invalidate(self) -> None:
        self.plan = None
        self.problems.clear()
        self.duplicates.setRowCount(0)
        self.summary.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.check_button.setEnabled(self.table is not None)
        self.import_button.setEnabled(self.plan is not None and not self.plan.problems and bool(self.plan.rows))

    # ---- check and import -----------------------------------------------------------------------------

    def check(self) -> None:
        if self.table is None:
            return
        try:
            table, mapping, event_id = self.table, self.current_mapping(), self.event_box.currentData()
            self.plan = self.ws.read(lambda s: build_plan(s, table, mapping, event_id))
        except AppError as exc:
            QMessageBox.warning(self, QCoreApplication.translate("import", "Personu imports"), text_of(exc))
            return
        plan = self.plan
        self.problems.clear()
        self.problems.addItems(plan.messages(language()))
        self.duplicates.setRowCount(len(plan.duplicates))
        for i, r in enumerate(plan.duplicates):
            similar = (
                f"{r.existing_name} (nr. {r.existing_id})"
                if r.existing_id is not None
                else QCoreApplication.translate("import", "%1. rinda šajā failā").replace("%1", str(r.same_as_row))
            )
            reasons = f" — {', '.join(text_of(reason) for reason in r.reasons)}" if r.reasons else ""
            for col, text in enumerate((str(r.row), f"{r.person.given_name} {r.person.surname}", similar + reasons)):
                self.duplicates.setItem(i, col, QTableWidgetItem(text))
            choice = QComboBox(self.duplicates)
            choice.addItem(QCoreApplication.translate("import", "Sasaistīt ar esošo"), Choice.LINK.value)
            choice.addItem(QCoreApplication.translate("import", "Izveidot jaunu personu"), Choice.CREATE.value)
            self.duplicates.setCellWidget(i, 3, choice)
        self.duplicates.resizeColumnsToContents()
        valid = len(plan.rows) - len(plan.invalid)
        self.summary.setText(
            QCoreApplication.translate("import", "Rindas: %1; derīgas: %2; ar kļūdām: %3; iespējamie dublikāti: %4.")
            .replace("%1", str(len(plan.rows)))
            .replace("%2", str(valid))
            .replace("%3", str(len(plan.invalid)))
            .replace("%4", str(len(plan.duplicates)))
        )
        self._update_buttons()

    def choices(self) -> dict[int, Choice]:
        out: dict[int, Choice] = {}
        if self.plan is None:
            return out
        for i, r in enumerate(self.plan.duplicates):
            box = self.duplicates.cellWidget(i, 3)
            if isinstance(box, QComboBox):
                out[r.row] = Choice(box.currentData())
        return out

    def run_import(self) -> None:
        plan = self.plan
        if plan is None:
            return
        if plan.invalid and not self.skip_invalid.isChecked():
            text = QCoreApplication.translate(
                "import",
                "%1 rindās ir kļūdas. Izlabojiet failu vai atzīmējiet “Izlaist kļūdainās rindas”; "
                "līdz tam nekas netiek saglabāts.",
            )
            QMessageBox.warning(
                self,
                QCoreApplication.translate("import", "Personu imports"),
                text.replace("%1", str(len(plan.invalid))),
            )
            return
        progress = QProgressDialog(
            QCoreApplication.translate("import", "Importē personas…"),
            QCoreApplication.translate("import", "Atcelt"),
            0,
            100,
            self,
        )
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        self.progress_dialog = progress

        def report(done: int, total: int) -> bool:
            progress.setValue(int(done * 100 / max(total, 1)))
            QApplication.processEvents()
            return not progress.wasCanceled()

        n = len(plan.rows) - (len(plan.invalid) if self.skip_invalid.isChecked() else 0)
        text = QCoreApplication.translate("import", "Imports: %1").replace(
            "%1",
            count(
                n,
                QCoreApplication.translate("import", "dalībnieks"),
                QCoreApplication.translate("import", "dalībnieki"),
                QCoreApplication.translate("import", "dalībnieku"),
            ),
        )
        command = ImportCommand(
            self.ws, plan, text, skip_invalid=self.skip_invalid.isChecked(), choices=self.choices(), progress=report
        )
        try:
            self.ws.execute(command)
            self.result = command.result
        except ImportCancelled as exc:
            progress.close()
            QMessageBox.information(self, QCoreApplication.translate("import", "Personu imports"), text_of(exc))
            return
        except AppError as exc:
            progress.close()
            QMessageBox.warning(self, QCoreApplication.translate("import", "Personu imports"), text_of(exc))
            return
        progress.close()
        r = self.result
        assert r is not None
        QMessageBox.information(
            self,
            QCoreApplication.translate("import", "Personu imports"),
            QCoreApplication.translate(
                "import",
                "Importēts: jaunas personas %1, sasaistītas ar esošām %2, izlaistas rindas %3. Atsaukt var ar Ctrl+Z.",
            )
            .replace("%1", str(r.created))
            .replace("%2", str(r.linked))
            .replace("%3", str(len(r.skipped_rows))),
        )
        self.accept()
