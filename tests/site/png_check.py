"""Just enough PNG decoding (stdlib only) to tell a real screenshot from a blank one."""

from __future__ import annotations

import struct
import zlib

CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}  # colour type -> samples per pixel (8-bit, non-interlaced)


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def distinct_colours(png: bytes, limit: int = 64, row_step: int = 7) -> int:
    """How many distinct pixel values the image has (counting stops at `limit`; every row_step-th row)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        data = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", data)
        elif kind == b"IDAT":
            idat += data
        pos += 12 + length
    assert header, "PNG without IHDR"
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in CHANNELS and not interlace, f"unsupported PNG {header}"
    bpp = CHANNELS[colour]
    stride = width * bpp
    raw = zlib.decompress(idat)
    prev = bytearray(stride)
    seen: set[bytes] = set()
    for y in range(height):
        line = raw[y * (stride + 1):(y + 1) * (stride + 1)]
        kind, cur = line[0], bytearray(line[1:])
        for i in range(stride):
            left = cur[i - bpp] if i >= bpp else 0
            up, up_left = prev[i], (prev[i - bpp] if i >= bpp else 0)
            if kind == 1:
                cur[i] = (cur[i] + left) & 0xFF
            elif kind == 2:
                cur[i] = (cur[i] + up) & 0xFF
            elif kind == 3:
                cur[i] = (cur[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                cur[i] = (cur[i] + _paeth(left, up, up_left)) & 0xFF
        if y % row_step == 0:
            seen.update(bytes(cur[x:x + bpp]) for x in range(0, stride, bpp * 3))
            if len(seen) >= limit:
                return len(seen)
        prev = cur
    return len(seen)
