#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Build the libFuzzer targets (preset "fuzz": clang, ASan+UBSan) and run each for a while
# on a copy of its seed corpus in testdata/fuzz/<target>/. New corpus entries and crash
# inputs stay in the work folder (build/fuzz-work/<target>/ unless FUZZ_WORK says
# otherwise); add a crash input to testdata/fuzz/<target>/ by hand once it is fixed.
# Prints executions and coverage per target; fails when any target finds a problem.
# Usage: bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default: 60, all five)
# Environment: FUZZ_WORK (work folder), FUZZ_SKIP_BUILD=1 (use the existing build).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then
  targets=(vcard csv rules device_profile consent_forms)
fi
work="${FUZZ_WORK:-build/fuzz-work}"

if [[ "${FUZZ_SKIP_BUILD:-0}" != 1 ]]; then
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz
fi

# Bounds per target: large inputs slow every execution without finding more.
max_len() {
  case "$1" in
    vcard | csv) echo 16384 ;;
    rules) echo 32768 ;;
    *) echo 8192 ;;
  esac
}

failed=()
printf '%-15s %8s %12s %8s %8s %8s  %s\n' target seconds executions exec/s cov ft result
for target in "${targets[@]}"; do
  binary="build/fuzz/tests/fuzz/fuzz_${target}"
  seeds="testdata/fuzz/${target}"
  [[ -x "$binary" && -d "$seeds" ]] || { echo "fuzz: unknown target ${target}" >&2; exit 2; }
  dir="${work}/${target}"
  mkdir -p "${dir}/corpus" "${dir}/artifacts"
  cp -n "${seeds}"/* "${dir}/corpus/"
  log="${dir}/fuzz-$(date -u +%Y%m%dT%H%M%S).log"
  status=0
  # libFuzzer writes crash, leak, timeout and out-of-memory inputs to artifacts/. The
  # timeout is generous because a loaded machine (CI, nice -n 19) can stall a 0.1 s input.
  "$binary" -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=30 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="${dir}/artifacts/" \
    "${dir}/corpus" >"$log" 2>&1 || status=$?
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  result=ok
  if ((status != 0)); then
    result="FAILED (see ${log})"
    failed+=("$target")
    grep -E 'ERROR: |invariant|SUMMARY' "$log" | head -n 5 >&2 || true
  fi
  printf '%-15s %8s %12s %8s %8s %8s  %s\n' "$target" "$seconds" "${executions:-?}" \
    "${speed:-?}" "${cov:-?}" "${ft:-?}" "$result"
done
if ((${#failed[@]})); then
  echo "fuzz: ${failed[*]} found a problem; the inputs are in ${work}/<target>/artifacts/." >&2
  exit 1
fi
