"""Writes resources/marks/aruco_4x4_50.json: the cell patterns (6 x 6, 1 = black, border included) of the four
ArUco markers (DICT_4X4_50, ids 0-3) printed near the corners of every attendance sheet page. The sheet draws them
as vector squares from this file (crisp at any printer resolution, no OpenCV needed to print); run this only if the
marker set changes:  python scripts/make_aruco_markers.py
"""

from __future__ import annotations

import json
from pathlib import Path

import cv2

OUT = Path(__file__).resolve().parent.parent / "resources" / "marks" / "aruco_4x4_50.json"
CELL_PX = 10


def main() -> None:
    dictionary = cv2.aruco.getPredefinedDictionary(cv2.aruco.DICT_4X4_50)
    patterns: dict[str, list[str]] = {}
    for marker_id in range(4):
        image = cv2.aruco.generateImageMarker(dictionary, marker_id, 6 * CELL_PX)
        cells = image[CELL_PX // 2 :: CELL_PX, CELL_PX // 2 :: CELL_PX]
        patterns[str(marker_id)] = ["".join("1" if v < 128 else "0" for v in row) for row in cells]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"dictionary": "DICT_4X4_50", "markers": patterns}, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
