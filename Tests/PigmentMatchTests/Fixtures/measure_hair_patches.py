"""Independent hair references for real-photo-hair.json (not PigmentMatch code).

For each real photo with hair on the head, the per-channel median CIELAB (D65) of hand-picked
rectangles of hair (chosen by eye on the photo at full size: the crown or the hair above the
forehead, no skin showing through, no backdrop; for two_people.jpg one rectangle per man; for
blond-hair.jpg the darker crown and a lighter lock, as both are what one sees; for astronaut.png
the top and the fringe that hangs over the forehead). sRGB decoding per
IEC 61966-2-1, XYZ by the sRGB matrix (D65), CIELAB per CIE 15:2004 with white (0.95047, 1,
1.08883). Run: python3 measure_hair_patches.py ../../../../shared/testdata/photos
"""
import json, sys
import numpy as np
from PIL import Image
from srgb_lab import lab  # beside this script

# (x, y, width, height) in the photo's pixels, chosen by eye.
PATCHES = {
    "consultation/black-hair.jpg": [("crown, black with grey strands", (430, 80, 300, 90))],
    "consultation/blond-hair.jpg": [("crown, dark-blond roots", (500, 110, 200, 100)),
                                    ("lock, golden blond", (300, 900, 150, 400))],
    "consultation/afro-dark-skin.jpg": [("crown, black coily hair", (950, 500, 600, 350))],
    "face_recognition/obama.jpg": [("short greying hair above the forehead", (400, 48, 180, 32))],
    "face_recognition/obama2.jpg": [("short black-grey hair above the forehead", (260, 185, 200, 40))],
    "face_recognition/biden.jpg": [("thin white hair on top", (490, 108, 150, 22))],
    "face_recognition/two_people.jpg": [("left man, short black hair", (285, 12, 60, 6)),
                                        ("right man, thin white hair", (825, 14, 75, 10))],
    "scikit-image/astronaut.png": [("light-brown/ash hair on top", (195, 35, 90, 20)),
                                   ("fringe above the forehead", (205, 58, 60, 14))],
}
root = sys.argv[1] if len(sys.argv) > 1 else "../shared/testdata/photos"
photos = []
for key, patches in PATCHES.items():
    image = np.asarray(Image.open(f"{root}/{key}").convert("RGB")).astype(float)
    hair = []
    for what, (x, y, w, h) in patches:
        median = np.median(lab(image[y:y + h, x:x + w].reshape(-1, 3)), 0)
        hair.append({"what": what, "region": [x, y, w, h], "lab": [round(float(v), 1) for v in median]})
    photos.append({"file": key, "hair": hair})
print(json.dumps({"note": __doc__.strip().splitlines()[0] + " See measure_hair_patches.py for the method.",
                  "photos": photos}, indent=1))
