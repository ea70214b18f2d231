"""Latvian labels of the money lists, through Qt Linguist. Sources of funding share the app-wide labels."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from projektu_vadiba.core.models.enums import PaymentKind
from projektu_vadiba.ui.labels import funding_source_label as source_label

__all__ = ["payment_kind_label", "source_label", "yes_no"]


def payment_kind_label(kind: PaymentKind) -> str:
    labels = {
        PaymentKind.ADVANCE: QCoreApplication.translate("budget", "Avanss"),
        PaymentKind.INTERIM: QCoreApplication.translate("budget", "Starpposma maksājums"),
        PaymentKind.FINAL: QCoreApplication.translate("budget", "Noslēguma maksājums"),
    }
    return labels.get(kind, str(kind))


def yes_no(value: bool) -> str:
    return QCoreApplication.translate("budget", "Jā") if value else QCoreApplication.translate("budget", "Nē")
