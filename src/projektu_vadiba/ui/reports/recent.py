"""The last report files made for a project (kept in QSettings per project), shown as a list with Open and
Show in folder. A file moved or deleted since stays listed, greyed, until it falls off the end."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from projektu_vadiba.core import clock
from projektu_vadiba.ui.formatting import format_datetime

MAX_RECENT = 10
KEY = "reports/recent/{project_id}"


@dataclass(frozen=True)
class RecentFile:
    path: Path
    kind: str  # a making.KINDS value
    made_at: datetime


class RecentFiles:
    """The list in QSettings (one JSON text per project: no INI list quirks)."""

    def __init__(self, settings: QSettings, project_id: int) -> None:
        self.settings, self.key = settings, KEY.format(project_id=project_id)

    def items(self) -> list[RecentFile]:
        raw = self.settings.value(self.key, "")
        try:
            rows = json.loads(raw) if isinstance(raw, str) and raw else []
            return [RecentFile(Path(r["path"]), str(r["kind"]), datetime.fromisoformat(r["at"])) for r in rows]
        except (ValueError, KeyError, TypeError):  # a damaged setting: start the list again
            return []

    def add(self, path: Path, kind: str) -> None:
        path = path.resolve()
        kept = [r for r in self.items() if r.path != path]
        rows = [RecentFile(path, kind, clock.now()), *kept][:MAX_RECENT]
        text = json.dumps([{"path": str(r.path), "kind": r.kind, "at": r.made_at.isoformat()} for r in rows])
        self.settings.setValue(self.key, text)
        self.settings.sync()


def report_folders(settings: QSettings, last_folder_key: str) -> list[Path]:
    """Every folder a report was saved to lately (the start-up clean-up looks there for killed writes' leftovers)."""
    folders: list[Path] = []
    last = settings.value(last_folder_key, "")
    if isinstance(last, str) and last:
        folders.append(Path(last))
    for key in settings.allKeys():
        if key.startswith("reports/recent/"):
            raw = settings.value(key, "")
            try:
                rows = json.loads(raw) if isinstance(raw, str) and raw else []
                folders += [Path(r["path"]).parent for r in rows]
            except (ValueError, KeyError, TypeError):
                continue
    return list(dict.fromkeys(folders))


class RecentFilesList(QWidget):
    """The list and its two buttons; `open_url` is a seam for tests (the desktop's file opener)."""

    changed = Signal()

    def __init__(self, store: RecentFiles, kind_labels: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.kind_labels = store, kind_labels
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.list = QListWidget(self)
        self.list.setAlternatingRowColors(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.empty = QLabel(self.tr("Šim projektam vēl nav saglabāts neviens pārskats."), self)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(mid);")
        self.open_button = QPushButton(self.tr("Atvērt"), self)
        self.folder_button = QPushButton(self.tr("Parādīt mapē"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.folder_button.clicked.connect(self.show_folder)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.folder_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addStretch(0)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for item in self.store.items():
            exists = item.path.is_file()
            kind = self.kind_labels.get(item.kind, item.kind)
            text = f"{item.path.name}\n{kind}, {format_datetime(item.made_at)}"
            if not exists:
                text += " " + self.tr("(fails nav atrasts)")
            row = QListWidgetItem(text, self.list)
            row.setData(Qt.ItemDataRole.UserRole, str(item.path))
            row.setToolTip(str(item.path))
            if not exists:
                row.setForeground(self.palette().color(self.palette().ColorRole.PlaceholderText))
        if self.list.count():
            self.list.setCurrentRow(0)
        self.empty.setVisible(not self.list.count())
        self.list.setVisible(bool(self.list.count()))
        self._update_buttons()

    def add(self, path: Path, kind: str) -> None:
        self.store.add(path, kind)
        self.reload()
        self.changed.emit()

    def selected(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _update_buttons(self) -> None:
        path = self.selected()
        self.open_button.setEnabled(path is not None and path.is_file())
        self.folder_button.setEnabled(path is not None and path.parent.is_dir())

    def open_selected(self) -> None:
        path = self.selected()
        if path is not None and path.is_file():
            self.open_url(QUrl.fromLocalFile(str(path)))

    def show_folder(self) -> None:
        path = self.selected()
        if path is not None and path.parent.is_dir():
            self.open_url(QUrl.fromLocalFile(str(path.parent)))
