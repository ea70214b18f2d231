"""The final / interim report PDF read back (pdftotext -layout and pypdf): every section of every profile in
order, money to the cent against the ledger, indicators against the indicator service, Latvian letters, the
awkward projects (no expenses, over budget, a mandatory text missing) and the interim period's filtering."""

from __future__ import annotations

import io
import re
from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import EventInput
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.messages import text_of
from projektu_vadiba.core.models import AttendanceStatus
from projektu_vadiba.core.services import activities, attendance, attendance_days, finance, indicators, projects
from projektu_vadiba.core.services.money_summary import money_summary
from projektu_vadiba.core.services.report_data import final_report_data, missing_texts_message
from projektu_vadiba.core.services.report_dto import ReportData
from projektu_vadiba.reports.final_report import (
    ReportOptions,
    ReportPdf,
    build_report_pdf,
    gather,
    suggested_file_name,
)
from tests.core.factories import project_input
from tests.reports.pdftools import font_names, pdftotext_pages, pypdf_pages
from tests.reports.report_sample import PEOPLE, PLAN, TEXT, ReportSample, fill_texts, make_report_project

PROFILES = ["sif_nvo_fonds", "eea_active_citizens", "lad_leader", "generic"]
MONEY = re.compile(r"-?\d{1,3}(?: \d{3})*,\d{2} €")


def flat(text: str) -> str:
    """One line, single spaces, no-break spaces as spaces: text wrapped over lines reads whole again."""
    return " ".join(text.replace("\u00a0", " ").split())


def euro(text: str) -> Decimal:
    return Decimal(text.replace(" ", "").replace("€", "").replace(",", "."))


def sample(db: Database, profile: str = "sif_nvo_fonds", **kw: object) -> ReportSample:
    with db.session() as s:
        return make_report_project(s, profile, **kw)  # type: ignore[arg-type]


def report(
    db: Database, pid: int, period: tuple[date, date] | None = None, texts: bool = True, **options: bool
) -> tuple[ReportData, ReportPdf]:
    with db.session() as s:
        if period is not None and texts:  # the interim report's own texts, written for its period
            fill_texts(s, pid, profile_of(s, pid), period)
        data, lists = gather(s, pid, period, with_lists=options.get("with_lists", False))
    return data, build_report_pdf(data, ReportOptions(**options), lists)


def profile_of(s: Session, pid: int) -> str:
    return projects.get_project(s, pid).profile_key


def layout_lines(pdf: ReportPdf) -> list[str]:
    return [
        line.replace("\u00a0", " ") for page in pdftotext_pages(pdf.data, layout=True) for line in page.splitlines()
    ]


def between(lines: list[str], start: str, end: str) -> list[str]:
    first = next(i for i, line in enumerate(lines) if line.strip() == start)
    last = next(i for i in range(first + 1, len(lines)) if lines[i].strip().startswith(end))
    return lines[first + 1 : last]


# ---- structure --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("profile", PROFILES)
def test_every_section_of_the_profile_in_order_on_decorated_pages(db: Database, profile: str) -> None:
    pid = sample(db, profile).project_id
    for period in (None, (date(2023, 6, 1), date(2023, 7, 31))):
        data, pdf = report(db, pid, period)
        for reader in (pdftotext_pages, pypdf_pages):
            pages = [flat(p) for p in reader(pdf.data)]
            whole = " ".join(pages)
            expected = [data.title, *(heading for heading in _headings(data))]
            positions = [whole.find(flat(h)) for h in expected]
            assert -1 not in positions, [h for h, p in zip(expected, positions, strict=True) if p < 0]
            assert positions == sorted(positions)
        pages = [flat(p) for p in pdftotext_pages(pdf.data)]
        assert len(pages) == pdf.report_pages == pdf.page_count
        publicity = flat(data.profile.publicity.get("lv", ""))
        for n, page in enumerate(pages, start=1):
            assert f"Lapa {n} no {len(pages)}" in page
            assert data.project.number in page and data.project.title in page
            assert publicity in page
            assert "MELNRAKSTS" not in page


