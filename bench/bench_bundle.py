"""The version 2 bundle: export and import time of the demo's largest project with attachments, against the floor
of copying the same bytes (the files alone, once).

The project gets PHOTOS photos (incompressible, stored in the ZIP as they are) and SCANS scanned PDFs (deflated),
spread over its events; then
  export    write_bundle: project.json + every file into the .pvz (SHA-256 checked on the way)
  import    open_bundle_file + import_bundle into an empty database: checks, inserts, files unpacked and checked
  again     the second export; it must equal the first byte for byte
  floor     copying the attachment folder once (shutil.copytree)

    python bench/bench_bundle.py            # 40 photos of 2 MB, 40 scans of 300 KB
    python bench/bench_bundle.py --quick    # 4 and 4
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select

from projektu_vadiba.core.bundle import import_bundle, open_bundle_file, write_bundle
from projektu_vadiba.core.db import open_database
from projektu_vadiba.core.demo import fill_demo
from projektu_vadiba.core.models import Attendance, Event, Project
from projektu_vadiba.core.services import attachments


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="4 photos and 4 scans")
    args = parser.parse_args()
    photos, scans = (4, 4) if args.quick else (40, 40)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "a").mkdir()
        source = open_database(f"sqlite:///{root / 'a' / 'a.sqlite'}")
        with source.session() as s:
            fill_demo(s, seed=2026, around=None)
        with source.session() as s:
            busiest = (
                select(Event.project_id)
                .join(Attendance, Attendance.event_id == Event.id)
                .group_by(Event.project_id)
                .order_by(func.count().desc())
                .limit(1)
            )
            project = s.get(Project, s.scalar(busiest))
            assert project is not None
            number = project.number
            events = list(s.scalars(select(Event.id).where(Event.project_id == project.id).order_by(Event.id)))
            originals = root / "originals"
            originals.mkdir()
            for n in range(photos + scans):
                photo = n < photos
                path = originals / (f"foto-{n}.jpg" if photo else f"lapa-{n}.pdf")
                scan_text = (
                    b"%PDF-1.4 scanned sheet " + str(n).encode() + b" " + b"0 0 1 rg 10 10 m 20 20 l S\n" * 11000
                )
                path.write_bytes(os.urandom(2 * 1024 * 1024) if photo else scan_text)
                owner = attachments.Owner(event_id=events[n % len(events)])
                attachments.add(s, path, owner, kind="photo" if photo else "signed_sheet")
            people = s.scalar(
                select(func.count()).select_from(Attendance).join(Event).where(Event.project_id == project.id)
            )
        folder = root / "a" / attachments.FOLDER
        stored = sum(p.stat().st_size for p in folder.iterdir())

        first, second = root / "first.pvz", root / "second.pvz"
        started = time.perf_counter()
        with source.session() as s:
            write_bundle(s, number, first)
        export_s = time.perf_counter() - started

        (root / "b").mkdir()
        target = open_database(f"sqlite:///{root / 'b' / 'b.sqlite'}")
        started = time.perf_counter()
        with open_bundle_file(first) as opened, target.session() as s:
            import_bundle(s, opened.data, files=opened.archive)
        import_s = time.perf_counter() - started

        started = time.perf_counter()
        with target.session() as s:
            write_bundle(s, number, second)
        again_s = time.perf_counter() - started

        started = time.perf_counter()
        shutil.copytree(folder, root / "copy")
        floor_s = time.perf_counter() - started
        same = first.read_bytes() == second.read_bytes()
        zip_size = first.stat().st_size
        source.close()
        target.close()

    mb = 1024 * 1024
    print(f"project {number}: {people} attendances, {photos} photos + {scans} scans, {stored / mb:.1f} MB stored")
    print(f"  .pvz          {zip_size / mb:.1f} MB")
    print(f"  export        {export_s:.2f} s")
    print(f"  import        {import_s:.2f} s")
    print(f"  export again  {again_s:.2f} s   byte-identical: {same}")
    print(f"  floor (copy)  {floor_s:.2f} s")


if __name__ == "__main__":
    main()
