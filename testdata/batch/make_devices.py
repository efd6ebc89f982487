#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Writes the 20 device exports of the batch end-to-end tests (deterministic). The people and
# numbers are those of testdata/audit (make_scenario.py), so its consent.csv and withdrawal.csv
# apply. Run from this folder; the outputs are committed, so tests never run this script.
import os

given = ["Anton", "Berta", "Carl", "Doris", "Emil", "Frieda", "Gustav", "Hanna", "Ida", "Jakob",
         "Karla", "Ludwig", "Marta", "Nils", "Olga", "Paul", "Quirin", "Rosa", "Simon", "Tilda",
         "Udo", "Vera", "Willi", "Xenia", "Yvonne"]
companies = ["Stadtwerke Nordheim GmbH", "Acme Maschinenbau AG", "Nordlicht Logistik GmbH",
             "Contoso Software GmbH", "Elektro Weiss KG"]
domains = ["stadtwerke-nordheim.de", "acme-maschinenbau.de", "nordlicht-logistik.de",
           "contoso-software.de", "elektro-weiss.de"]
family = ["Mama", "Papa", "Oma Erna", "Opa Kurt", "Tante Gisela", "Onkel Heinz", "Lisa", "Max"]


def mobile(i):
    return f"0151 {20000000 + i:08d}"


def business(n):
    i = n - 1
    c = i % 5
    return ["BEGIN:VCARD", "VERSION:3.0", f"N:Geschaeft{n:02d};{given[i]};;;",
            f"FN:{given[i]} Geschaeft{n:02d}", f"ORG:{companies[c]}",
            f"EMAIL;TYPE=WORK:{given[i].lower()}.g{n:02d}@{domains[c]}",
            f"TEL;TYPE=CELL:{mobile(n)}", "CATEGORIES:Kunden", "END:VCARD"]


def private_vcf(k):
    return ["BEGIN:VCARD", "VERSION:3.0", f"FN:{family[k]}", f"EMAIL;TYPE=HOME:privat{k}@gmx.de",
            f"TEL;TYPE=CELL:{mobile(100 + k)}", "CATEGORIES:Familie", "END:VCARD"]


def write(path, lines, crlf=True):
    with open(path, "w", newline="\r\n" if crlf else "\n") as f:
        f.write("\n".join(lines) + "\n")


for d in range(1, 21):
    folder = f"devices/{'ios' if d <= 10 else 'android'}/dev{d:02d}"
    os.makedirs(folder, exist_ok=True)
    # Eight business contacts per device, overlapping heavily between devices.
    numbers = [((d * 3 + j) % 25) + 1 for j in range(8)]
    work = []
    for n in numbers:
        work += business(n)
    write(f"{folder}/work.vcf", work)
    privates = [(d + j) % len(family) for j in range(3)]
    if d % 2 == 0:  # Every second device exports its private book as Google CSV.
        rows = ["First Name,Last Name,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,"
                "Phone 1 - Value,Labels"]
        for k in privates:
            rows.append(f"{family[k]},,Home,privat{k}@gmx.de,Mobile,{mobile(100 + k)},Familie")
        write(f"{folder}/personal.csv", rows, crlf=False)
    else:
        lines = []
        for k in privates:
            lines += private_vcf(k)
        write(f"{folder}/personal.vcf", lines)
