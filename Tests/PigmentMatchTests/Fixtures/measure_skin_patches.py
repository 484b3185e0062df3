"""Independent skin references for real-photos.json (not PigmentMatch code).

For each photo, the per-channel median CIELAB (D65) of hand-picked patches of evenly lit skin
(chosen by eye on the photo: forehead, cheek or scalp facing the light; no specular spots, no cast
shadow, no hair), after dropping pixels more than 8 L* above the patch median (shine); the reference is
the mean of the patch medians. sRGB decoding per IEC 61966-2-1, XYZ by the sRGB matrix (D65),
CIELAB per CIE 15:2004 with white (0.95047, 1, 1.08883). Untagged and sRGB-tagged files alike are
read as sRGB. Run: python3 measure_skin_patches.py ../../../../shared/testdata/photos
"""
import json, sys
import numpy as np
from PIL import Image
from srgb_lab import lab  # beside this script

# (x, y, width, height) in the photo's pixels, chosen by eye.
PATCHES = {
    "consultation/bald.png": [(125, 95, 70, 25), (90, 165, 25, 30), (140, 40, 50, 25)],
    "consultation/shaved.png": [(80, 40, 100, 60), (130, 100, 60, 20)],
    "consultation/black-hair.jpg": [(480, 300, 200, 70), (700, 560, 80, 70)],
    "consultation/blond-hair.jpg": [(680, 470, 150, 60), (630, 820, 60, 100)],
    "consultation/afro-dark-skin.jpg": [(1050, 1700, 200, 200), (700, 1300, 300, 150)],
    "face_recognition/obama.jpg": [(420, 145, 120, 30), (390, 245, 30, 40)],
    "face_recognition/biden.jpg": [(470, 255, 100, 35), (450, 350, 40, 40)],
    "face_recognition/two_people.jpg#left": [(260, 50, 60, 18), (240, 100, 25, 30)],
    "face_recognition/two_people.jpg#right": [(835, 80, 60, 22), (800, 120, 30, 30)],
    "face_recognition/obama2.jpg": [(240, 280, 140, 45), (210, 420, 40, 50)],
    "scikit-image/astronaut.png": [(205, 80, 30, 8), (195, 112, 15, 13)],
    "healed-tattoo/2021-12-10_healed_after_touchups.jpg": [(400, 650, 200, 60), (600, 1100, 100, 40)],
    "healed-tattoo/2024-06-29_close_up.jpg": [(450, 850, 300, 100), (500, 1250, 200, 100)],
}
root = sys.argv[1] if len(sys.argv) > 1 else "../shared/testdata/photos"
out = {}
for key, patches in PATCHES.items():
    image = np.asarray(Image.open(f"{root}/{key.split('#')[0]}").convert("RGB")).astype(float)
    medians = []
    for x, y, w, h in patches:
        values = lab(image[y:y + h, x:x + w].reshape(-1, 3))
        values = values[values[:, 0] <= np.median(values[:, 0]) + 8]
        medians.append(np.median(values, 0))
    out[key] = {"patches": [list(p) for p in patches], "patchMedians": [[round(float(v), 1) for v in m] for m in medians],
                "reference": [round(float(v), 1) for v in np.mean(medians, 0)]}
print(json.dumps(out, indent=1))
