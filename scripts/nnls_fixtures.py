#!/usr/bin/env python3
"""Reference NNLS solutions from scipy.optimize.nnls for PigmentMatch's Swift NNLS tests.

Usage: pip install scipy numpy && python3 scripts/nnls_fixtures.py
Writes Tests/PigmentMatchTests/Fixtures/nnls-scipy.json (deterministic: fixed seed).

Each case: A (row-major list of rows), b, scipy's x and residual norm, numpy's rank of A and
whether the minimiser is unique (rank == n, so x itself is comparable; otherwise only the
residual norm is, because a rank-deficient NNLS has many minimisers).
"""
import json
import os
import sys

import numpy as np
import scipy
from scipy.optimize import nnls

rng = np.random.default_rng(20261121)
cases = []


def add(name, a, b):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    x, rnorm = nnls(a, b, maxiter=50 * a.shape[1])
    rank = int(np.linalg.matrix_rank(a)) if a.size else 0
    cases.append({
        "name": name,
        "m": int(a.shape[0]),
        "n": int(a.shape[1]),
        "a": a.tolist(),
        "b": b.tolist(),
        "x": x.tolist(),
        "residualNorm": float(rnorm),
        "rank": rank,
        "unique": rank == a.shape[1],
        # x is only comparable when the problem is also well conditioned.
        "conditionNumber": float(np.linalg.cond(a)) if rank == a.shape[1] else None,
    })


# Well-posed random problems, tall and square, some with active constraints.
for i in range(12):
    m = int(rng.integers(3, 36))
    n = int(rng.integers(1, min(m, 9) + 1))
    add(f"random-{i}-{m}x{n}", rng.normal(size=(m, n)), rng.normal(size=m))
# Pigment-like: positive spectra-ish columns, target inside the cone (exact fit, x > 0).
for i in range(4):
    a = np.abs(rng.normal(1.0, 0.5, size=(31, 5)))
    x0 = np.abs(rng.normal(size=5))
    add(f"cone-interior-{i}", a, a @ x0)
# Wide (m < n): rank-deficient by shape.
for i in range(4):
    m = int(rng.integers(2, 5))
    n = m + int(rng.integers(1, 5))
    add(f"wide-{i}-{m}x{n}", rng.normal(size=(m, n)), rng.normal(size=m))
# Degenerate columns.
a = rng.normal(size=(10, 4))
a[:, 2] = 0.0
add("zero-column", a, rng.normal(size=10))
a = rng.normal(size=(10, 4))
a[:, 3] = a[:, 1]
add("duplicate-column", a, a @ np.array([0.5, 1.0, 0.2, 0.0]) + 0.01 * rng.normal(size=10))
a = rng.normal(size=(8, 3))
a = np.column_stack([a, a[:, 0] + a[:, 1]])
add("dependent-column", a, rng.normal(size=8))
add("zero-b", rng.normal(size=(7, 3)), np.zeros(7))
add("zero-matrix", np.zeros((5, 3)), rng.normal(size=5))
add("all-negative-correlation", -np.abs(rng.normal(size=(6, 3))), np.abs(rng.normal(size=6)))
add("single-column", rng.normal(size=(5, 1)), rng.normal(size=5))
a = rng.normal(size=(12, 5))
a[:, 4] = 1e-9 * a[:, 4]
add("tiny-column", a, rng.normal(size=12))
a = rng.normal(size=(20, 6))
a[:, 5] = a[:, 0] * 3.0
add("scaled-duplicate", a, np.abs(a) @ np.ones(6))

out = {
    "generator": "scripts/nnls_fixtures.py",
    "scipy": scipy.__version__,
    "numpy": np.__version__,
    "cases": cases,
}
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
path = os.path.join(root, "Tests", "PigmentMatchTests", "Fixtures", "nnls-scipy.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print(f"wrote {len(cases)} cases to {path}", file=sys.stderr)