def _headings(data: ReportData) -> list[str]:
    """Part titles before their first section, then the numbered section headings, in the profile's order."""
    out, current = [], ""
    parts = {p.key: p.title for p in data.parts}
    for s in data.sections:
        if s.part in parts and s.part != current:
            current = s.part
            out.append(parts[current])
        out.append(s.heading)
    return out


def test_sif_report_has_its_two_parts_and_numbered_sections(db: Database) -> None:
    data, pdf = report(db, sample(db).project_id)
    text = flat(" ".join(pdftotext_pages(pdf.data)))
    assert text.index("I. Saturiskā atskaite") < text.index("1. Projekta dati") < text.index("II. Finanšu atskaite")
    assert text.index("II. Finanšu atskaite") < text.index("8. Finanšu kopsavilkums pa izmaksu pozīcijām un avotiem")
    assert [o.title for o in PdfReader(io.BytesIO(pdf.data)).outline if not isinstance(o, list)][:2] == [
        "I. Saturiskā atskaite",
        "II. Finanšu atskaite",
    ]
    assert data.section("aim_reached").text in " ".join(pypdf_pages(pdf.data)).replace("\n", " ")


def test_latvian_letters_intact_in_dejavu_only(db: Database) -> None:
    _, pdf = report(db, sample(db).project_id)
    for reader in (pdftotext_pages, pypdf_pages):
        text = flat(" ".join(reader(pdf.data)))
        assert flat(TEXT) in text
        assert "Ķekavas novads" in text and "Tikšanās ar kopienām" in text
    assert {name.split("+")[-1] for name in font_names(pdf.data)} <= {
        "DejaVuSans",
        "DejaVuSans-Bold",
        "DejaVuSans-Oblique",
    }


# ---- money ------------------------------------------------------------------------------------------------------


def _category_rows(pdf: ReportPdf, labels: list[str]) -> dict[str, tuple[Decimal, Decimal, Decimal]]:
    region = between(layout_lines(pdf), "Pa izmaksu pozīcijām", "Pa budžeta pozīcijām")
    rows = {}
    for label in [*labels, "Kopā"]:
        line = next(x for x in region if x.strip().startswith(label) and "€" in x)
        planned, spent, variance = (euro(m) for m in MONEY.findall(line)[:3])
        rows[label] = (planned, spent, variance)
    return rows


@pytest.mark.parametrize("spend", ["normal", "over", "none"])
def test_each_category_equals_the_ledger_to_the_cent(db: Database, spend: str) -> None:
    pid = sample(db, spend=spend).project_id
    _, pdf = report(db, pid)
    with db.session() as s:
        summary = money_summary(s, pid)
        lines = finance.list_budget(s, pid)
        expenses = finance.list_expenses(s, pid)
    # Independently of money_summary: plans by category from the budget, eligible spending from the ledger.
    category_of = {b.id: b.category_key for b in lines}
    planned: dict[str, Decimal] = defaultdict(Decimal)
    spent: dict[str, Decimal] = defaultdict(Decimal)
    for b in lines:
        planned[b.category_key] += b.planned
    for e in expenses:
        if e.eligible:
            spent[category_of.get(e.budget_line_id, "") if e.budget_line_id else ""] += e.amount
    labels = {c.key: c.label for c in summary.categories}
    rows = _category_rows(pdf, list(labels.values()))
    for key, label in labels.items():
        expected = (planned[key], spent[key], planned[key] - spent[key])
        assert rows[label] == expected, label
        c = summary.category(key)
        assert rows[label] == (c.planned, c.spent, c.variance)
    assert rows["Kopā"] == (sum(planned.values()), sum(spent.values()), sum(planned.values()) - sum(spent.values()))
    assert rows["Kopā"] == (summary.planned, summary.spent, summary.variance)
    if spend == "none":
        assert all(row[1] == 0 for row in rows.values())
    text = flat(" ".join(pdftotext_pages(pdf.data)))
    warnings = [flat(w.message) for w in summary.warnings]
    assert all(w in text for w in warnings)
    if spend == "over":
        assert any("pārsniedz budžetu" in w for w in warnings) and any("vairāk nekā plānots" in w for w in warnings)
        assert "Uzmanību: Attiecināmie izdevumi kopā" in text
    if spend == "none":
        assert "pārsniedz budžetu" not in text


