#!/usr/bin/env python3
"""Careful manual measurement of marked regions of the consultation photos (independent oracle).

For each region listed below, ImageMagick's `convert` decodes the photo and crops the rectangle at
full resolution (`-crop WxH+X+Y`, 8-bit RGB). This script then converts every pixel itself:
sRGB decoding per IEC 61966-2-1, the sRGB→XYZ matrix of IEC 61966-2-1 (4 decimals, D65), CIELAB
per CIE 015:2018 with the D65 white (0.95047, 1, 1.08883). Highlights are excluded by a rule of
its own (not PigmentMatch's): clipped pixels (any channel 255) and, for skin, pixels brighter than
the region's median L* by more than 10. The result is the per-channel median of what is left.
Hair regions are chosen to be hair only, so their median is taken without any unmixing.

Output (stdout): CSV rows photo,role,regions,L,a,b,pixels — the file
Tests/PigmentMatchTests/Fixtures/consultation-regions.csv was made by running this script.
"""
import subprocess
import sys
import numpy as np

PHOTOS = "../shared/testdata/photos/consultation/"
# photo, role, regions (x, y, w, h, full-resolution, as a viewer shows the photo)
REGIONS = [
    ("bald.png", "skin", [(95, 95, 95, 25)]),
    ("bald.png", "skin", [(110, 50, 100, 30)]),
    ("shaved.png", "skin", [(110, 45, 60, 40)]),
    ("black-hair.jpg", "skin", [(500, 300, 200, 70)]),
    ("black-hair.jpg", "hair", [(400, 120, 360, 80)]),
    ("blond-hair.jpg", "skin", [(680, 420, 200, 100)]),
    ("blond-hair.jpg", "hair", [(300, 900, 150, 400)]),
    ("afro-dark-skin.jpg", "skin", [(600, 1700, 35, 180), (625, 1700, 80, 45)]),
    ("afro-dark-skin.jpg", "hair", [(800, 500, 1000, 550)]),
]

M = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
WHITE = np.array([0.95047, 1.0, 1.08883])


def crop(photo, x, y, w, h):
    raw = subprocess.run(
        ["convert", PHOTOS + photo, "-crop", f"{w}x{h}+{x}+{y}", "+repage", "-depth", "8", "rgb:-"],
        check=True, capture_output=True).stdout
    return np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3)


def lab(rgb8):
    v = rgb8.astype(np.float64) / 255.0
    lin = np.where(v <= 0.04045, v / 12.92, ((v + 0.055) / 1.055) ** 2.4)
    xyz = lin @ M.T / WHITE
    d = 6.0 / 29.0
    f = np.where(xyz > d ** 3, np.cbrt(xyz), xyz / (3 * d * d) + 4.0 / 29.0)
    return np.stack([116 * f[:, 1] - 16, 500 * (f[:, 0] - f[:, 1]), 200 * (f[:, 1] - f[:, 2])], axis=1)


def main():
    print("photo,role,regions,L,a,b,pixels")
    for photo, role, rects in REGIONS:
        rgb = np.concatenate([crop(photo, *r) for r in rects])
        rgb = rgb[(rgb < 255).all(axis=1)]
        values = lab(rgb)
        if role == "skin":
            values = values[values[:, 0] <= np.median(values[:, 0]) + 10]
        m = np.median(values, axis=0)
        regions = ";".join(",".join(str(c) for c in r) for r in rects)
        print(f'{photo},{role},"{regions}",{m[0]:.2f},{m[1]:.2f},{m[2]:.2f},{len(values)}')


if __name__ == "__main__":
    sys.exit(main())
