#!/usr/bin/env python3
"""Writes the source PNGs the HEIF fixtures are encoded from (see SOURCE.md): 64x48 pixels, a
4 x 3 grid of flat 16 x 16 patches whose colours are listed below, so every decoded pixel has a
known value. Plain Python (zlib) so the pixels come from this file alone."""
import struct
import sys
import zlib

WIDTH, HEIGHT, PATCH = 64, 48, 16
# Row-major patch colours (8-bit sRGB codes), the test's oracle.
COLOURS = [
    (200, 40, 40), (40, 180, 60), (50, 60, 200), (230, 200, 50),
    (20, 20, 20), (240, 240, 240), (128, 128, 128), (190, 120, 90),
    (90, 60, 40), (0, 160, 170), (170, 0, 160), (255, 128, 0),
]
# Alpha per patch column (the RGBA source).
ALPHAS = [255, 170, 85, 0]
# 16-bit source: code * 257 + 100, values an 8-bit file cannot hold.
DEEP_OFFSET = 100


def colour(x, y):
    return COLOURS[(y // PATCH) * (WIDTH // PATCH) + x // PATCH]


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(path, bit_depth, colour_type, row, icc=None):
    raw = b"".join(b"\0" + row(y) for y in range(HEIGHT))
    body = chunk(b"IHDR", struct.pack(">IIBBBBB", WIDTH, HEIGHT, bit_depth, colour_type, 0, 0, 0))
    if icc is not None:
        body += chunk(b"iCCP", b"embedded\0\0" + zlib.compress(icc))
    body += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + body)


def icc_from_jpeg(path):
    """The ICC profile of a JPEG (APP2 "ICC_PROFILE" chunks, ICC.1:2010 Annex B.4), in sequence order."""
    data = open(path, "rb").read()
    chunks, i = {}, 2
    while i + 4 <= len(data) and data[i] == 0xFF:
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
        segment = data[i + 4:i + 2 + length]
        if marker == 0xE2 and segment.startswith(b"ICC_PROFILE\0"):
            chunks[segment[12]] = segment[14:]
        if marker == 0xDA:
            break
        i += 2 + length
    return b"".join(chunks[k] for k in sorted(chunks))


def rgb8(y):
    return bytes(c for x in range(WIDTH) for c in colour(x, y))


def rgba8(y):
    return bytes(v for x in range(WIDTH) for v in (*colour(x, y), ALPHAS[x // PATCH]))


def rgba8_premultiplied(y):
    """The RGBA source with its colour multiplied by alpha (rounded), as premultiplied files store it."""
    return bytes(v for x in range(WIDTH) for a in [ALPHAS[x // PATCH]]
                 for v in (*((c * a + 127) // 255 for c in colour(x, y)), a))


def rgb16(y):
    return b"".join(struct.pack(">H", c * 257 + DEEP_OFFSET if c < 255 else 65535) for x in range(WIDTH) for c in colour(x, y))


if __name__ == "__main__":
    if sys.argv[1] == "raw":  # Raw samples on stdout for make_heif: raw rgb8 | rgba8 | rgb16.
        row = {"rgb8": rgb8, "rgba8": rgba8, "rgb16": rgb16}[sys.argv[2]]
        sys.stdout.buffer.write(b"".join(row(y) for y in range(HEIGHT)))
        sys.exit(0)
    gbr_jpeg = sys.argv[1]  # ../shared/testdata/jpeg/icc-wide-gamut/rgb-to-gbr-test.jpg
    png("src-rgb8.png", 8, 2, rgb8)
    png("src-rgba8.png", 8, 6, rgba8)
    png("src-rgba8-premultiplied.png", 8, 6, rgba8_premultiplied)
    png("src-rgb16.png", 16, 2, rgb16)
    png("src-rgb8-gbr-icc.png", 8, 2, rgb8, icc=icc_from_jpeg(gbr_jpeg))
