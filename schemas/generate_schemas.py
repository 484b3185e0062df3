#!/usr/bin/env python3
"""Writes schemas/*.schema.json: one JSON Schema (draft 2020-12) per `pigmatch --json` output and
per `batch` line, from the fragments below.

Where the schemas come from: they are written by hand from the library's contract model,
Sources/PigmentMatch/Contract/ (JSONContract and its nested types: one property per Swift stored
property, `required` for every key the encoder always writes, nullable where it writes null,
absent-able where it uses encodeIfPresent), and DESIGN.md's "CLI and JSON contract". Each object
is closed (additionalProperties: false) so a renamed or stray key fails validation. The tests
(Tests/pigmatchTests/JSONSchemaTests.swift) validate real outputs of every command on every
Sample against them. Run from the package root: python3 schemas/generate_schemas.py
"""
import json
import os

SCHEMA_VERSION = 4
DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE = "https://pigmentmatch.invalid/schemas/"

def obj(properties, required=None, optional=()):
    """A closed object: every property required unless listed in `optional`."""
    req = [k for k in properties if k not in optional] if required is None else required
    return {"type": "object", "properties": properties, "required": req, "additionalProperties": False}

def ref(name):
    return {"$ref": "#/$defs/" + name}

def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}

NUM = {"type": "number"}
NUM_OR_NULL = {"type": ["number", "null"]}
INT = {"type": "integer"}
STR = {"type": "string"}
BOOL = {"type": "boolean"}
def arr(items, **kw):
    return {"type": "array", "items": items, **kw}
FRACTION = {"type": "number", "minimum": 0, "maximum": 1}
ROMAN = {"enum": ["I", "II", "III", "IV", "V", "VI"]}
ITA_CATEGORY = {"enum": ["very light", "light", "intermediate", "tan", "brown", "dark"]}
SCHEMA_VERSION_PROP = {"const": SCHEMA_VERSION, "description": "JSON contract version (ToolVersion.schemaVersion)"}

