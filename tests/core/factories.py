"""Inputs for tests: a realistic SIF project unless told otherwise."""

from __future__ import annotations

from datetime import date

from projektu_vadiba.core.dto import ProjectInput

SIF = "Sabiedrības integrācijas fonds"


def project_input(**overrides: object) -> ProjectInput:
    fields: dict[str, object] = {
        "number": "2023.LV/NVOF/MAC/041/58",
        "title": "Ceļa karte iedzīvotāju kopienām",
        "funder_name": SIF,
        "funder_profile": "sif_nvo_fonds",
        "programme_name": "NVO fonds",
        "programme_strand": "Atbalsts NVO pilsoniskās sabiedrības aktivitātēm",
        "call_year": 2023,
        "start_date": date(2023, 3, 1),
        "end_date": date(2023, 12, 31),
        "implementer_name": "Biedrība “Ķekavas novada kopienu tīkls”",
    }
    fields.update(overrides)
    return ProjectInput(**fields)  # type: ignore[arg-type]
