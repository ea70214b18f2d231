"""The fuzz corpus of issue 18 (item 8): valid seed files of every kind the app reads, mutators that damage them
as disks, mail programs, editors and attackers do, and targets that push one input through the path a user's
file takes. Shared by tests/reliability/test_fuzz_inputs.py (hypothesis, quick) and bench/reliability_fuzz.py
(the full counts).

An outcome is "ok", "message:<code>" (a coded AppError: the user reads a sentence), "traceback:<type>" (any other
exception) or "hang" (over the time limit). Only the first two are allowed. A database is judged at the app's
boundary (core/failures.py): a damaged page can be met by any query, and the boundary is where it becomes
"db.damaged"; there an exception the boundary would have to log as unexpected counts as a traceback.
"""

from __future__ import annotations

import io
import json
import random
import signal
import sqlite3
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.errors import AppError

CASE_SECONDS = 20  # far above the slowest legitimate case; a hang shows as its own outcome

PEOPLE_CSV = (
    "Vārds;Uzvārds;E-pasts;Tālrunis;Pašvaldība;Dzimums;Dzimšanas gads;Piedalījās\n"
    "Jānis;Bērziņš;janis@example.lv;+371 26123456;Ķekavas novads;v;1980;jā\n"
    "Ģirts;Ūdris;girts@example.lv;;Baldones pagasts;vīrietis;1975;jā\n"
    'Žanna;"Ķuze; Ozola";ZANNA@EXAMPLE.LV;;Daugmale;s;2001;nē\n'
    ";Liepiņa;liepina@;;Rīga;s;;jā\n"
    "\n"
    "Ņina;Čakste;nina@example.lv;;Ķekava;sieviete;19x5;jā\n"
)
# Bytes a hostile or broken file is made of: quotes, separators, line ends, BOMs, NUL, bad UTF-8, formulas.
TOKENS = [
    b'"', b";", b",", b"\t", b"\r", b"\n", b"\r\n", b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\xc4", b"\xe2\x82",
    b"\x1b", b"\x7f", b"=cmd|' /C calc'!A0", b"\xe0\xfe", "Ā".encode(), "Ā".encode("cp1257"), b"9" * 5000,
    b'"' * 50, b"\\u0000", b"x" * 70_000,
]  # fmt: skip


class Hang(Exception):
    """The case ran over CASE_SECONDS."""


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def expired(_signum: int, _frame: Any) -> None:
        raise Hang

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def outcome_of(run: Callable[[], object], *, boundary: Path | None = None, seconds: int = CASE_SECONDS) -> str:
    """`boundary`: the SQLite file of a database case, judged as the CLI's and the window's boundary judges it
    (core/failures.py: a damaged file is told as such; anything it would log as unexpected is a traceback)."""
    from projektu_vadiba.core.failures import as_app_error

    try:
        with time_limit(seconds):
            run()
    except Hang:
        return "hang"
    except AppError as exc:
        return f"message:{exc.code or 'plain'}"
    except Exception as exc:
        if boundary is not None:
            error = as_app_error(exc, sqlite_file=boundary, log=False)
            if error.code != "app.unexpected":
                return f"message:{error.code}"
        return f"traceback:{type(exc).__name__}"
    return "ok"


# -- byte mutators: each takes the seed and a random source


