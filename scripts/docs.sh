#!/usr/bin/env bash
# Builds the DocC catalogues of the public modules (Colorimetry, PhotoIO, PigmentMatch) with the
# toolchain's `docc`, from symbol graphs, and fails on any DocC warning (unresolved links, bad
# Topics, …). No swift-docc-plugin: the package manifest stays plugin-free.
#
# Run from anywhere inside the package:   scripts/docs.sh [OUTPUT_DIR]
#   OUTPUT_DIR defaults to .build/docs; each module becomes OUTPUT_DIR/<Module>.doccarchive
#   (browse one with `docc preview Sources/<Module>/<Module>.docc --additional-symbol-graph-dir …`).
# Needs: swift and docc on PATH (docc ships with the Swift toolchain, e.g. /opt/swift/usr/bin/docc).
#
# Steps, exactly the checks run for the docs branch:
#   1. `swift package dump-symbol-graph --minimum-access-level public` (builds the package in debug
#      if needed, then extracts one symbol graph per module, with extensions as Module@Other files);
#   2. per module, copy its own symbol graphs into a private directory (so a catalogue sees only
#      its module, as it would in a plugin build);
#   3. `docc convert <catalogue> --additional-symbol-graph-dir <dir> --warnings-as-errors`.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build/docs}"
command -v docc >/dev/null || { echo "docs.sh: docc not found on PATH" >&2; exit 2; }

# dump-symbol-graph also tries the test-only module PigmentMatchPackageTests, which cannot be
# loaded on Linux, and then exits non-zero: so judge it by the graphs it had to write, freshly.
graphs="$(dirname "$(swift build --show-bin-path)")/symbolgraph"
rm -rf "$graphs"
log=$(swift package dump-symbol-graph --minimum-access-level public 2>&1) || true
for module in Colorimetry PhotoIO PigmentMatch; do
  [ -f "$graphs/$module.symbols.json" ] || {
    printf '%s\n' "$log" >&2
    echo "docs.sh: no symbol graph for $module in $graphs" >&2
    exit 1
  }
done

mkdir -p "$out"
status=0
for module in Colorimetry PhotoIO PigmentMatch; do
  dir=$(mktemp -d)
  cp "$graphs/$module.symbols.json" "$dir/"
  for extension in "$graphs/$module@"*.symbols.json; do
    [ -e "$extension" ] && cp "$extension" "$dir/"
  done
  echo "== $module"
  if ! docc convert "Sources/$module/$module.docc" \
    --additional-symbol-graph-dir "$dir" \
    --fallback-display-name "$module" \
    --fallback-bundle-identifier "org.pigmentmatch.$module" \
    --output-path "$out/$module.doccarchive" \
    --warnings-as-errors; then
    status=1
  fi
  rm -rf "$dir"
done
[ "$status" -eq 0 ] && echo "docs.sh: all catalogues built without warnings ($out)"
exit "$status"
