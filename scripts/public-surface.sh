#!/usr/bin/env bash
# Counts the public API of the library modules (Colorimetry, PhotoIO, PigmentMatch), two ways:
#   symbols: declarations in the symbol graph at access level public
#            (`swift package dump-symbol-graph --minimum-access-level public --skip-synthesized-members`,
#            the module's own graph plus its Module@Other extension graphs; what DocC and a linking
#            tool see: types, cases, properties, initialisers, methods, operators);
#   grep:    source lines declaring something `public` (`public`, `public private(set)`,
#            `@inlinable public` …; open counts too), a rough check that needs no build.
# Run from anywhere inside the package:   scripts/public-surface.sh [--grep-only]
set -euo pipefail
cd "$(dirname "$0")/.."
modules="Colorimetry PhotoIO PigmentMatch"
grep_count() { grep -rhE '^\s*(@[A-Za-z]+(\([^)]*\))?\s+)*(public|open)\s' "Sources/$1" --include='*.swift' | wc -l; }
if [ "${1:-}" = "--grep-only" ]; then
  for m in $modules; do printf '%-13s grep %4d\n' "$m" "$(grep_count "$m")"; done
  exit 0
fi
graphs="$(dirname "$(swift build --show-bin-path)")/symbolgraph"
rm -rf "$graphs"
swift package dump-symbol-graph --minimum-access-level public --skip-synthesized-members >/dev/null 2>&1 || true
total=0
for m in $modules; do
  [ -f "$graphs/$m.symbols.json" ] || { echo "public-surface.sh: no symbol graph for $m" >&2; exit 1; }
  n=$(python3 -c '
import json, sys
count = 0
for path in sys.argv[1:]:
    for s in json.load(open(path))["symbols"]:
        if s.get("accessLevel") in ("public", "open") and "::SYNTHESIZED::" not in s["identifier"]["precise"]:
            count += 1
print(count)' "$graphs/$m.symbols.json" $(ls "$graphs/$m@"*.symbols.json 2>/dev/null || true))
  total=$((total + n))
  printf '%-13s symbols %4d   grep %4d\n' "$m" "$n" "$(grep_count "$m")"
done
printf '%-13s symbols %4d\n' total "$total"