DEFS = {
    "lab": {"description": "CIELAB D65 [L*, a*, b*], 3 decimals", "type": "array", "items": NUM, "minItems": 3, "maxItems": 3},
    "hex": {"type": "string", "pattern": "^#[0-9a-f]{6}$"},
    "rectangle": {"description": "x, y, width, height in full-resolution pixels", "type": "array", "items": INT, "minItems": 4, "maxItems": 4},
    # analyze
    "photo": obj({"width": {"type": "integer", "minimum": 1}, "height": {"type": "integer", "minimum": 1},
                  "format": {"enum": ["png", "jpeg", "heif", "avif"]}, "colorProfile": STR,
                  "analysedPixels": {"type": "integer", "minimum": 0}}),
    "skin": obj({"lab": ref("lab"), "hex": ref("hex"), "share": FRACTION, "spread": NUM, "ita": NUM,
                 "itaCategory": ITA_CATEGORY,
                 "fitzpatrick": obj({"type": ROMAN, "note": STR}),
                 "monk": obj({"index": {"type": "integer", "minimum": 1, "maximum": 10}, "hex": ref("hex")})}),
    "hair": obj({"lab": ref("lab"), "hex": ref("hex"), "share": FRACTION, "spread": NUM,
                 "deltaE00ToSkin": {"type": "number", "minimum": 0}}),
    "cluster": obj({"lab": ref("lab"), "share": FRACTION, "role": {"enum": ["skin", "hair", "other"]}}),
    "calibration": obj({
        "calibrated": BOOL, "method": {"enum": ["none", "grey-card", "colorchecker"]}, "summary": STR,
        "matrix": arr(NUM, minItems=9, maxItems=9),
        "card": obj({"region": ref("rectangle"), "observedLab": ref("lab"), "referenceLab": ref("lab"), "exposure": NUM},
                    optional=("region",)),
        "colorChecker": obj({"corners": arr(NUM, minItems=8, maxItems=8), "meanDeltaE00": NUM, "maxDeltaE00": NUM,
                             "poorFit": BOOL,
                             "patches": arr(obj({"patch": {"type": "integer", "minimum": 1, "maximum": 24},
                                                 "name": STR, "deltaE00": NUM, "fitted": BOOL}))}),
    }, optional=("card", "colorChecker")),
    "roles": obj({"skin": {"enum": ["given", "found", "none"]}, "hair": {"enum": ["given", "found", "none"]},
                  "skinRegions": arr(ref("rectangle")), "hairRegions": arr(ref("rectangle")), "labelMask": BOOL,
                  "statedFitzpatrick": {"anyOf": [ROMAN, {"type": "null"}]}}),
    # blend
    "component": obj({"pigment": STR, "name": STR, "fraction": FRACTION}),
    "drops": obj({"pigment": STR, "drops": {"type": "integer", "minimum": 0}}),
    "dilution": obj({"waterPerPigment": {"type": "number", "minimum": 0}, "text": STR}),
    "cup": obj({"volumeML": {"type": "number", "exclusiveMinimum": 0},
                "components": arr(obj({"pigment": STR, "ml": {"type": "number", "minimum": 0}})),
                "deltaE00": NUM, "roundingDeltaE00": NUM}),
    "blend": obj({"components": arr(ref("component"), minItems=1), "recipe": arr(ref("drops")),
                  "dilution": ref("dilution"), "dotLab": ref("lab"), "deltaE00": {"type": "number", "minimum": 0},
                  "recipeDeltaE00": NUM, "roundingDeltaE00": NUM, "meanDeltaE00": NUM, "mix": STR, "cup": ref("cup")},
                 optional=("dilution", "meanDeltaE00", "cup")),
    "target": {"oneOf": [
        obj({"kind": {"const": "follicle"}, "lab": ref("lab"), "hairLab": ref("lab"),
             "hairFit": obj({"eumelanin": NUM, "pheomelanin": NUM, "pigmentedShare": FRACTION, "modelLab": ref("lab"),
                             "deltaE00": NUM})}),
        obj({"kind": {"const": "direct"}, "lab": ref("lab"), "hairLab": {"type": "null"}, "hairFit": {"type": "null"}}),
    ]},
    "contrastEntry": obj({"deltaL": NUM, "deltaB": NUM}),
    "contrast": obj({"skinLab": ref("lab"), "target": ref("contrastEntry"), "dot": ref("contrastEntry")}),
    "reachDot": obj({"pigment": STR, "dilution": ref("dilution"), "dotLab": ref("lab")}),
    "reach": obj({"darkest": ref("reachDot"), "lightest": ref("reachDot"),
                  "missing": arr(obj({"code": {"enum": ["darker", "lighter", "warmer", "cooler", "redder", "greener"]},
                                      "message": STR})),
                  "lightnessFirst": obj({"pigment": STR, "dilution": ref("dilution"), "dotLab": ref("lab"),
                                         "deltaL": NUM, "deltaE00": NUM})}),
    "skinModel": obj({"fitDeltaE00": NUM, "inGamut": BOOL, "advice": STR, "parametersAtBounds": arr(STR),
                      "parameters": obj({"melanosomeFraction": FRACTION, "pheomelaninFraction": FRACTION,
                                         "bloodFraction": FRACTION, "oxygenSaturation": FRACTION,
                                         "dermalScatteringScale": NUM, "epidermisThicknessMM": NUM,
                                         "scatteringPower": NUM, "caroteneMicromolar": NUM}),
                      "melanosomeFraction": FRACTION, "bloodFraction": FRACTION, "dermalScatteringScale": NUM},
                     optional=("advice",)),
    # match
    "paletteIdentity": obj({"id": STR, "vendor": STR, "name": STR, "version": STR,
                            "fingerprint": {"type": "string", "pattern": "^fnv1a64:[0-9a-f]{16}$"}}),
    "runOptions": obj({"years": {"type": "integer", "minimum": 0, "maximum": 50},
                       "sun": {"enum": ["low", "moderate", "high"]}, "smoker": BOOL,
                       "dotDiameterMM": {"type": "number", "exclusiveMinimum": 0},
                       "spacingMM": {"type": "number", "exclusiveMinimum": 0}, "regionOptions": arr(STR)}),
    "hyperpigmentation": obj({
        "risk": {"enum": ["low", "moderate", "high"]},
        "skinType": nullable(obj({"fitzpatrick": ROMAN, "source": {"enum": ["stated", "measured", "unconfirmed"]},
                                  "measured": {"anyOf": [ROMAN, {"type": "null"}]}, "plausible": arr(ROMAN),
                                  "summary": STR})),
        "haloLab": ref("lab"), "haloDeltaE00": NUM, "melaninFactor": {"type": "number", "minimum": 0},
        "haloWidthInRadii": {"type": "number", "minimum": 0}, "weeks": {"type": "integer", "minimum": 0},
        "advice": arr(STR),
        "healing": arr(obj({"week": {"type": "integer", "minimum": 0}, "stubbleLab": ref("lab"),
                            "deltaE00ToSettled": {"type": "number", "minimum": 0}})), "basis": STR,
        "dotDiameterMM": {"type": "number", "exclusiveMinimum": 0}, "spacingMM": {"type": "number", "exclusiveMinimum": 0},
        "coverage": {"type": "number", "minimum": 0, "maximum": 1}},
        optional=("skinType",)),
    "matchFade": obj({"timeline": arr(obj({"year": {"type": "integer", "minimum": 0}, "dotLab": ref("lab"),
                                           "stubbleLab": ref("lab"), "deltaE00ToTarget": NUM_OR_NULL,
                                           "deltaE00ToStart": {"type": "number", "minimum": 0}}), minItems=1),
                      "touchUpYear": {"type": ["integer", "null"]}, "touchUpBasis": {"enum": ["target", "start"]},
                      "touchUpYears": NUM_OR_NULL, "touchUpMonths": {"type": ["integer", "null"]}}),
    # palette validate
    "paletteProblem": obj({"severity": {"enum": ["error", "warning"]}, "pigment": {"type": ["string", "null"]},
                           "code": {"enum": ["malformedJSON", "overLimit", "notStrictJSON", "schema", "duplicateId",
                                             "reservedId", "nonFinite", "negative", "outOfRange", "spectrumLength",
                                             "missingDiluent", "noPigments", "underivable", "tintDoesNotLighten",
                                             "nearDuplicate", "missingLightfastness", "missingClass",
                                             "lowConfidenceOptics"]},
                           "message": STR}),
    "coverage": obj({"targets": {"type": "integer", "minimum": 0}, "matched": {"type": "integer", "minimum": 0},
                     "thresholdDeltaE00": NUM,
                     "unreached": arr(obj({"hair": STR, "skin": ITA_CATEGORY, "deltaE00": NUM_OR_NULL}))}),
}

