#!/usr/bin/env bash
# Soak and leak checks (issue 8): decode and analyse every photo in Samples/ and
# ../shared/testdata/photos many times in one process.
#   1. release build, PASSES passes (default 1000): resident memory per pass must stay flat;
#   2. address-sanitizer build (LeakSanitizer at exit), LSAN_PASSES passes (default 20): no leak;
#   3. valgrind memcheck, 1 pass: no definitely/indirectly lost blocks (C codecs included).
# Usage: scripts/soak.sh [PASSES] [LSAN_PASSES]
set -euo pipefail
cd "$(dirname "$0")/.."
passes=${1:-1000}
lsan_passes=${2:-20}
mkdir -p soak-out

echo "== 1. memory curve: $passes passes (release)"
swift build -c release --product pigmatch-bench >/dev/null
.build/release/pigmatch-bench soak --passes "$passes" | tee soak-out/curve.txt

echo "== 2. LeakSanitizer: $lsan_passes passes (address-sanitizer build)"
swift build -c release --product pigmatch-bench --scratch-path .build-asan \
  -Xswiftc -sanitize=address -Xcc -fsanitize=address 2>&1 | grep -v "Cannot export local symbol" >/dev/null || true
ASAN_OPTIONS=detect_leaks=1 .build-asan/release/pigmatch-bench soak --passes "$lsan_passes" >soak-out/lsan.txt 2>&1 &&
  echo "LeakSanitizer: no leak reported" || { echo "LeakSanitizer reported a problem:"; tail -40 soak-out/lsan.txt; exit 1; }
cat soak-out/lsan.txt | head -5

echo "== 3. valgrind memcheck: 1 pass"
# valgrind 3.19 cannot read the toolchain's DWARF 5 debug info: run a stripped copy.
cp .build/release/pigmatch-bench soak-out/pigmatch-bench-stripped && strip soak-out/pigmatch-bench-stripped
valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=3 \
  soak-out/pigmatch-bench-stripped soak --passes 1 >soak-out/valgrind.txt 2>&1 &&
  echo "valgrind: no definite or indirect leak, no memory error" || { echo "valgrind found errors:"; grep -A20 "ERROR SUMMARY\|definitely lost\|Invalid" soak-out/valgrind.txt | head -40; exit 1; }
grep -E "definitely lost|indirectly lost|possibly lost|ERROR SUMMARY" soak-out/valgrind.txt
