#!/usr/bin/env python3
"""Issue 13's generated hard cases over many seeds: how far the automatic analysis lands from the truth.

For each base seed, `pigmatch-samples DIR SEED --hard` (or `--corners`) writes the cases with their
truth files; each photo is analysed automatically (`pigmatch analyze --json`; a case with a grey card
in the frame with `--grey-card` on it) and its skin and hair compared with the truth by ΔE00 (from
`pigmatch color`, the library's CIEDE2000). Prints a Markdown table per case: skin and hair ΔE00
(median, max), hair found, confidence range, and every case over issue 13's bars (skin > 3, hair > 6,
hair invented on a bald scalp, hair not found where it was drawn).

Usage:
  scripts/hard_case_sweep.py --kind hard|corners --seeds 1007,2007,... [--bin .build/release] [--work DIR]
"""
import argparse
import glob
import json
import os
import statistics
import subprocess


def delta_e00(pigmatch, lab1, lab2):
    args = [",".join(f"{v:.4f}" for v in lab) for lab in (lab1, lab2)]
    out = subprocess.run([pigmatch, "color", *args, "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)["deltaE00"]


def generate(samples, work, kind, seed):
    folder = os.path.join(work, f"{kind}-{seed}")
    if not os.path.exists(os.path.join(folder, ".done")):
        os.makedirs(folder, exist_ok=True)
        subprocess.run([samples, folder, str(seed), "--" + kind], check=True, capture_output=True)
        open(os.path.join(folder, ".done"), "w").close()
    return folder


def measure(pigmatch, folder, truth):
    extra = ["--grey-card", truth["greyCard"]["roi"]] if truth.get("greyCard") else []
    run = subprocess.run(
        [pigmatch, "analyze", os.path.join(folder, truth["file"]), "--json", *extra], capture_output=True, text=True)
    if run.returncode != 0:
        return {"error": run.stderr.strip()[-160:]}
    analysis = json.loads(run.stdout)
    hair = analysis.get("hair")
    row = {
        "skin": delta_e00(pigmatch, analysis["skin"]["lab"], truth["skin"]["lab"]),
        "found": hair is not None,
        "bald": truth["hair"] is None,
        "confidence": analysis["confidence"],
        "hair": None,
    }
    if truth["hair"] is not None:
        row["hair"] = delta_e00(pigmatch, hair["lab"], truth["hair"]["lab"]) if hair else float("inf")
    return row


def failures(row):
    if "error" in row:
        return ["error: " + row["error"]]
    out = []
    if row["skin"] > 3:
        out.append(f"skin {row['skin']:.2f}")
    if row["bald"] and row["found"]:
        out.append("invented hair")
    if not row["bald"] and not row["found"]:
        out.append("hair not found")
    if row["hair"] is not None and row["found"] and row["hair"] > 6:
        out.append(f"hair {row['hair']:.2f}")
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kind", choices=["hard", "corners"], required=True)
    parser.add_argument("--seeds", required=True, help="comma-separated base seeds")
    parser.add_argument("--bin", default=".build/debug", help="folder holding pigmatch and pigmatch-samples")
    parser.add_argument("--work", default="/tmp/pigmatch-hard-sweep", help="where the generated photos go")
    args = parser.parse_args()
    pigmatch = os.path.join(args.bin, "pigmatch")
    samples = os.path.join(args.bin, "pigmatch-samples")
    cases = {}
    for seed in (int(s) for s in args.seeds.split(",")):
        folder = generate(samples, args.work, args.kind, seed)
        for path in sorted(glob.glob(os.path.join(folder, "*.truth.json"))):
            truth = json.load(open(path))
            row = measure(pigmatch, folder, truth)
            row["seed"] = seed
            cases.setdefault(truth["name"], []).append(row)
    print("| case | n | skin median | skin max | hair median | hair max | hair found | confidence | over the bars |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, rows in cases.items():
        ok = [r for r in rows if "error" not in r]
        skin = [r["skin"] for r in ok]
        hair = [r["hair"] for r in ok if r["hair"] is not None]
        conf = [r["confidence"] for r in ok]
        over = "; ".join(f"{r['seed']}: {', '.join(failures(r))}" for r in rows if failures(r))
        hair_cells = f"{statistics.median(hair):.2f} | {max(hair):.2f}" if hair else "— | —"
        print(
            f"| {name} | {len(rows)} | {statistics.median(skin):.2f} | {max(skin):.2f} | {hair_cells} | "
            f"{sum(r['found'] for r in ok)}/{len(ok)} | {min(conf):.2f}–{max(conf):.2f} | {over} |")


if __name__ == "__main__":
    main()