ANALYSIS_PROPS = {
    "photo": ref("photo"), "skin": ref("skin"), "hair": nullable(ref("hair")), "clusters": arr(ref("cluster")),
    "confidence": FRACTION, "warnings": arr(STR), "calibration": ref("calibration"), "roles": ref("roles"),
}
DEFS["analysis"] = obj(ANALYSIS_PROPS)
MATCH_PROPS = {
    "schemaVersion": SCHEMA_VERSION_PROP, "palette": ref("paletteIdentity"), "options": ref("runOptions"),
    "analysis": ref("analysis"), "target": ref("target"), "warnings": arr(STR), "blend": ref("blend"),
    "contrast": ref("contrast"), "reach": nullable(ref("reach")), "hyperpigmentation": ref("hyperpigmentation"),
    "fade": ref("matchFade"), "skinModel": ref("skinModel")}
DEFS["match"] = obj(MATCH_PROPS)

VALIDATION_PROPS = {"valid": BOOL, "problems": arr(ref("paletteProblem")), "coverage": nullable(ref("coverage"))}

OUTPUTS = {
    "inspect": ("`pigmatch inspect PHOTO --json` (JSONContract.InspectOutput)", obj({
        "schemaVersion": SCHEMA_VERSION_PROP, "path": STR, "format": {"enum": ["png", "jpeg", "heif", "avif"]},
        "width": {"type": "integer", "minimum": 1}, "height": {"type": "integer", "minimum": 1},
        "bitDepth": {"enum": [8, 16]}, "channels": {"type": "integer", "minimum": 1, "maximum": 4}, "colorProfile": STR,
        "orientation": {"type": "integer", "minimum": 1, "maximum": 8}, "meanLab": nullable(ref("lab"))})),
    "color": ("`pigmatch color COLOUR [COLOUR] --json` (JSONContract.ColorOutput)", {
        **obj({"schemaVersion": SCHEMA_VERSION_PROP,
               "colors": arr(obj({"input": STR, "lab": ref("lab"), "lch": arr(NUM, minItems=3, maxItems=3),
                                  "hex": ref("hex"), "ita": NUM, "itaCategory": ITA_CATEGORY}), minItems=1, maxItems=2),
               "deltaE00": {"type": "number", "minimum": 0}, "deltaE76": {"type": "number", "minimum": 0}},
              optional=("deltaE00", "deltaE76")),
        "dependentRequired": {"deltaE00": ["deltaE76"], "deltaE76": ["deltaE00"]}}),
    "analyze": ("`pigmatch analyze PHOTO --json` (JSONContract.Analysis, top level)",
                obj({"schemaVersion": SCHEMA_VERSION_PROP, **ANALYSIS_PROPS})),
    "palette-show": ("`pigmatch palette show FILE --json` (JSONContract.PaletteShowOutput)", obj({
        "schemaVersion": SCHEMA_VERSION_PROP,
        "pigments": arr(obj({"id": STR, "name": STR, "class": {"type": ["string", "null"]}, "lab": ref("lab"),
                             "hex": ref("hex")}), minItems=1)})),
    "palette-validate": ("`pigmatch palette validate FILE --json`, one file (JSONContract.PaletteValidateOutput)",
                         obj({"schemaVersion": SCHEMA_VERSION_PROP, **VALIDATION_PROPS})),
    "palette-validate-many": ("`pigmatch palette validate FILE FILE… --json`, several files "
                              "(JSONContract.PaletteValidateManyOutput)", obj({
        "schemaVersion": SCHEMA_VERSION_PROP, "valid": BOOL,
        "files": arr(obj({"file": STR, **VALIDATION_PROPS}), minItems=2)})),
    "mix": ("`pigmatch mix --palette FILE --recipe … --json` (JSONContract.MixOutput)", obj({
        "schemaVersion": SCHEMA_VERSION_PROP, "dotLab": ref("lab"), "stubbleLab": ref("lab"),
        "skinModel": ref("skinModel")}, optional=("skinModel",))),
    "fade": ("`pigmatch fade --palette FILE --recipe … --json` (JSONContract.FadeOutput)", obj({
        "schemaVersion": SCHEMA_VERSION_PROP,
        "timeline": arr(obj({"year": {"type": "integer", "minimum": 0}, "dotLab": ref("lab"),
                             "deltaE00ToStart": {"type": "number", "minimum": 0}}), minItems=1),
        "touchUpYear": {"type": ["integer", "null"]}, "touchUpYears": NUM_OR_NULL,
        "touchUpMonths": {"type": ["integer", "null"]}, "skinModel": ref("skinModel")}, optional=("skinModel",))),
    "blend": ("`pigmatch blend --palette FILE (--hair-lab | --target-lab) … --json` (JSONContract.BlendOutput)", obj({
        "schemaVersion": SCHEMA_VERSION_PROP, "target": ref("target"), "blend": ref("blend"),
        "contrast": ref("contrast"), "reach": nullable(ref("reach")), "skinModel": ref("skinModel")},
        optional=("skinModel",))),
    "match": ("`pigmatch match PHOTO --palette FILE --json` (JSONContract.MatchOutput)", ref("match")),
    "batch-line": ("one line of `pigmatch batch … -o results.jsonl`: a result line (`photo`, then the `match` "
                   "object's keys; JSONContract.BatchResultLine) or an error line (JSONContract.BatchErrorLine)", {
        "oneOf": [
            obj({"photo": STR, **MATCH_PROPS}),
            obj({"photo": STR, "schemaVersion": SCHEMA_VERSION_PROP, "error": STR}),
        ]}),
}

def refs_in(node, found):
    if isinstance(node, dict):
        r = node.get("$ref")
        if r and r.startswith("#/$defs/"):
            name = r[len("#/$defs/"):]
            if name not in found:
                found.add(name)
                refs_in(DEFS[name], found)
        for v in node.values():
            refs_in(v, found)
    elif isinstance(node, list):
        for v in node:
            refs_in(v, found)

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for name, (what, body) in OUTPUTS.items():
        used = set()
        refs_in(body, used)
        schema = {"$schema": DIALECT, "$id": BASE + name + ".schema.json",
                  "title": "pigmatch " + name.replace("-", " ") + " output, JSON schemaVersion " + str(SCHEMA_VERSION),
                  "description": what + ". Written by hand from the contract model in "
                  "Sources/PigmentMatch/Contract/ (generated by schemas/generate_schemas.py); "
                  "checked against real outputs on every Sample by Tests/pigmatchTests/JSONSchemaTests.swift."}
        schema.update(body)
        if used:
            schema["$defs"] = {k: DEFS[k] for k in sorted(used)}
        with open(os.path.join(here, name + ".schema.json"), "w") as f:
            json.dump(schema, f, indent=2, ensure_ascii=False)
            f.write("\n")

if __name__ == "__main__":
    main()
