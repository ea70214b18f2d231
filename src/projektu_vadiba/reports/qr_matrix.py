"""The modules of a sheet page's QR code: reportlab's encoder, with its choice of mask made on bit rows.

reportlab's `QRCode.make()` builds and scores the matrix once per mask (eight times), module by module: 3.5 ms a
code, 2 s for the 555 pages of a five-year project. Here each row is an int (a bit per module), the data is placed
once and masked eight times by XOR, and the candidates are scored with bit operations by reportlab's own rules
(`QRUtil.getLostPoint`, its quirks included: the vertical finder-like pattern never scores there). The same mask
wins, so the printed code is module for module the one reportlab makes (tests/reports/test_qr_matrix.py compares
them). The error correction codewords use a generator polynomial made once per length (reportlab makes it anew for
every block). About 0.4 ms a code, without numpy (printing does not load it).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

# reportlab's finder-like pattern (1:1:3:1:1 then four light modules), scored 40 per match, in rows only.
_FINDER_LIKE = (True, False, True, True, True, False, True, False, False, False, False)
_FINDER_WIDTH = len(_FINDER_LIKE)


@dataclass(frozen=True)
class _Layout:
    """Per version, a row as an int (bit c = column c): the function patterns as reportlab scores them (no format
    bits, data modules light), where data goes (in placement order) and each mask over the data modules."""

    size: int
    base: tuple[int, ...]
    positions: tuple[tuple[int, int], ...]  # (row, column) of each data bit
    masks: tuple[tuple[int, ...], ...]


@lru_cache(maxsize=8)
def _layout(version: int) -> _Layout:
    from reportlab.graphics.barcode import qrencoder

    qr = qrencoder.QRCode(version, qrencoder.QRErrorCorrectLevel.M)
    qr.addData("")
    qr.makeImpl(True, 0)
    n = qr.getModuleCount()
    positions = tuple((row, col) for col, row in qr.dataPosIterator())
    data = [0] * n
    for row, col in positions:
        data[row] |= 1 << col
    base = tuple(_bits(line) & ~data[r] for r, line in enumerate(qr.modules))
    masks = []
    for m in range(8):
        rule, rows = qrencoder.QRUtil.getMask(m), [0] * n
        for row, col in positions:
            if rule(row, col):
                rows[row] |= 1 << col
        masks.append(tuple(rows))
    return _Layout(n, base, positions, tuple(masks))


def _bits(line: list[bool]) -> int:
    return sum(1 << c for c, dark in enumerate(line) if dark)


def _lost_points(rows: list[int], n: int) -> int:
    """reportlab's penalty (QRUtil.getLostPoint) of a matrix given as row ints."""
    full, inner = (1 << n) - 1, (1 << (n - 1)) - 1
    score = 0
    # Runs of 5+ equal modules in a row or column score length - 2 = (windows of 5 equal in the run) + 2.
    for line in rows:
        same = ~(line ^ (line >> 1)) & inner  # bit c: modules c and c + 1 equal
        five = same & (same >> 1) & (same >> 2) & (same >> 3)
        score += five.bit_count() + 2 * (five & ~(five << 1)).bit_count()
    same_down = [~(a ^ b) & full for a, b in pairwise(rows)]  # bit c: rows r and r + 1 equal
    previous = 0
    for r in range(n - 4):
        five = same_down[r] & same_down[r + 1] & same_down[r + 2] & same_down[r + 3]
        score += five.bit_count() + 2 * (five & ~previous).bit_count()
        previous = five
    # 2x2 blocks of one colour, 3 each.
    for r in range(n - 1):
        top = rows[r]
        score += 3 * (same_down[r] & (same_down[r] >> 1) & ~(top ^ (top >> 1)) & inner).bit_count()
    # The finder-like pattern in rows, starting at 0 .. n - 12 (reportlab's loop stops before the last place it fits).
    starts = (1 << (n - _FINDER_WIDTH)) - 1
    for line in rows:
        found = starts  # bit j: the pattern starts at column j
        for k, is_dark in enumerate(_FINDER_LIKE):
            found &= line >> k if is_dark else ~(line >> k)
        score += 40 * found.bit_count()
    dark = sum(line.bit_count() for line in rows)
    return score + 10 * (abs(100 * dark // (n * n) - 50) // 5)


def _codewords(qr: Any) -> list[int]:
    """reportlab's QRCode.createData (segments, terminator, padding, error correction, interleaving) with each
    block's Reed-Solomon remainder computed against a cached generator: reportlab rebuilds the generator
    polynomial for every block of every code (two thirds of a code's time)."""
    from reportlab.graphics.barcode import qrencoder

    blocks = qrencoder.QRRSBlock.getRSBlocks(qr.version, qr.errorCorrectLevel)
    buffer = qrencoder.QRBitBuffer()
    for segment in qr.dataList:
        segment.write(buffer, qr.version)
    capacity = 8 * sum(block.dataCount for block in blocks)
    if buffer.getLengthInBits() > capacity:
        raise ValueError(f"code length overflow. ({buffer.getLengthInBits()} > {capacity})")
    if buffer.getLengthInBits() + 4 <= capacity:
        buffer.put(0, 4)
    while buffer.getLengthInBits() % 8:
        buffer.putBit(False)
    pads = 0
    while buffer.getLengthInBits() < capacity:  # 0xEC, 0x11, 0xEC ... up to the capacity
        buffer.put((0xEC, 0x11)[pads % 2], 8)
        pads += 1
    data: list[int] = buffer.buffer
    offset, dc_blocks, ec_blocks = 0, [], []
    for block in blocks:
        dc = data[offset : offset + block.dataCount]
        offset += block.dataCount
        dc_blocks.append(dc)
        ec_blocks.append(_remainder(dc, block.totalCount - block.dataCount))
    out: list[int] = []
    for group in (dc_blocks, ec_blocks):
        for i in range(max(len(b) for b in group)):
            out += [b[i] for b in group if i < len(b)]
    return out


@lru_cache(maxsize=32)
def _generator(degree: int) -> tuple[int, ...]:
    """(x - a^0)(x - a^1)...(x - a^(degree-1)) over GF(256), coefficients as logarithms, leading term dropped."""
    from reportlab.graphics.barcode.qrencoder import EXP_TABLE, LOG_TABLE

    poly = [1]
    for i in range(degree):
        root = EXP_TABLE[i % 255]
        nxt = [*poly, 0]
        for j, c in enumerate(poly):
            if c:
                nxt[j + 1] ^= EXP_TABLE[(LOG_TABLE[c] + LOG_TABLE[root]) % 255]
        poly = nxt
    return tuple(LOG_TABLE[c] if c else -1 for c in poly[1:])


def _remainder(data: list[int], degree: int) -> list[int]:
    """The error correction codewords of one block: data(x)·x^degree mod generator(x), highest degree first."""
    from reportlab.graphics.barcode.qrencoder import EXP_TABLE, LOG_TABLE

    generator = _generator(degree)
    rem = [0] * degree
    for byte in data:
        factor = byte ^ rem[0]
        rem = [*rem[1:], 0]
        if factor:
            lf = LOG_TABLE[factor]
            for i, lg in enumerate(generator):
                if lg >= 0:
                    rem[i] ^= EXP_TABLE[(lf + lg) % 255]
    return rem


def qr_modules(text: str) -> list[list[bool]]:
    """The dark (True) and light modules of the QR code of `text`, error correction level M, row by row."""
    from reportlab.graphics.barcode import qrencoder

    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(text)
    qr.version = qr.calculate_version()
    layout = _layout(qr.version)
    n = layout.size
    placed = [0] * n  # data bits (positions beyond the data stay light before masking, as in reportlab)
    bits = "".join(f"{byte:08b}" for byte in _codewords(qr))
    for (row, col), bit in zip(layout.positions, bits, strict=False):
        if bit == "1":
            placed[row] |= 1 << col
    candidates = [[base | (data ^ mask) for base, data, mask in zip(layout.base, placed, masks, strict=True)]
                  for masks in layout.masks]  # fmt: skip
    scores = [_lost_points(rows, n) for rows in candidates]
    best = scores.index(min(scores))  # the first of equal scores, as reportlab picks
    qr.moduleCount = n
    qr.modules = [[bool(line >> c & 1) for c in range(n)] for line in candidates[best]]
    qr.setupTypeInfo(False, best)  # what makeImpl(False, best) adds to the scored matrix
    if qr.version >= 7:
        qr.setupTypeNumber(False)
    modules: list[list[bool]] = qr.modules
    return modules
