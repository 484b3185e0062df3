#!/usr/bin/env bash
# Builds the libFuzzer targets (address sanitizer) and runs each for a given time with a seed corpus
# from ../shared/testdata and Samples/. Crashes land in fuzz-out/TARGET/crashes/; copy each into
# Tests/FuzzRegressionTests/Inputs/TARGET/ so it becomes a regression test.
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]   (default 60 s, every target)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
all=(png jpeg pngshape jpegscans heif icc colour palette palette-structure recipe roi)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
testdata=../shared/testdata

bin=.build-fuzz/release/pigmatch-fuzz
rm -f "$bin"
# gold warns "Cannot export local symbol '__asan_extra_spill_area'" on every link: benign, filtered.
if ! swift build -c release --product pigmatch-fuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xcc -fsanitize=fuzzer-no-link,address \
  >fuzz-build.log 2>&1 || [ ! -x "$bin" ]; then
  grep -v "Cannot export local symbol" fuzz-build.log >&2
  echo "fuzz.sh: the fuzz build failed" >&2
  exit 1
fi

# Seeds: libFuzzer reads directories non-recursively, so gather each target's files in one place.
seed() {
  local target=$1 dir=fuzz-out/$1/seeds
  rm -rf "$dir" && mkdir -p "$dir"
  case $target in
    png) find "$testdata/pngsuite/png" Samples -name '*.png' -exec cp {} "$dir" \; 2>/dev/null || true ;;
    jpeg) find "$testdata/jpeg" Samples \( -name '*.jpg' -o -name '*.jpeg' \) -size -200k -exec cp --backup=numbered {} "$dir" \; 2>/dev/null || true ;;
    heif) find Tests/PhotoIOTests/Fixtures/heif -maxdepth 1 \( -name '*.heic' -o -name '*.avif' \) -exec cp {} "$dir" \; ;;
    icc) cp "$testdata"/jpeg/libjpeg-turbo/*.icc "$dir" ;;
    # Structured targets (StructuredInputs): a few hand-picked parameter bytes; the fuzzer grows them.
    pngshape) printf '\x01\x00\x01\x10\x00\x02\x10\x00\x02\x02\x00\x08ABCDEFGH\x01\x00' >"$dir/rgb-interlaced"
              printf '\x00\x04\x00\xff\xff\x00\x01\x00\x01\x00' >"$dir/wide-grey16" ;;
    jpegscans) printf '\x03\x01\xff\x00\x00\x0d\x00\x01\x7f' >"$dir/many-scans"
               printf '\x01\x00\x03\x00\x00\x00\x01\x7f\x01\x3f\x00\x01\x7f' >"$dir/three-scans" ;;
    colour) printf '#8d5524' >"$dir/hex"; printf '50,10,20' >"$dir/lab"; printf ' 62.5 , 14 , -3 ' >"$dir/spaces" ;;
    palette) cp Palettes/*.json Tests/PigmentMatchTests/Fixtures/broken-palettes/*.json "$dir" ;;
    palette-structure) cp Tests/FuzzRegressionTests/Inputs/palette-structure/* "$dir" ;;
    roi) printf '10,20,300,400' >"$dir/a"; printf ' 0 , 0 , 1 , 1 ' >"$dir/b"; printf '-1,5,1e9,nan' >"$dir/c" ;;
    recipe) printf 'carbon-base=0.2,water=0.8' >"$dir/a"; printf 'io-black=0.5,io-warm-red=0.1,water=0.4' >"$dir/b" ;;
  esac
  echo "$dir"
}

status=0
printf '%-18s %12s %8s %8s %s\n' target executions cov ft crashes
for target in "${targets[@]}"; do
  seeds=$(seed "$target")
  mkdir -p "fuzz-out/$target/corpus" "fuzz-out/$target/crashes"
  log=fuzz-out/$target/log.txt
  PIGMATCH_FUZZ_TARGET=$target "$bin" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    -artifact_prefix="fuzz-out/$target/crashes/" -print_final_stats=1 \
    "fuzz-out/$target/corpus" "$seeds" >"$log" 2>&1 || true
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  if [ -z "$execs" ] || [ "$execs" -eq 0 ]; then
    echo "fuzz.sh: $target ran no input (see $log)" >&2
    status=1
  fi
  last=$(grep -E '^#[0-9]+.*cov:' "$log" | tail -1)
  cov=$(echo "$last" | grep -o 'cov: [0-9]*' | grep -o '[0-9]*' || true)
  ft=$(echo "$last" | grep -o 'ft: [0-9]*' | grep -o '[0-9]*' || true)
  crashes=$(find "fuzz-out/$target/crashes" -type f | wc -l)
  printf '%-18s %12s %8s %8s %s\n' "$target" "$execs" "${cov:-?}" "${ft:-?}" "$crashes"
done
exit $status
