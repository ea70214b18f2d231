"""Latvian labels of the money lists (sources of funding, payment kinds), through Qt Linguist."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from projektu_vadiba.core.models.enums import FundingSource, PaymentKind


def source_label(source: FundingSource) -> str:
    labels = {
        FundingSource.GRANT: QCoreApplication.translate("budget", "Finansētāja finansējums"),
        FundingSource.OWN: QCoreApplication.translate("budget", "Pašu līdzfinansējums"),
        FundingSource.MUNICIPALITY: QCoreApplication.translate("budget", "Pašvaldības līdzfinansējums"),
        FundingSource.OTHER: QCoreApplication.translate("budget", "Cits finansējums"),
    }
    return labels.get(source, str(source))


def payment_kind_label(kind: PaymentKind) -> str:
    labels = {
        PaymentKind.ADVANCE: QCoreApplication.translate("budget", "Avanss"),
        PaymentKind.INTERIM: QCoreApplication.translate("budget", "Starpposma maksājums"),
        PaymentKind.FINAL: QCoreApplication.translate("budget", "Noslēguma maksājums"),
    }
    return labels.get(kind, str(kind))


def yes_no(value: bool) -> str:
    return QCoreApplication.translate("budget", "Jā") if value else QCoreApplication.translate("budget", "Nē")
