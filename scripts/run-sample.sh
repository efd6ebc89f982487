#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The main job on the sample data: seed a consent ledger from HR's sample consent forms, then
# audit Anna's iPhone (testdata/sample/) and write HTML, PDF, JSON and CSV reports to
# reports/out/. The sample is non-compliant by design: the script exits 0 when the audit ran
# and wrote its reports (audit exit code 0 or 1) and passes on 2 (input error) or 3 (failure).
set -euo pipefail
cd "$(dirname "$0")/.."
binary=build/release/contact-audit
out=reports/out
mkdir -p "$out"
chmod 700 "$out"
ledger="$out/sample-ledger.sqlite"

# A fresh ledger each run, so the sample always shows the same picture.
rm -f "$ledger" "$ledger-wal" "$ledger-shm"
"$binary" consent import testdata/sample/einwilligungen.csv --by hr-sample --ledger "$ledger"

status=0
"$binary" audit --device testdata/sample/iphone-anna.toml --ledger "$ledger" \
  --company "Beispiel AG" --lang "${CONTACT_AUDIT_LANG:-de}" \
  --report "$out/sample-audit.html" --report "$out/sample-audit.pdf" \
  --json "$out/sample-audit.json" --csv "$out/sample-audit.csv" || status=$?

case $status in
  0) echo "run-sample: compliant; reports in $out/" ;;
  1) echo "run-sample: non-compliant uploads found (expected for the sample); reports in $out/" ;;
  *) echo "run-sample: the audit failed with exit code $status" >&2
     exit "$status" ;;
esac