def test_sources_and_payments_in_the_financial_part(db: Database) -> None:
    pid = sample(db).project_id
    data, pdf = report(db, pid)
    region = between(layout_lines(pdf), "Pa finansējuma avotiem", "Finansētāja maksājumi")
    for src in data.financial.sources:
        line = next(x for x in region if x.strip().startswith(src.label))
        assert [euro(m) for m in MONEY.findall(line)[:3]] == [src.planned, src.spent, src.variance]
    text = flat(" ".join(pdftotext_pages(pdf.data, layout=True)))
    assert "Avanss 20.03.2023 1 884,32 € Avanss." in text
    assert "Neattiecināmie izdevumi (nav ieskaitīti izlietotajā summā): 38,50 €." in text
    assert "Finansētāja pieļaujamā novirze izmaksu pozīcijā: 15 %." in text


def test_a_project_without_a_budget_or_anything_gives_a_report_of_zeros(db: Database) -> None:
    with db.session() as s:
        pid = projects.create_project(s, project_input()).id
        for key in ("aim_reached", "publicity", "changes"):
            projects.set_text(s, pid, key, "Izmaiņu nebija.")
    _, pdf = report(db, pid)
    text = flat(" ".join(pdftotext_pages(pdf.data)))
    for expected in ("Budžets vēl nav ievadīts.", "Aktivitātes nav ievadītas.", "Rādītāji nav noteikti.",
                     "Dalībnieku sarakstu nav.", "Kopā 0,00 € 0,00 € 0,00 € –"):  # fmt: skip
        assert expected in text


# ---- indicators and participants --------------------------------------------------------------------------------


def test_indicator_values_equal_those_computed_from_the_attendance(db: Database) -> None:
    pid = sample(db).project_id
    data, pdf = report(db, pid)
    with db.session() as s:
        computed = {i.code: (i.planned_value, i.achieved_value) for i in indicators.list_indicators(s, pid)}
    region = between(layout_lines(pdf), data.section("indicators").heading, data.section("target_groups").heading)
    got = {}
    for line in region:
        found = re.match(r"\s*(R\d)\s+Rādītājs R\d\s+([\d ,]+) personas\s+([\d ,]+) personas", line)
        if found:
            got[found[1]] = tuple(Decimal(v.replace(" ", "").replace(",", ".")) for v in found.groups()[1:])
    assert got == computed
    # By hand from the sample's lists: 3 events; 6 different people came 9 times (5 of them to activity 1's
    # events), from 3 organisations; 2 seniors ("seniori", "Seniori"), 3 from Ķekavas novads (any case).
    assert {k: v[1] for k, v in got.items()} == {"R1": 3, "R2": 6, "R3": 9, "R4": 3, "R5": 2, "R6": 3, "R7": 5,
                                                  "R8": Decimal("2.5")}  # fmt: skip
    text = flat(" ".join(pdftotext_pages(pdf.data)))
    assert "aprēķināts: dažādi dalībnieki, aktivitātē 1" in text and "ievadīts manuāli Komentārs ar ķ un ļ." in text


