"""Reading signed sheets back: time per page at 200 dpi (goal: under 0.5 s a page).

Prints one event's sheet for 1,700 people (over 100 A4 pages; the first 100 are read), renders it with pdftoppm
at 200 dpi, signs every third row, then gives each page what a phone does (slight perspective, uneven light,
noise, JPEG, every other page upside down) and reads them:
  decode   the QR code (zxing-cpp) on the full page
  align    ArUco markers, homography, straightening and adaptive threshold
  total    core.scan.service.read_page: decode + align + print-record look-up + every row's ink share
  pdf      the photos saved as one scanned PDF (a JPEG a page) and turned back into images by pdf_pages
  file     the whole path, one number: core.scan.service.read_scans on that PDF (file -> rows), per page; "+ image"
           also makes the straightened page's PNG for the review screen (the app does, the CLI does not)
Checks the result too: every signed row found, nothing else (on the photos and through the PDF).

    python bench/bench_scan.py            # 100 pages
    python bench/bench_scan.py --quick    # 10 pages
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.core import scan_images as im
from tests.reports.sample import add_people, make_sample

from projektu_vadiba.core.db import open_database
from projektu_vadiba.core.scan import reader
from projektu_vadiba.core.scan.pdf_pages import page_images
from projektu_vadiba.core.scan.service import read_page, read_scans
from projektu_vadiba.core.services import prints, sheets
from projektu_vadiba.reports.sheet_print import print_attendance_pdf

DPI = 200


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="10 pages instead of 100")
    args = parser.parse_args()
    pages_wanted = 10 if args.quick else 100
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'bench.sqlite'}")
        with db.session() as s:
            sample = make_sample(s, "sif_nvo_fonds")
            add_people(s, sample.event_id, pages_wanted * 17)
            pdf = print_attendance_pdf(s, sheets.event_sheets(s, sample.event_id))
        plans = pdf.pages[:pages_wanted]
        started = time.perf_counter()
        images = im.render(pdf.data, DPI)[: len(plans)]
        render_s = (time.perf_counter() - started) / len(plans)
        signed = {p.page: [r.number for r in p.rows if r.number is not None and r.number % 3 == 0] for p in plans}
        photos = [
            im.jpeg(
                im.noise(
                    im.uneven_light(
                        im.perspective(im.rotate(im.scribble(i, p, signed[p.page], dpi=DPI), 180 if n % 2 else 0), 0.02)
                    ),
                    6,
                    seed=n,
                )
            )
            for n, (i, p) in enumerate(zip(images, plans, strict=True))
        ]
        decode: list[float] = []
        align: list[float] = []
        total: list[float] = []
        wrong = 0
        with db.session() as s:
            ours = prints.short_installation(s)
            for photo, plan in zip(photos, plans, strict=True):
                t0 = time.perf_counter()
                search = reader.Search.of(reader.to_gray(photo))
                payload = reader.read_code(search)
                t1 = time.perf_counter()
                reader.align(search, payload)
                t2 = time.perf_counter()
                page = read_page(s, ours, "bench", plan.page, photo, False)
                t3 = time.perf_counter()
                decode.append(t1 - t0)
                align.append(t2 - t1)
                total.append(t3 - t2)
                expected = [n for n in signed[plan.page] if any(r.number == n and r.person_id for r in plan.rows)]
                wrong += sorted(r.row for r in page.signed) != expected or bool(page.uncertain)
            scanned = im.save_pdf(photos, Path(tmp) / "scan.pdf")
            started = time.perf_counter()
            count = sum(1 for _ in page_images(scanned))
            pdf_s = (time.perf_counter() - started) / count
            whole: dict[bool, float] = {}
            for keep_images in (False, True):
                started = time.perf_counter()
                report = read_scans(s, [scanned], keep_images=keep_images)
                whole[keep_images] = (time.perf_counter() - started) / count
                wrong += len(report.errors) + len(plans) - len(report.pages)
                for page, plan in zip(report.pages, plans, strict=False):
                    expected = [n for n in signed[plan.page] if any(r.number == n and r.person_id for r in plan.rows)]
                    wrong += sorted(r.row for r in page.signed) != expected or bool(page.uncertain)
        db.close()
    h, w = photos[0].shape[:2]
    print(f"{len(plans)} pages, {w}x{h} px ({DPI} dpi); pdftoppm render {render_s:.3f} s/page (not counted)")
    for name, values in (("decode", decode), ("align", align), ("total", total)):
        print(f"  {name:7s} median {statistics.median(values):.3f} s/page, max {max(values):.3f} s")
    print(f"  scanned PDF (JPEG pages) -> images, pdf_pages.page_images: {pdf_s:.3f} s/page")
    print(f"  file -> rows, read_scans on the scanned PDF: {whole[False]:.3f} s/page")
    print(f"  file -> rows + review image (the app): {whole[True]:.3f} s/page")
    print(f"  pages read wrongly (photos, then the PDF twice): {wrong}")


if __name__ == "__main__":
    main()
