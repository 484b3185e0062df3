#!/usr/bin/env python3
"""Before/after check for speed work: the same analyses from two builds.

Runs `pigmatch-bench analyze --dump` of two builds (e.g. a copy of the release binary made before
a change, and the one after it) on the same photos, and compares per photo the skin and hair
CIELAB (each coordinate within --tolerance, default 0.01), the hair's presence, the warnings and
the cluster roles; it also counts the dump lines that are byte-identical.

Usage:
  scripts/compare_analyses.py BEFORE_BENCH AFTER_BENCH [PHOTO ...] [--tolerance 0.01]

Without photos: every photo in ../shared/testdata/photos/*/ and Samples/ (JPEG and PNG).
Exit status 0 when every photo agrees, 1 otherwise.
"""
import argparse
import glob
import os
import subprocess
import sys


def default_photos():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    patterns = [
        os.path.join(root, "..", "shared", "testdata", "photos", "*", "*.jpg"),
        os.path.join(root, "..", "shared", "testdata", "photos", "*", "*.png"),
        os.path.join(root, "Samples", "*.jpg"),
        os.path.join(root, "Samples", "*.png"),
    ]
    return sorted(os.path.normpath(p) for pattern in patterns for p in glob.glob(pattern))


def dump(bench, photos):
    """The --dump output split per photo: {path: [lines]}."""
    out = subprocess.run(
        [bench, "analyze", "--dump", *photos], check=True, capture_output=True, text=True
    ).stdout
    analyses = {}
    current = None
    for line in out.splitlines():
        if not line.startswith("  "):
            current = line.split(": pixels", 1)[0]
            analyses[current] = [line]
        elif current is not None:
            analyses[current].append(line)
    return analyses


def lab_of(lines, role):
    """The (L, a, b) of the `skin` or `hair` line, None for `hair none`."""
    for line in lines:
        if line.startswith(f"  {role} "):
            fields = line.split()
            if fields[1] == "none":
                return None
            return tuple(float(v) for v in fields[1:4])
    raise ValueError(f"no {role} line")


def verdicts(lines):
    """Warnings and cluster roles, which must not change at all."""
    warnings = [l for l in lines if l.startswith("  warning ")]
    roles = [l.split()[-1] for l in lines if l.startswith("  cluster ")]
    return warnings, roles


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("photos", nargs="*")
    parser.add_argument("--tolerance", type=float, default=0.01)
    args = parser.parse_args()
    photos = args.photos or default_photos()
    if not photos:
        sys.exit("no photos found")
    before = dump(args.before, photos)
    after = dump(args.after, photos)
    failures = 0
    identical = 0
    worst = 0.0
    for photo in photos:
        if photo not in before or photo not in after:
            print(f"MISSING  {photo}")
            failures += 1
            continue
        b, a = before[photo], after[photo]
        if b == a:
            identical += 1
        problems = []
        for role in ("skin", "hair"):
            try:
                lb, la = lab_of(b, role), lab_of(a, role)
            except ValueError as error:
                sys.exit(f"compare_analyses.py: {os.path.basename(photo)}: {error} in a dump")
            if (lb is None) != (la is None):
                problems.append(f"{role} found {lb is not None} → {la is not None}")
                continue
            if lb is None:
                continue
            delta = max(abs(x - y) for x, y in zip(lb, la))
            worst = max(worst, delta)
            if delta > args.tolerance:
                problems.append(f"{role} Lab moved by {delta:.4f}: {lb} → {la}")
        if verdicts(b) != verdicts(a):
            problems.append("warnings or cluster roles differ")
        status = "OK " if not problems else "DIFF"
        if problems:
            failures += 1
        print(f"{status}  {os.path.basename(photo)}" + ("" if not problems else ": " + "; ".join(problems)))
    print(
        f"{len(photos) - failures}/{len(photos)} photos agree (skin/hair Lab within {args.tolerance}, "
        f"same warnings and roles); {identical} dumps byte-identical; largest Lab change {worst:.2e}"
    )
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