def test_a_two_day_event_lists_its_people_per_day_and_people_still_count_once(db: Database) -> None:
    found = sample(db)
    pid = found.project_id
    with db.session() as s:
        before = {i.code: i.achieved_value for i in indicators.list_indicators(s, pid)}
        start, end = datetime(2023, 8, 17, 8), datetime(2023, 8, 18, 19)
        trip = activities.create_event(s, pid, EventInput("Mācību brauciens uz Ērgļiem", start, end)).id
        rows = [attendance.register(s, trip, person, AttendanceStatus.ATTENDED).id for person in found.person_ids[:3]]
        attendance_days.set_days(s, rows[0], [date(2023, 8, 17)])  # the first one went home after day one
        attendance_days.set_days(s, rows[1], [date(2023, 8, 18)])  # the second came on the second day only
    _data, pdf = report(db, pid)
    lines = layout_lines(pdf)
    at = next(i for i, x in enumerate(lines) if "Mācību brauciens uz Ērgļiem (tikšanās)" in x)
    assert lines[at].split()[-2:] == ["3", "3"]  # registered, attended: people, not person-days
    assert "Pa dienām: 17.08. – 2; 18.08. – 2" in lines[at + 1]  # under the title: people each day
    with db.session() as s:
        after = {i.code: i.achieved_value for i in indicators.list_indicators(s, pid)}
    assert after["R1"] == before["R1"] + 1  # one more event
    assert after["R2"] == before["R2"]  # the same people: unique people do not grow
    assert after["R3"] == before["R3"] + 3  # three attendances, one per person, however many days


def test_participants_reached_with_the_profiles_breakdowns(db: Database) -> None:
    data, pdf = report(db, sample(db, "eea_active_citizens").project_id)
    text = flat(" ".join(pdftotext_pages(pdf.data)))
    r = data.reach
    assert f"Dažādi dalībnieki (personas) {r.unique_people}" in text
    assert f"Dalības reizes {r.attendances}" in text
    for title in ("Pēc mērķa grupas", "Pēc dzimuma", "Pēc vecuma grupas", "Pēc pašvaldības"):
        assert title in text
    women = next(b for b in r.by_gender if b.label == "Sievietes")
    assert f"Sievietes {women.people}" in text
    seniors = next(b for b in r.by_target_group if b.label == "seniori")  # "Seniori" counted with "seniori"
    row = next(x for x in layout_lines(pdf) if x.strip().startswith("seniori"))
    assert (seniors.people, seniors.attendances) == (2, 3) and row.split() == ["seniori", "2", "33,3", "%", "3"]


def test_sif_shows_target_groups_and_municipalities_only(db: Database) -> None:
    _, pdf = report(db, sample(db).project_id)
    text = flat(" ".join(pdftotext_pages(pdf.data)))
    assert "Pēc mērķa grupas" in text and "Pēc pašvaldības" in text and "Pēc dzimuma" not in text


# ---- what is missing, drafts ------------------------------------------------------------------------------------


def test_a_missing_mandatory_text_names_the_sections_and_a_draft_marks_every_page(db: Database) -> None:
    pid = sample(db, texts=False).project_id
    with db.session() as s:
        data = final_report_data(s, pid)
    assert [m.key for m in data.missing_texts] == ["aim_reached", "publicity", "changes"]
    with pytest.raises(AppError) as err:
        build_report_pdf(data)
    assert err.value.message == missing_texts_message(data.missing_texts)
    assert err.value.message.startswith("Trūkst obligāto tekstu: “Projekta mērķis un tā sasniegšana”, “Publicitāte”")

    pdf = build_report_pdf(data, ReportOptions(draft=True))
    assert pdf.draft and [m.key for m in pdf.missing] == ["aim_reached", "publicity", "changes"]
    pages = [flat(p) for p in pdftotext_pages(pdf.data)]
    assert all("MELNRAKSTS" in p for p in pages)
    text = " ".join(pages)
    for m in data.missing_texts:
        assert f"[Jāaizpilda: {m.title}]" in text
    assert "Melnraksts: nav aizpildītas obligātās sadaļas" in text


def test_an_optional_empty_text_says_so_without_stopping(db: Database) -> None:
    pid = sample(db, "lad_leader").project_id
    with db.session() as s:
        projects.set_text(s, pid, "changes", "")  # LAD: "Izmaiņas projektā" is not mandatory
    data, pdf = report(db, pid)
    assert not pdf.missing
    text = flat(" ".join(pdftotext_pages(pdf.data)))
    assert f"{data.section('changes').heading} Nav norādīts." in text


# ---- interim ----------------------------------------------------------------------------------------------------


