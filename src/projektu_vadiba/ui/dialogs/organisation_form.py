"""Organizācijas dati: our organisation's name, registration number, address, contacts and logo. The sheets name
it as the personal-data controller and print its logo; a new project takes it as the implementer. One undoable
operation like every other change."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from projektu_vadiba.core.services.own_organisation import (
    OwnOrganisationInput,
    forget_own,
    get_own,
    own_input,
    save_own,
)
from projektu_vadiba.ui.commands import CallCommand, EditCommand
from projektu_vadiba.ui.dialogs.form import FormDialog
from projektu_vadiba.ui.entities import OWN_ORGANISATION
from projektu_vadiba.ui.workspace import Workspace

LOGO_HEIGHT_PX = 400  # plenty for a 15 mm tall logo at 600 dpi; keeps a phone photo from filling the database


def image_as_png(path: str) -> bytes | None:
    """Any picture Qt reads (PNG, JPEG, BMP…) as a PNG at most LOGO_HEIGHT_PX tall; None when it is no picture."""
    image = QImage(path)
    if image.isNull():
        return None
    if image.height() > LOGO_HEIGHT_PX:
        image = image.scaledToHeight(LOGO_HEIGHT_PX, Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 takes str
    return bytes(data.data())


def choose_logo_file(parent: QWidget) -> str:
    """Asks for a picture file; "" when the user cancels. (Tests replace it.)"""
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("OrganisationForm", "Organizācijas logotips"),
        "",
        QCoreApplication.translate("OrganisationForm", "Attēli (*.png *.jpg *.jpeg *.bmp)"),
    )
    return path


class LogoField(QWidget):
    """A preview of the logo with "Izvēlēties…" and "Noņemt"."""

    def __init__(self, logo: bytes | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.logo = logo
        self.preview = QLabel(self)
        self.preview.setMinimumSize(160, 48)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.choose_button = QPushButton(self.tr("Izvēlēties…"), self)
        self.remove_button = QPushButton(self.tr("Noņemt"), self)
        self.choose_button.setAutoDefault(False)
        self.remove_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self._choose)
        self.remove_button.clicked.connect(lambda: self.set_logo(None))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.remove_button)
        self.message = ""
        self.set_logo(logo)

    def set_logo(self, logo: bytes | None) -> None:
        self.logo = logo
        self.remove_button.setEnabled(logo is not None)
        if logo is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("nav logotipa"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(logo)
        self.preview.setPixmap(pixmap.scaledToHeight(48, Qt.TransformationMode.SmoothTransformation))

    def _choose(self) -> None:
        path = choose_logo_file(self)
        if not path:
            return
        png = image_as_png(path)
        self.message = "" if png is not None else self.tr("Šo failu nevar nolasīt kā attēlu.")
        if png is not None:
            self.set_logo(png)


class OrganisationForm(FormDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Organizācijas dati"), parent)
        self.ws = ws
        self.org = ws.read(get_own)
        self.old = ws.read(own_input)
        old = self.old or OwnOrganisationInput("")
        self.name = QLineEdit(old.name, self)
        self.name.setPlaceholderText(self.tr("piem., Biedrība “Ķekavas novada kopienu tīkls”"))
        self.reg_number = QLineEdit(old.reg_number, self)
        self.reg_number.setPlaceholderText("40008012345")
        self.address = QLineEdit(old.address, self)
        self.email = QLineEdit(old.email, self)
        self.phone = QLineEdit(old.phone, self)
        self.website = QLineEdit(old.website, self)
        self.logo = LogoField(old.logo, self)
        self.add_row("name", self.tr("Nosaukums"), self.name, required=True)
        self.add_row("reg_number", self.tr("Reģistrācijas Nr."), self.reg_number)
        self.add_row("address", self.tr("Juridiskā adrese"), self.address)
        self.add_row("email", self.tr("E-pasts"), self.email)
        self.add_row("phone", self.tr("Tālrunis"), self.phone)
        self.add_row("website", self.tr("Tīmekļa vietne"), self.website)
        self.add_row(
            "logo",
            self.tr("Logotips"),
            self.logo,
            hint=self.tr("Drukā reģistrācijas lapu augšējā labajā stūrī."),
        )
        self.mark_clean()
        self._clean_logo = old.logo

    def is_modified(self) -> bool:
        return super().is_modified() or self.logo.logo != self._clean_logo

    def build(self) -> OwnOrganisationInput:
        if self.logo.message:
            self.problem("logo", self.logo.message)
        return OwnOrganisationInput(
            self.name.text(),
            self.reg_number.text(),
            self.address.text(),
            self.email.text(),
            self.phone.text(),
            self.website.text(),
            self.logo.logo,
            self.old.version if self.old is not None else None,  # the version this form was loaded with
        )

    def dry_run(self, data: OwnOrganisationInput) -> None:
        self.ws.dry_run(lambda s: save_own(s, data))

    def save(self, data: OwnOrganisationInput) -> object:
        if data == self.old:
            return None
        text = self.tr("Organizācijas dati: %1").replace("%1", " ".join(data.name.split()))
        if self.org is None:  # the first save: undo makes no organisation ours again
            return self.ws.execute(CallCommand(self.ws, lambda s: save_own(s, data), forget_own, text))
        # At the version this form was loaded with: over someone else's later save it is a conflict, not an overwrite.
        return self.ws.execute(EditCommand(self.ws, OWN_ORGANISATION, self.org.id, self.old, data, text))


def edit_organisation(ws: Workspace, parent: QWidget | None) -> bool:
    """Opens the form; True when something was saved."""
    form = OrganisationForm(ws, parent)
    return bool(form.exec()) and form.result_value is not None
