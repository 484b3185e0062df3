#!/usr/bin/env python3
"""Cross-check of the committed JSON Schemas with the reference validator (python `jsonschema`,
draft 2020-12), outside CI: checks each schema is a valid 2020-12 schema, then validates real
outputs of every pigmatch command on every Sample (and a batch over Samples/) against them.
Usage from the package root, after `swift build`: python3 scripts/check_schemas.py [.build/debug/pigmatch]
"""
import glob, json, os, shutil, subprocess, sys, tempfile
from jsonschema import Draft202012Validator

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/pigmatch"
schemas = {}
for path in sorted(glob.glob("schemas/*.schema.json")):
    schema = json.load(open(path))
    Draft202012Validator.check_schema(schema)
    schemas[os.path.basename(path)[:-len(".schema.json")]] = Draft202012Validator(schema)
palettes = ["Palettes/iron-oxide-tones.json", "Palettes/carbon-greyscale.json"]
counts, failures = {}, 0

def check(name, args, status=0):
    global failures
    run = subprocess.run([binary] + args, capture_output=True, text=True)
    if run.returncode != status:
        print("exit", run.returncode, args, run.stderr.strip()); failures += 1; return
    errors = list(schemas[name].iter_errors(json.loads(run.stdout)))
    for e in errors[:3]:
        print(name, " ".join(args), "->", list(e.absolute_path), e.message[:200])
    failures += bool(errors)
    counts[name] = counts.get(name, 0) + 1

samples = sorted(glob.glob("Samples/*.truth.json"))
for truth_path in samples:
    truth = json.load(open(truth_path))
    photo = "Samples/" + truth["file"]
    skin = ",".join(str(v) for v in truth["skin"]["lab"])
    hair = ",".join(str(v) for v in truth["hair"]["lab"])
    check("inspect", ["inspect", photo, "--json"])
    check("analyze", ["analyze", photo, "--json"])
    for p in palettes:
        check("match", ["match", photo, "--palette", p, "--json"])
        check("blend", ["blend", "--palette", p, "--hair-lab", hair, "--skin-lab", skin, "--json"])
        check("blend", ["blend", "--palette", p, "--target-lab", hair, "--years", "2", "--json"])
    check("match", ["match", photo, "--palette", palettes[0], "--years", "3", "--volume", "5ml", "--fitzpatrick", "IV", "--json"])
    check("match", ["match", photo, "--palette", palettes[1], "--dot-size", "0.15", "--spacing", "1.2", "--sun", "high", "--json"])
    check("color", ["color", skin, "--json"])
    check("color", ["color", skin, hair, "--json"])
    check("mix", ["mix", "--palette", palettes[1], "--recipe", "cb-black=1:4", "--skin-lab", skin, "--json"])
    check("fade", ["fade", "--palette", palettes[1], "--recipe", "cb-black=1:4", "--skin-lab", skin, "--years", "5", "--json"])
for p in palettes:
    check("palette-show", ["palette", "show", p, "--json"])
    check("palette-validate", ["palette", "validate", p, "--json"])
check("palette-validate-many", ["palette", "validate"] + palettes + ["--json"])

folder = tempfile.mkdtemp()
os.mkdir(folder + "/photos")
for truth_path in samples:
    name = json.load(open(truth_path))["file"]
    shutil.copy("Samples/" + name, folder + "/photos/" + name)
open(folder + "/photos/zz-broken.jpg", "w").write("not a photo")
subprocess.run([binary, "batch", folder + "/photos", "--palette", palettes[0], "-o", folder + "/r.jsonl",
                "--dot-size", "0.15", "--spacing", "1.2"], check=True, capture_output=True)
for line in open(folder + "/r.jsonl"):
    errors = list(schemas["batch-line"].iter_errors(json.loads(line)))
    for e in errors[:3]:
        print("batch-line", list(e.absolute_path), e.message[:200])
    failures += bool(errors)
    counts["batch-line"] = counts.get("batch-line", 0) + 1
    options = json.loads(line).get("options")
    if options is not None and (options.get("dotDiameterMM"), options.get("spacingMM")) != (0.15, 1.2):
        print("batch-line: the dot geometry given is not recorded:", options); failures += 1
shutil.rmtree(folder)
print(json.dumps(counts), "documents validated;", failures, "failures")
sys.exit(1 if failures else 0)
