#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Benchmark of `contact-audit batch`: 1,000 devices x 500 contacts with heavy overlap of numbers
# between devices (colleagues and customers appear in many books), a ledger with consent for a
# third of them. Measures wall time, CPU time (user+sys)/wall and peak RSS with GNU time for
#   1. per-device JSON + combined JSON, HTML and PDF (the target: < 10 s, < 200 MB), and
#   2. the same plus per-device PDF reports.
# Usage: bench/batch_bench.py BINARY [--devices N] [--contacts N] [--people N] [--work DIR]
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

FIRST = ["Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hannes", "Ida", "Jonas",
         "Katrin", "Lukas", "Mia", "Noah", "Olivia", "Paul", "Rita", "Stefan", "Tina", "Uwe"]
LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
        "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz"]


def person(i):
    kind = "colleague" if i % 10 == 0 else ("customer" if i % 3 else "private")
    name = f"{FIRST[i % len(FIRST)]} {LAST[(i // 7) % len(LAST)]} {i}"
    number = f"0151 {30000000 + i:08d}" if i % 4 else f"030 {4000000 + i:07d}"
    if kind == "colleague":
        return name, number, "Muster Vertrieb GmbH", f"p{i}@muster-vertrieb.example"
    if kind == "customer":
        return name, number, f"Kunde {i % 300} GmbH", f"p{i}@kunde{i % 300}.example"
    return name, number, "", f"p{i}@gmx.de"


def write_devices(root, devices, contacts, people):
    rng = random.Random(7)
    # A skewed choice: a core of colleagues and key customers is in nearly every book.
    weights = [1.0 / (1 + i / 200) for i in range(people)]
    for d in range(devices):
        folder = os.path.join(root, "devices", f"phone{d:04d}")
        os.makedirs(folder, exist_ok=True)
        chosen = set()
        while len(chosen) < contacts:
            chosen.update(rng.choices(range(people), weights, k=contacts - len(chosen)))
        with open(os.path.join(folder, "work.vcf"), "w", newline="\r\n") as out:
            for i in sorted(chosen):
                name, number, org, email = person(i)
                out.write(f"BEGIN:VCARD\nVERSION:3.0\nFN:{name}\n")
                if org:
                    out.write(f"ORG:{org}\n")
                out.write(f"EMAIL:{email}\nTEL;TYPE=CELL:{number}\nEND:VCARD\n")


def write_consents(path, people):
    with open(path, "w") as out:
        out.write("Name;Mobil;Telefon;Beziehung;Entscheidung;Datum;Formular-ID;Textversion;Form;Gültig bis\n")
        for i in range(0, people, 3):
            name, number, _, _ = person(i)
            out.write(f"{name};{number};;Kunde;erteilt;10.01.2026;F-{i};1;Papier;\n")


def write_config(root, device_formats):
    profile = os.path.join(root, "ios.toml")
    with open(profile, "w") as out:
        out.write('[device]\nid = "ios-default"\nname = "iPhone"\nplatform = "ios"\n'
                  '[messenger]\nid = "whatsapp"\nlocation = "unmanaged"\n'
                  '[[address_book]]\nname = "Exchange"\naccount = "managed"\nfiles = ["work.vcf"]\n')
    config = os.path.join(root, "batch.toml")
    with open(config, "w") as out:
        out.write('[company]\nname = "Muster Vertrieb GmbH"\ndomains = ["muster-vertrieb.example"]\n'
                  '[audit]\nledger = "ledger.sqlite"\n'
                  '[output]\ndirectory = "reports"\nlanguages = ["de"]\n'
                  f'formats = ["json", "html", "pdf"]\ndevice_formats = {device_formats}\n'
                  'keep_runs = 3\n'
                  '[[source]]\ndevices = "devices/*"\nprofile = "ios.toml"\n'
                  '[source.accounts]\n"work.*" = "managed"\n')
    return config


def measure(binary, config, label, contacts_total):
    result = subprocess.run(["/usr/bin/time", "-v", binary, "batch", "--config", config, "--quiet"],
                            capture_output=True, text=True)
    stats = result.stderr
    def field(name):
        return re.search(re.escape(name) + r": (.*)", stats).group(1).strip()
    wall_text = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(p) for p in wall_text.split(":")]
    wall = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss_mb = int(field("Maximum resident set size (kbytes)")) / 1024
    print(f"{label}: exit {result.returncode}, wall {wall:.2f} s, cpu {cpu:.2f} s "
          f"(utilisation {cpu / wall:.2f} cores), peak RSS {rss_mb:.0f} MB, "
          f"{contacts_total / wall:,.0f} contacts/s")
    if result.returncode not in (0, 1):
        print(stats, file=sys.stderr)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--devices", type=int, default=1000)
    parser.add_argument("--contacts", type=int, default=500)
    parser.add_argument("--people", type=int, default=20000)
    parser.add_argument("--work")
    args = parser.parse_args()
    root = args.work or tempfile.mkdtemp(prefix="batch-bench-")
    os.makedirs(root, exist_ok=True)
    if not os.path.isdir(os.path.join(root, "devices")):
        write_devices(root, args.devices, args.contacts, args.people)
        write_consents(os.path.join(root, "consent.csv"), args.people)
        subprocess.run([args.binary, "consent", "import", os.path.join(root, "consent.csv"), "--by",
                        "bench", "--ledger", os.path.join(root, "ledger.sqlite")],
                       check=True, capture_output=True, env=dict(os.environ, CONTACT_AUDIT_NOW="2026-02-01T09:00:00Z"))
    total = args.devices * args.contacts
    print(f"{args.devices} devices x {args.contacts} contacts = {total:,} contacts, "
          f"{args.people:,} distinct people; {os.cpu_count()} cores")
    measure(args.binary, write_config(root, '["json"]'), "per-device JSON + combined JSON/HTML/PDF", total)
    measure(args.binary, write_config(root, '["json"]'), "same, second run (with change since the first)", total)
    measure(args.binary, write_config(root, '["json", "pdf"]'), "per-device JSON + PDF + combined", total)
    if not args.work:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