def flip(data: bytes, r: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(r.randint(1, 16)):
        if out:
            out[r.randrange(len(out))] ^= 1 << r.randrange(8)
    return bytes(out)


def truncate(data: bytes, r: random.Random) -> bytes:
    return data[: r.randrange(len(data) + 1)]


def splice(data: bytes, r: random.Random) -> bytes:
    at = r.randrange(len(data) + 1)
    return data[:at] + r.choice(TOKENS) * r.randint(1, 3) + data[at:]


def chunk(data: bytes, r: random.Random) -> bytes:
    """Delete, repeat or overwrite a run of bytes."""
    if not data:
        return bytes(r.randrange(256) for _ in range(r.randint(1, 64)))
    a = r.randrange(len(data))
    b = min(len(data), a + r.randint(1, 512))
    kind = r.randrange(3)
    if kind == 0:
        return data[:a] + data[b:]
    if kind == 1:
        return data[:b] + data[a:b] * r.randint(2, 20) + data[b:]
    return data[:a] + bytes(r.randrange(256) for _ in range(b - a)) + data[b:]


BYTE_MUTATORS = (flip, truncate, splice, chunk)


def mutate_bytes(data: bytes, r: random.Random) -> bytes:
    for _ in range(r.randint(1, 3)):
        data = r.choice(BYTE_MUTATORS)(data, r)
    return data


def mutate_zip(data: bytes, r: random.Random, *, bomb_bytes: int = 0) -> bytes:
    """An XLSX damaged inside: one part's XML mutated and zipped again properly (so openpyxl parses it), a part
    dropped, or (bomb_bytes) a part that unpacks far beyond its packed size."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    names = sorted(parts)
    kind = r.randrange(3) if not bomb_bytes else 3
    if kind == 0:
        name = r.choice(names)
        parts[name] = mutate_bytes(parts[name], r)
    elif kind == 1:
        del parts[r.choice(names)]
    elif kind == 2:
        sheet = next((n for n in names if n.startswith("xl/worksheets/")), names[0])
        parts[sheet] = parts[sheet].replace(b"<c ", b'<c r="XFD1048576" ', 1) if r.random() < 0.5 else b""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, part in parts.items():
            archive.writestr(name, part)
        if kind == 3:
            with archive.open("xl/media/padding.bin", "w", force_zip64=True) as big:
                block = b"\0" * (1024 * 1024)
                for _ in range(bomb_bytes // len(block)):
                    big.write(block)
    return out.getvalue()


_JSON_POOL: list[Any] = [
    None, True, 0, -1, 2**63, 1e308, 0.5, "", " ", "x" * 300, "\x00", "a\x07b", "2023-02-30", "2023-13-01",
    "1e5", "-0.001", "9" * 30, [], {}, [None], {"": None}, "⁂", "=1+1",
]  # fmt: skip


def mutate_json(data: bytes, r: random.Random) -> bytes:
    """A bundle damaged in its structure (a value replaced, a field dropped or added, a list emptied or
    repeated) and sometimes in its bytes as well."""
    tree = json.loads(data)
    nodes: list[tuple[Any, Any]] = []  # (container, key or index)

    def walk(node: Any) -> None:
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            nodes.append((node, key))
            walk(value)

    walk(tree)
    for _ in range(r.randint(1, 4)):
        container, key = r.choice(nodes)
        kind = r.randrange(4)
        if kind == 0:
            container[key] = r.choice(_JSON_POOL)
        elif kind == 1 and isinstance(container, dict):
            container.pop(key, None)
        elif kind == 2 and isinstance(container, dict):
            container[r.choice(["extra", "key", "kÿ", ""])] = r.choice(_JSON_POOL)
        elif kind == 3 and isinstance(container.get(key) if isinstance(container, dict) else None, list):
            container[key] = container[key] * r.randint(0, 3)
    text = json.dumps(tree, ensure_ascii=r.random() < 0.5).encode()
    return mutate_bytes(text, r) if r.random() < 0.3 else text


def mutate_database(data: bytes, r: random.Random, page: int = 4096) -> bytes:
    """An SQLite file damaged as disks do: pages zeroed, garbled or swapped, bytes flipped, the file cut."""
    out = bytearray(data)
    pages = max(1, len(out) // page)
    for _ in range(r.randint(1, 4)):
        kind = r.randrange(5)
        n = r.randrange(pages)
        where = slice(n * page, (n + 1) * page)
        if kind == 0:
            out[where] = bytes(len(out[where]))
        elif kind == 1:
            out[where] = bytes(r.randrange(256) for _ in range(len(out[where])))
        elif kind == 2:
            m = r.randrange(pages)
            a, b = bytes(out[where]), bytes(out[m * page : (m + 1) * page])
            if len(a) == len(b):
                out[where], out[m * page : (m + 1) * page] = b, a
        elif kind == 3:
            out = bytearray(flip(bytes(out), r))
        else:
            out = out[: r.choice([n * page, r.randrange(len(out) + 1)])]
    return bytes(out)


def mutate_image(image: Any, r: random.Random) -> Any:
    """A scanned page damaged as scanners and phones do: cropped, covered, noised, shrunk, turned."""
    import cv2
    import numpy as np

    kind = r.randrange(5)
    h, w = image.shape[:2]
    if kind == 0:
        y, x = r.randrange(h // 2), r.randrange(w // 2)
        return image[y : y + r.randint(1, h), x : x + r.randint(1, w)]
    if kind == 1:
        out = image.copy()
        y, x = r.randrange(h), r.randrange(w)
        out[y : y + r.randint(1, h // 2), x : x + r.randint(1, w // 2)] = r.choice([0, 255])
        return out
    if kind == 2:
        rng = np.random.default_rng(r.randrange(2**32))
        return np.clip(image + rng.normal(0, r.choice([20, 80, 200]), image.shape), 0, 255).astype(np.uint8)
    if kind == 3:
        scale = r.choice([0.01, 0.05, 0.2])
        return cv2.resize(image, (max(1, int(w * scale)), max(1, int(h * scale))))
    return np.ascontiguousarray(np.rot90(image, r.randint(1, 3)))


# -- seeds and targets


@dataclass
class Corpus:
    """Seed files, made once in `folder` from the demo data; `db` is a scratch database the targets read and
    write in transactions that are rolled back."""

    folder: Path
    db: Database
    demo: Database  # the database the scanned sheet was printed from
    csv: list[bytes]
    xlsx: list[bytes]
    bundle: list[bytes]
    scans: list[tuple[str, bytes]]  # (suffix, file)
    scan_images: list[Any]
    database: bytes
    counter: int = 0
    bundle_zip: list[bytes] = field(default_factory=list)  # version 2 bundles (.pvz) with an attachment

    def file(self, data: bytes, suffix: str) -> Path:
        self.counter += 1
        path = self.folder / f"case-{self.counter}{suffix}"
        path.write_bytes(data)
        return path

    def close(self) -> None:
        self.db.close()
        self.demo.close()


def make_corpus(folder: Path) -> Corpus:
    from openpyxl import Workbook

    from projektu_vadiba.core.bundle.export import dump_bundle, export_project, write_bundle
    from projektu_vadiba.core.demo import fill_demo
    from projektu_vadiba.core.models import Attendance, Event, Project
    from projektu_vadiba.core.services import attachments, sheets
    from projektu_vadiba.reports.sheet_print import print_attendance_pdf

    folder.mkdir(parents=True, exist_ok=True)
    demo_path = folder / "demo.sqlite"
    for old in folder.glob("*.sqlite*"):
        old.unlink()
    db = open_database(f"sqlite:///{demo_path}")
    with db.session() as s:
        fill_demo(s, seed=7, around=None)
    with db.session() as s:
        numbers = [p.number for p in s.query(Project).order_by(Project.id)]
        bundles = [dump_bundle(_as_version_1(export_project(s, number))).encode() for number in numbers[:2]]
        event_id = s.query(Attendance.event_id).order_by(Attendance.event_id).first()[0]  # type: ignore[index]
        pdf = print_attendance_pdf(s, sheets.event_sheets(s, event_id))
        original = folder / "lapa ar parakstiem.pdf"
        original.write_bytes(pdf.data)
        attachments.add(s, original, attachments.Owner(event_id=event_id), kind="signed_sheet")
        event = s.get(Event, event_id)
        assert event is not None
        write_bundle(s, event.project.number, folder / "seed.pvz")
    db.close()
    copy = folder / "seed.sqlite"
    with sqlite3.connect(demo_path) as src, sqlite3.connect(copy) as dst:  # one self-contained file, no WAL
        src.backup(dst)
    database = copy.read_bytes()
    db = open_database(f"sqlite:///{folder / 'scratch.sqlite'}")  # empty: bundles import, CSVs insert
    demo = open_database(f"sqlite:///{demo_path}")

    book = Workbook()
    for line in PEOPLE_CSV.splitlines():
        book.active.append(line.split(";"))
    xlsx = io.BytesIO()
    book.save(xlsx)

    scan_images, scans = _scan_seeds(pdf, folder)
    return Corpus(
        folder=folder,
        db=db,
        demo=demo,
        csv=[PEOPLE_CSV.encode(), PEOPLE_CSV.encode("cp1257"), b"\xef\xbb\xbf" + PEOPLE_CSV.replace(";", ",").encode()],
        xlsx=[xlsx.getvalue()],
        bundle=bundles,
        scans=scans,
        scan_images=scan_images,
        database=database,
        bundle_zip=[(folder / "seed.pvz").read_bytes()],
    )


def _as_version_1(data: dict[str, Any]) -> dict[str, Any]:
    """The JSON file earlier releases wrote (a version 2 JSON alone is refused: it belongs in its ZIP)."""
    return {**{k: v for k, v in data.items() if k not in ("attachments", "files")}, "version": 1}


def _scan_seeds(pdf: Any, folder: Path) -> tuple[list[Any], list[tuple[str, bytes]]]:
    import cv2

    from tests.core import scan_images as im

    plan = pdf.pages[0]
    page = im.scribble(im.render(pdf.data)[0], plan, [2, 3])
    images = [page, im.photo(page, 90)]
    scans = [(".png", bytes(cv2.imencode(".png", page)[1])), (".jpg", bytes(cv2.imencode(".jpg", images[1])[1]))]
    scans.append((".pdf", im.save_pdf([im.jpeg(page)], folder / "seed-scan.pdf").read_bytes()))
    scans.append((".pdf", pdf.data))  # the printed sheet itself (no scanned picture)
    return images, scans


def run_table(corpus: Corpus, data: bytes, suffix: str) -> None:
    """A people CSV/XLSX as `people import` reads it: table, plan, then the insert (rolled back)."""
    from projektu_vadiba.core.imports import apply_plan, build_plan, read_table

    table = read_table(corpus.file(data, suffix))
    with corpus.db.sessions() as s:
        try:
            plan = build_plan(s, table)
            apply_plan(s, plan, skip_invalid=True)
            s.flush()
        finally:
            s.rollback()


def run_bundle(corpus: Corpus, data: bytes, suffix: str = ".json") -> None:
    """A bundle as `import FILE` reads it: opened (a ZIP checked), validated, inserted with its files (rolled
    back, which removes the files again)."""
    from projektu_vadiba.core.bundle import import_bundle, open_bundle_file

    with open_bundle_file(corpus.file(data, suffix)) as opened, corpus.db.sessions() as s:
        try:
            import_bundle(s, opened.data, files=opened.archive)
            s.flush()
        finally:
            s.rollback()


def run_scan(corpus: Corpus, data: bytes, suffix: str) -> None:
    """A scan as `attendance scan FILE` reads it: page problems are messages in the report; when no page was
    read, the first of them is the outcome."""
    from projektu_vadiba.core.messages import Message
    from projektu_vadiba.core.scan.service import read_scans

    with corpus.demo.sessions() as s:
        try:
            report = read_scans(s, [corpus.file(data, suffix)])
        finally:
            s.rollback()
    if report.errors and not report.pages:  # nothing read: the user's outcome is the first message
        message = report.errors[0].message
        if isinstance(message, Message):
            raise AppError.of(message.code, **message.values)
        raise AppError(str(message))


def run_database(corpus: Corpus, path: Path) -> None:
    """A damaged database file as the app opens it: migrations' check, then the reads of the first screens."""
    from projektu_vadiba.core.services import overview, people, projects

    db = open_database(f"sqlite:///{path}")
    try:
        with db.session() as s:
            listed = projects.list_projects(s)
            people.search_people(s, "an", limit=20)
            people.count_people(s, "")
            for summary in listed[:3]:
                overview.project_overview(s, summary.id)
    finally:
        db.close()


# -- one case of each kind from a random source (hypothesis's or the bench's)


def csv_case(corpus: Corpus, r: random.Random) -> Callable[[], None]:
    kind = r.randrange(4)
    if kind == 0:  # raw bytes
        data = bytes(r.randrange(256) for _ in range(r.randrange(2000)))
    elif kind == 1:  # text from the token alphabet
        data = b"".join(r.choice([*TOKENS[:18], b"a", "ā".encode(), b"1"]) for _ in range(r.randrange(400)))
    else:
        data = mutate_bytes(r.choice(corpus.csv), r)
    return lambda: run_table(corpus, data, ".csv")


def xlsx_case(corpus: Corpus, r: random.Random, *, bomb_bytes: int = 0) -> Callable[[], None]:
    seed = r.choice(corpus.xlsx)
    if bomb_bytes:
        data = mutate_zip(seed, r, bomb_bytes=bomb_bytes)
    else:
        data = mutate_zip(seed, r) if r.random() < 0.6 else mutate_bytes(seed, r)
    return lambda: run_table(corpus, data, ".xlsx")


def bundle_case(corpus: Corpus, r: random.Random) -> Callable[[], None]:
    if corpus.bundle_zip and r.random() < 0.5:
        seed = r.choice(corpus.bundle_zip)
        zipped = mutate_bundle_zip(seed, r) if r.random() < 0.7 else mutate_bytes(seed, r)
        return lambda: run_bundle(corpus, zipped, r.choice([".pvz", ".zip", ".json"]))
    seed = r.choice(corpus.bundle)
    data = mutate_json(seed, r) if r.random() < 0.8 else mutate_bytes(seed, r)
    return lambda: run_bundle(corpus, data)


_HOSTILE_NAMES = ["../x", "files/../../x", "/abs", "C:/x", "files\\..\\x", "files/" + "0" * 64, "readme.txt", ""]


def _is_json(data: bytes) -> bool:
    try:
        json.loads(data)
    except ValueError:
        return False
    return True


def mutate_bundle_zip(data: bytes, r: random.Random) -> bytes:
    """A version 2 bundle damaged inside and zipped again properly: project.json's data mutated, a file's bytes
    changed, a member dropped, repeated or renamed to a hostile name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    for _ in range(r.randint(1, 2)):
        i = r.randrange(len(members))
        name, body = members[i]
        kind = r.randrange(5)
        if kind == 0 and name == "project.json" and _is_json(body):  # not after its bytes were damaged
            members[i] = (name, mutate_json(body, r))
        elif kind in (0, 1):
            members[i] = (name, mutate_bytes(body, r))
        elif kind == 2 and len(members) > 1:
            del members[i]
        elif kind == 3:
            members.append(members[i])
        else:
            members[i] = (r.choice(_HOSTILE_NAMES) or name, body)
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        warnings.simplefilter("ignore")  # a repeated name is the point
        for name, body in members:
            archive.writestr(name, body)
    return out.getvalue()


def scan_case(corpus: Corpus, r: random.Random) -> Callable[[], None]:
    import cv2

    if r.random() < 0.5:
        suffix, data = r.choice(corpus.scans)
        data = mutate_bytes(data, r)
    else:
        image = mutate_image(r.choice(corpus.scan_images), r)
        suffix = r.choice([".png", ".jpg", ".pdf"])
        if suffix == ".pdf":
            from tests.core import scan_images as im

            data = im.save_pdf([image], corpus.folder / "image.pdf").read_bytes()
        else:
            data = bytes(cv2.imencode(suffix, image)[1])
    return lambda: run_scan(corpus, data, suffix)


def database_case(corpus: Corpus, r: random.Random) -> tuple[Path, Callable[[], None]]:
    path = corpus.file(mutate_database(corpus.database, r), ".sqlite")
    return path, lambda: run_database(corpus, path)


def allowed(outcome: str) -> bool:
    return outcome == "ok" or (outcome.startswith("message:") and outcome != "message:app.unexpected")
