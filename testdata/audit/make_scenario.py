#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Writes the 40-contact Android scenario of the audit end-to-end tests (deterministic).
# Run from this folder; the outputs are committed, so tests never run this script.
companies = ["Stadtwerke Nordheim GmbH", "Acme Maschinenbau AG", "Nordlicht Logistik GmbH",
             "Contoso Software GmbH", "Elektro Weiss KG"]
domains = ["stadtwerke-nordheim.de", "acme-maschinenbau.de", "nordlicht-logistik.de",
           "contoso-software.de", "elektro-weiss.de"]
given = ["Anton", "Berta", "Carl", "Doris", "Emil", "Frieda", "Gustav", "Hanna", "Ida", "Jakob",
         "Karla", "Ludwig", "Marta", "Nils", "Olga", "Paul", "Quirin", "Rosa", "Simon", "Tilda",
         "Udo", "Vera", "Willi", "Xenia", "Yvonne"]
private_given = ["Mama", "Papa", "Oma Erna", "Opa Kurt", "Tante Gisela", "Onkel Heinz", "Lisa",
                 "Max", "Nachbar Peter", "Nachbarin Ute", "Sophie", "Timo", "Jana", "Lukas",
                 "Bruder Felix"]


def mobile(i):
    return f"0151 {20000000 + i:08d}"


def landline(i):
    return f"030 {2312500 + i:07d}"


def e164_mobile(i):
    return f"+49151{20000000 + i:08d}"


work = []
for i in range(25):
    n = i + 1
    company = i % 5
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:Geschaeft{n:02d};{given[i]};;;",
             f"FN:{given[i]} Geschaeft{n:02d}", f"ORG:{companies[company]}",
             f"EMAIL;TYPE=WORK:{given[i].lower()}.g{n:02d}@{domains[company]}",
             f"TEL;TYPE=CELL:{mobile(n)}"]
    if n >= 21:
        lines.append(f"TEL;TYPE=WORK:{landline(n)}")
    lines += ["CATEGORIES:Kunden", "END:VCARD"]
    work += lines

personal = []
for i in range(15):
    n = 100 + i + 1
    number = mobile(n) if i != 14 else mobile(13)  # "Bruder Felix" shares contact 13's number.
    personal += ["BEGIN:VCARD", "VERSION:3.0", f"FN:{private_given[i]}",
                 f"EMAIL;TYPE=HOME:privat{n}@gmx.de", f"TEL;TYPE=CELL:{number}",
                 "CATEGORIES:Familie", "END:VCARD"]

with open("android-work.vcf", "w", newline="\r\n") as f:
    f.write("\n".join(work) + "\n")
with open("android-personal.vcf", "w", newline="\r\n") as f:
    f.write("\n".join(personal) + "\n")

rows = ["Name;Mobil;Telefon;Beziehung;Entscheidung;Datum;Formular-ID;Textversion;Form;Gültig bis"]
for n in range(1, 11):  # Contacts 1-10: valid consent for their only number.
    rows.append(f"{given[n-1]} Geschaeft{n:02d};{mobile(n)};;Kunde;erteilt;10.01.2026;A-{n:02d};1;Papier;")
# Contact 11: given, then withdrawn on 01.09.2026.
rows.append(f"{given[10]} Geschaeft11;{mobile(11)};;Kunde;erteilt;10.01.2026;A-11;1;Papier;")
# Contact 12: given with a validity that ended on 30.06.2026.
rows.append(f"{given[11]} Geschaeft12;{mobile(12)};;Kunde;erteilt;10.01.2026;A-12;1;Papier;30.06.2026")
# Contacts 21-25: consent for the mobile number only; the work landline has none.
for n in range(21, 26):
    rows.append(f"{given[n-1]} Geschaeft{n:02d};{mobile(n)};;Kunde;erteilt;10.01.2026;A-{n:02d};1;Papier;")
with open("consent.csv", "w") as f:
    f.write("\n".join(rows) + "\n")
# The withdrawal arrives later, in a file of its own (recorded on its own day).
with open("withdrawal.csv", "w") as f:
    f.write(rows[0] + "\n" + f"{given[10]} Geschaeft11;{mobile(11)};;Kunde;widerrufen;01.09.2026;A-11;1;E-Mail;\n")