def test_interim_period_filters_events_expenses_and_annexes(db: Database) -> None:
    smp = sample(db)
    period = (date(2023, 6, 1), date(2023, 7, 19))
    data, pdf = report(db, smp.project_id, period)
    text = flat(" ".join(pdftotext_pages(pdf.data)))
    assert data.title == "Projekta starpposma pārskats" and "Pārskata periods: 01.06.2023–19.07.2023" in text
    assert "Izdevumi un maksājumi no 01.06.2023 līdz 19.07.2023" in text
    assert "Tikšanās Baldones" not in text  # the April event
    assert "Tikšanās Ķekavas" in text and "Tikšanās Daugmales" in text
    with db.session() as s:
        expenses = [e for e in finance.list_expenses(s, smp.project_id) if period[0] <= e.date <= period[1]]
    spent = sum((e.amount for e in expenses if e.eligible), Decimal("0.00"))
    assert spent == data.financial.spent == Decimal("501.35")
    total = next(
        x for x in between(layout_lines(pdf), "Pa izmaksu pozīcijām", "Pa budžeta") if x.strip().startswith("Kopā")
    )
    assert [euro(m) for m in MONEY.findall(total)[:2]] == [data.financial.planned, spent]
    assert [a.event.id for a in data.annexes] == [smp.events["june"], smp.events["july"]]


# ---- appended lists, names, language ----------------------------------------------------------------------------


def test_attended_lists_are_appended_after_the_report(db: Database) -> None:
    smp = sample(db)
    data, pdf = report(db, smp.project_id, with_lists=True)
    reader = PdfReader(io.BytesIO(pdf.data))
    assert len(reader.pages) == pdf.page_count == pdf.report_pages + pdf.list_pages and pdf.list_pages == 3
    pages = [flat(p) for p in pdftotext_pages(pdf.data)]
    assert "pievienoti pārskata beigās" in " ".join(pages[: pdf.report_pages])
    lists = pages[pdf.report_pages :]
    for n, (key, page) in enumerate(zip(("april", "june", "july"), lists, strict=True), start=1):
        assert f"Pielikums Nr. {n}" in page and "Pasākuma dalībnieku saraksts" in page
        for i, status in PLAN[key]:
            given, surname = PEOPLE[i][:2]
            assert (given in page and surname in page) == (status.value == "attended"), (key, given)
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert titles[-1] == "Pielikumi: dalībnieku saraksti"

    draft = build_report_pdf(data, ReportOptions(draft=True, with_lists=True), gather_lists(db, smp.project_id))
    assert all("MELNRAKSTS" in flat(p) for p in pdftotext_pages(draft.data))


def gather_lists(db: Database, pid: int):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return gather(s, pid, with_lists=True)[1]


def test_english_report_and_file_names(db: Database) -> None:
    pid = sample(db).project_id
    with db.session() as s:
        data, _ = gather(s, pid, lang="en")
        interim, _ = gather(s, pid, (date(2023, 6, 1), date(2023, 7, 31)))
    pdf = build_report_pdf(data)
    text = flat(" ".join(pdftotext_pages(pdf.data)))
    assert "Project final report" in text and "Page 1 of" in text and "I. Content report" in text
    assert "By cost category" in text and "Personnel" in text
    # Activity headings say what they are: a bare "1.2." would read as a section number of the report.
    assert re.search(r"Activity \S+: ", text) and not re.search(r"(?<![\w.])\d+\.\d+\. Kopienu", text)
    # Every money warning in English too: the core's codes rendered, no Latvian sentence inside an English report.
    assert data.financial.warnings and all(flat(text_of(w, "en")) in text for w in data.financial.warnings)
    assert all(flat(w.message) not in text for w in data.financial.warnings)
    assert suggested_file_name(data) == "nosleguma-parskats-2023-lv-nvof-mac-041-58.pdf"
    assert suggested_file_name(interim) == "starpposma-parskats-2023-lv-nvof-mac-041-58-2023-06-01-2023-07-31.pdf"
    assert suggested_file_name(data, ".xlsx") == "finansu-parskats-2023-lv-nvof-mac-041-58.xlsx"
