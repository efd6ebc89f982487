#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Writes the classifier's labelled set (testdata/classify/*.vcf, *.csv, labels.csv) from the
# hand-written contacts below. Every contact is written on purpose, with the reason for its label.
# Run it from anywhere; it overwrites the files beside it. The phone numbers are made up: mobile
# numbers come from a counter in the 0151 2xx range, landlines from real area codes with made-up
# subscriber numbers, so nothing here belongs to a real person.
#
# The setting: Nordlicht Logistik GmbH, Bremen (nordlicht-logistik.de, sister company
# nordlicht-group.com, direct-dial range 0421 55590-xx). testdata/classify/rules/company.toml is the
# company's rule file with these domains, its number range and some customer/supplier domains.
#
# Labels: "business" = the contact is kept for the company's purposes (colleague, customer,
# supplier, partner, authority, service provider of the company), so the company is controller
# and consent is needed; "private" = kept for the employee's personal life (family, friends,
# neighbours, clubs, own doctor, own craftsman). Clarity: "clear" when the address book itself
# shows it (a DPO would label it so without asking), "hard" when only outside knowledge
# (given in the reason) decides it.

import csv
import io
import itertools
import os

HERE = os.path.dirname(os.path.abspath(__file__))

_mobile_counter = itertools.count(22000101)
_landline_counter = itertools.count(310517)
_mobile_prefixes = ["0151", "0160", "0170", "0171", "0176", "0152", "0157", "0162", "0172", "0175"]


def M(style=0):
    """A new German mobile number, written in one of the ways people write them."""
    n = next(_mobile_counter)
    prefix = _mobile_prefixes[n % len(_mobile_prefixes)]
    digits = str(n).rjust(8, "0")[-8:]
    return [
        f"{prefix} {digits}",
        f"+49 {prefix[1:]} {digits}",
        f"{prefix}/{digits[:4]} {digits[4:]}",
        f"+49{prefix[1:]}{digits}",
        f"{prefix}-{digits[:3]} {digits[3:]}",
    ][style % 5]


def L(area="0421", style=0):
    """A new German landline number in area `area`."""
    n = str(next(_landline_counter))
    return [f"{area} {n}", f"({area}) {n[:3]} {n[3:]}", f"+49 {area[1:]} {n}", f"{area}/{n}"][style % 4]


def CO(ext):
    """A number in Nordlicht's own direct-dial range 0421 55590-xx."""
    return f"0421 55590-{ext:02d}"


CONTACTS = {}  # file name -> list of contacts
CURRENT = None


def file(name, fmt, account=""):
    global CURRENT
    CURRENT = name
    CONTACTS[name] = {"format": fmt, "account": account, "contacts": []}


def c(expected, clarity, reason, fn="", given="", family="", org="", dept="", title="", tel=(),
      mail=(), adr=(), cat=()):
    assert expected in ("business", "private") and clarity in ("clear", "hard"), reason
    CONTACTS[CURRENT]["contacts"].append(dict(
        expected=expected, clarity=clarity, reason=reason, fn=fn, given=given, family=family,
        org=org, dept=dept, title=title, tel=list(tel), mail=list(mail), adr=list(adr),
        cat=list(cat)))


B, P = "business", "private"
CLEAR, HARD = "clear", "hard"

# ---------------------------------------------------------------------------------------------
# 1. Company iPhone of Tim Berger, sales, exported from iOS Contacts (vCard 3.0, Apple style).
#    Private use is allowed, so his family and friends are on it too.
# ---------------------------------------------------------------------------------------------
file("iphone-sales.vcf", "vcard30-apple")
c(B, CLEAR, "colleague: company domain and company direct-dial number", given="Jana", family="Mueller", org="Nordlicht Logistik GmbH", title="Vertriebsinnendienst", tel=[(CO(14), "work")], mail=[("j.mueller@nordlicht-logistik.de", "work")])
c(B, CLEAR, "colleague's private mobile on her business card: all numbers of a business contact count", given="Sandra", family="Kowalski", org="Nordlicht Logistik GmbH", title="Disposition", tel=[(M(), "cell"), (CO(21), "work")], mail=[("s.kowalski@nordlicht-logistik.de", "work")])
c(B, CLEAR, "managing director, company domain", given="Henrik", family="Albers", org="Nordlicht Logistik GmbH", title="Geschäftsführer", tel=[(CO(10), "work"), (M(1), "cell")], mail=[("h.albers@nordlicht-logistik.de", "work")])
c(B, CLEAR, "colleague in the warehouse, only the company domain besides a mobile", given="Dennis", family="Brinkmann", tel=[(M(2), "cell")], mail=[("d.brinkmann@nordlicht-logistik.de", "")])
c(B, CLEAR, "colleague at the sister company (nordlicht-group.com)", given="Femke", family="de Vries", org="Nordlicht Group B.V.", tel=[("+31 10 7654321", "work")], mail=[("f.devries@nordlicht-group.com", "work")])
c(B, CLEAR, "customer: purchasing at Weserfrost, a listed customer domain", given="Birgit", family="Lange", org="Weserfrost Tiefkühl GmbH", title="Einkauf", tel=[(L("0421"), "work"), (M(3), "cell")], mail=[("b.lange@weserfrost.de", "work")], adr=["work"])
c(B, CLEAR, "customer: logistics manager at Kaffeerösterei Hansen", given="Ole", family="Hansen", org="Kaffeerösterei Hansen KG", title="Leiter Logistik", tel=[(L("0471"), "work")], mail=[("ole.hansen@hansen-kaffee.de", "work")])
c(B, CLEAR, "customer contact with organisation, job title and work number", given="Petra", family="Gerdes", org="Nordsee Feinkost GmbH", title="Versandleitung", tel=[(L("04721", 1), "work")], mail=[("gerdes@nordsee-feinkost.de", "work")])
c(B, CLEAR, "customer reached on his mobile, organisation given", given="Jörg", family="Tiedemann", org="Agrarhandel Wümme eG", tel=[(M(4), "cell")])
c(B, CLEAR, "supplier: tyre service, listed supplier domain", given="Marco", family="Brandt", org="Reifen Brandt GmbH", tel=[(L("0421", 2), "work")], mail=[("service@reifen-brandt.de", "work")])
c(B, CLEAR, "supplier: IT service company, organisation and work mail", fn="Systemhaus Meyer Support", org="Systemhaus Meyer GmbH", tel=[(L("0441"), "work")], mail=[("support@systemhaus-meyer.de", "work")])
c(B, CLEAR, "truck workshop the company uses, organisation and service hotline", fn="LKW-Service Ost", org="LKW-Service Ost GmbH", tel=[("0800 5893421", "work")])
c(B, CLEAR, "prospect met at a trade fair, organisation and title", given="Katrin", family="Voss", org="Hafenkontor Bremerhaven GmbH", title="Head of Operations", tel=[(L("0471", 1), "work")], mail=[("k.voss@hafenkontor-bhv.de", "work")])
c(B, CLEAR, "customer's driver, mobile with organisation", given="Andrzej", family="Nowak", org="Weserfrost Tiefkühl GmbH", title="Fahrer", tel=[(M(0), "cell")])
c(B, CLEAR, "freight forwarder partner, company e-mail and work number", given="Thomas", family="Reimers", org="Reimers Spedition GmbH & Co. KG", tel=[(L("04202"), "work")], mail=[("t.reimers@reimers-spedition.de", "work")])
c(B, CLEAR, "customer's accounts department, function name only", fn="Weserfrost Buchhaltung", org="Weserfrost Tiefkühl GmbH", tel=[(L("0421", 3), "work")], mail=[("buchhaltung@weserfrost.de", "work")])
c(B, CLEAR, "authority the company deals with: customs office", fn="Zollamt Bremen", org="Hauptzollamt Bremen", tel=[(L("0421", 1), "work")])
c(B, CLEAR, "colleague on parental leave, company card with home number added", given="Miriam", family="Oltmanns", org="Nordlicht Logistik GmbH", tel=[(L("0421"), "home"), (CO(33), "work")])
c(B, CLEAR, "insurance broker of the company's fleet", given="Uwe", family="Stelljes", org="Stelljes Versicherungsmakler GmbH", title="Makler", tel=[(L("04791"), "work"), (M(1), "cell")], mail=[("stelljes@stelljes-makler.de", "work")])
c(B, HARD, "customer's dispatcher saved with first name and mobile only; he calls about every delivery (known from the sales rep)", fn="Mirko Weserfrost", tel=[(M(2), "cell")])
c(B, HARD, "regular customer, a farmer, saved with freemail and mobile only; Tim knows him from sales", given="Hinrich", family="Wöltjen", tel=[(M(3), "cell")], mail=[("hinrich.woeltjen@t-online.de", "")])
c(B, HARD, "craftsman who repairs the warehouse gates, freemail address but an organisation", given="Klaus", family="Weiß", org="Elektro Weiß", tel=[(M(4), "cell")], mail=[("elektro-weiss@t-online.de", "")])
c(B, CLEAR, "temp agency the company hires drivers from", fn="Zeitarbeit Nord Bremen", org="Zeitarbeit Nord GmbH", tel=[(L("0421", 2), "work")], mail=[("bremen@zeitarbeit-nord.de", "work")])
c(B, CLEAR, "customer in the Netherlands (listed customer domain)", given="Pieter", family="van den Berg", org="Van den Berg Transport B.V.", tel=[("+31 50 3123456", "work")], mail=[("pieter@vandenberg-transport.nl", "work")])
c(B, CLEAR, "colleague, only the work number from the company range and a first name", fn="Kai Lager", tel=[(CO(41), "")])
c(B, CLEAR, "company switchboard saved as 'Zentrale'", fn="Zentrale Nordlicht", tel=[(CO(0), "work")])
c(B, CLEAR, "customer service line of a customer (shared-cost number)", fn="Nordsee Feinkost Hotline", tel=[("01805 234567", "")])
c(B, CLEAR, "colleague in the sales team, category set on the Mac", given="Lars", family="Wilkens", tel=[(M(0), "cell")], mail=[("lars.wilkens@nordlicht-logistik.de", "work")], cat=["Kollegen"])
c(B, CLEAR, "lawyer of the company", fn="Kanzlei Dr. Rabe", org="Rabe & Partner Rechtsanwälte", tel=[(L("0421", 3), "work")], mail=[("kanzlei@rabe-partner.de", "work")])
c(B, CLEAR, "tax adviser of the company", fn="Steuerbüro Ahlers", tel=[(L("0421"), "work")], mail=[("info@steuerbuero-ahlers.de", "")])
c(P, CLEAR, "his mother", fn="Mama", tel=[(M(1), "cell"), (L("04402"), "home")])
c(P, CLEAR, "his father", fn="Papa", tel=[(M(2), "cell")])
c(P, CLEAR, "his wife, saved with a pet name", fn="Schatz", tel=[(M(3), "cell")])
c(P, CLEAR, "his sister, freemail and home address", given="Julia", family="Berger", tel=[(M(4), "cell")], mail=[("julia.berger@gmx.de", "home")], adr=["home"])
c(P, CLEAR, "his grandmother", fn="Oma Hilde", tel=[(L("04402", 1), "home")])
c(P, CLEAR, "a friend, freemail and mobile", given="Sebastian", family="Köhler", tel=[(M(0), "cell")], mail=[("sebastian.koehler@web.de", "home")])
c(P, CLEAR, "a friend from university, gmail", given="Nils", family="Petersen", tel=[(M(1), "cell")], mail=[("nils.petersen87@gmail.com", "")])
c(P, CLEAR, "neighbour", fn="Nachbarin Frau Lüders", tel=[(L("0421", 1), "home")])
c(P, CLEAR, "his brother-in-law", fn="Schwager Martin", tel=[(M(2), "cell")], mail=[("martin.h@outlook.de", "")])
c(P, CLEAR, "the kids' babysitter", fn="Babysitter Emma", tel=[(M(3), "cell")])
c(P, HARD, "a friend: name and mobile only, nothing else (ambiguous; expected unknown)", given="Jonas", tel=[(M(4), "cell")])
c(P, HARD, "his football buddy: first name and mobile only", fn="Flo Fußball", tel=[(M(0), "cell")])
c(P, HARD, "his own dentist (a business, but kept for his own appointments)", fn="Zahnarztpraxis Dr. Meinken", tel=[(L("0421", 2), "work")])
c(P, HARD, "his wife's sister, mobile and iCloud address", given="Lea", family="Sommer", tel=[(M(1), "cell")], mail=[("lea.sommer@icloud.com", "home")])
c(P, CLEAR, "the children's school, saved in the private group", fn="Grundschule am Park Sekretariat", tel=[(L("0421", 3), "work")], cat=["Schule"])
c(P, CLEAR, "his cousin", fn="Cousine Anna", tel=[(M(2), "cell")], mail=[("anna.b@gmx.net", "")])
c(P, HARD, "family member working at a customer? No: his uncle, a retired farmer with t-online address", fn="Onkel Gerd", tel=[(L("04402", 2), "home")], mail=[("gerd.berger@t-online.de", "")])
c(P, CLEAR, "friend, freemail and home number", given="Carina", family="Wendt", tel=[(L("0421", 3), "home"), (M(3), "cell")], mail=[("carina.wendt@posteo.de", "home")])
c(P, HARD, "a friend from the gym, mobile only", given="Deniz", family="Aksoy", tel=[(M(4), "cell")])
c(P, HARD, "landlord of his flat (private tenancy), landline only", given="Rolf", family="Hinrichs", tel=[(L("0421"), "")])
c(P, CLEAR, "his wife's friend, yahoo address", given="Melanie", family="Frerichs", tel=[(M(0), "cell")], mail=[("melli.frerichs@yahoo.de", "")])
c(P, HARD, "a friend who works as an engineer elsewhere and once sent his business card (organisation given)", given="Stefan", family="Rohde", org="Airbus Operations GmbH", tel=[(M(1), "cell")], mail=[("stefan.rohde@gmx.de", "home")])
c(P, HARD, "pizza delivery he orders from at home", fn="Pizzeria Da Toni", tel=[(L("0421", 1), "")])
c(P, CLEAR, "his wife's parents' landline", fn="Schwiegereltern", tel=[(L("04402", 3), "home")], cat=["Familie"])
c(B, CLEAR, "customer's site manager, the customer domain is listed", given="Holger", family="Pape", tel=[(M(2), "cell")], mail=[("holger.pape@weserfrost.de", "")])
c(B, CLEAR, "supplier of pallets, listed supplier domain", given="Frank", family="Kruse", org="Palettenwerk Kruse", tel=[(L("04231"), "work")], mail=[("f.kruse@palettenwerk-kruse.de", "work")])
c(B, HARD, "freelance truck driver the company books, mobile and gmail only (outside knowledge)", given="Viktor", family="Schmidt", tel=[(M(3), "cell")], mail=[("viktor.schmidt.lkw@gmail.com", "")])
c(B, CLEAR, "customer's goods-in, work-typed landline", fn="Wareneingang Hansen", tel=[(L("0471", 2), "work")])
c(B, CLEAR, "former colleague now at a customer, organisation and work mail", given="Ines", family="Lührs", org="Nordsee Feinkost GmbH", tel=[(M(4), "cell")], mail=[("i.luehrs@nordsee-feinkost.de", "work")])
c(B, CLEAR, "fuel card provider's business hotline (toll free)", fn="Tankkarte Service", tel=[("0800 1234567", "")])
c(B, CLEAR, "chamber of commerce contact for apprentices", given="Gesa", family="Janssen", org="Handelskammer Bremen", title="Ausbildungsberaterin", tel=[(L("0421"), "work")], mail=[("janssen@handelskammer-bremen.de", "work")])
c(P, HARD, "his GP's practice (own health, private)", fn="Hausarztpraxis Dr. Kück", tel=[(L("0421", 2), "")])
c(P, HARD, "friend, mobile only with a nickname", fn="Bauli", tel=[(M(0), "cell")])
c(P, CLEAR, "his godchild's mother, private group", given="Svenja", family="Harms", tel=[(M(1), "cell")], cat=["Freunde"])
c(B, CLEAR, "colleague from the company's Hamburg branch, company domain", given="Malte", family="Stührk", org="Nordlicht Logistik GmbH", dept="Niederlassung Hamburg", tel=[("040 4321098", "work")], mail=[("m.stuehrk@nordlicht-logistik.de", "work")])
c(B, CLEAR, "trainee in his team, company number range", given="Leon", family="Gerken", tel=[(CO(52), "work"), (M(2), "cell")])
c(B, CLEAR, "customer (bakery chain) with organisation", given="Heike", family="Brüning", org="Bäckerei Brüning GmbH", tel=[(L("04221"), "work")])

# ---------------------------------------------------------------------------------------------
# 2. Aylin Demir's own Android phone (BYOD), warehouse team lead (vCard 2.1, Android export).
# ---------------------------------------------------------------------------------------------
file("android-byod.vcf", "vcard21-android")
c(P, HARD, "her mother, saved as 'Anne' (Turkish for mother, but also a German given name)", fn="Anne", tel=[(M(3), "cell")])
c(P, CLEAR, "her father, saved as 'Baba' (Turkish for dad)", fn="Baba", tel=[(M(4), "cell")])
c(P, CLEAR, "her husband", fn="Schatz ❤", tel=[(M(0), "cell")])
c(P, CLEAR, "her sister, freemail", given="Elif", family="Demir", tel=[(M(1), "cell")], mail=[("elif.demir@gmx.de", "home")])
c(P, HARD, "her brother (same surname as hers), mobile and home number", given="Can", family="Demir", tel=[(M(2), "cell"), (L("0421"), "home")])
c(P, HARD, "a friend, mobile only", given="Merve", tel=[(M(3), "cell")])
c(P, HARD, "a friend, mobile only", given="Sophie", family="Klein", tel=[(M(4), "cell")])
c(P, HARD, "a friend, mobile only", given="Ayşe", family="Yılmaz", tel=[(M(0), "cell")])
c(P, CLEAR, "friend, gmail and home address", given="Laura", family="Meyer", tel=[(M(1), "cell")], mail=[("laura.meyer.hb@gmail.com", "home")], adr=["home"])
c(P, CLEAR, "neighbour", fn="Nachbar Herr Ahrens", tel=[(L("0421", 1), "home")])
c(P, HARD, "her own hairdresser (a business she uses privately)", fn="Friseursalon Haarmonie", tel=[(L("0421", 2), "work")])
c(P, HARD, "kindergarten of her son, landline only", fn="Kita Sonnenschein", tel=[(L("0421", 3), "")])
c(P, CLEAR, "her aunt", fn="Tante Fatma", tel=[(M(2), "cell")])
c(P, CLEAR, "her grandfather", fn="Opa Mehmet", tel=[(L("0421"), "home")])
c(P, HARD, "her son's football coach, mobile only", fn="Trainer Dirk", tel=[(M(3), "cell")])
c(P, HARD, "a mother from the kindergarten group, mobile only", given="Nadine", tel=[(M(4), "cell")])
c(P, CLEAR, "friend, hotmail", given="Jessica", family="Brandt", tel=[(M(0), "cell")], mail=[("jessy.brandt@hotmail.de", "")])
c(P, CLEAR, "friend, web.de and home landline", given="Tobias", family="Runge", tel=[(L("0421", 1), "home")], mail=[("tobi.runge@web.de", "home")])
c(P, HARD, "her family doctor (own health)", fn="Dr. Sievers Praxis", tel=[(L("0421", 2), "")])
c(P, HARD, "her car garage for her own car", fn="Autohaus Bremen-Nord", tel=[(L("0421", 3), "work")])
c(B, CLEAR, "her manager, company domain and company range", given="Henrik", family="Albers", org="Nordlicht Logistik GmbH", tel=[(CO(10), "work")], mail=[("h.albers@nordlicht-logistik.de", "work")])
c(B, CLEAR, "colleague in the warehouse, company direct dial", given="Dennis", family="Brinkmann", tel=[(CO(44), "work"), (M(2), "cell")])
c(B, HARD, "colleague in her shift team, saved with first name and mobile only (she knows him from work)", fn="Marek Lager", tel=[(M(0), "cell")])
c(B, HARD, "colleague, forklift driver, mobile only", given="Goran", tel=[(M(1), "cell")])
c(B, HARD, "colleague whose company mail she saved as work e-mail but from a gmail account (his private)", given="Peter", family="Suhr", tel=[(M(2), "cell")], mail=[("peter.suhr@gmail.com", "work")])
c(B, CLEAR, "the warehouse's own landline", fn="Lager Halle 3", tel=[(CO(60), "work")])
c(B, CLEAR, "customer's goods-in, organisation given", fn="Weserfrost Wareneingang", org="Weserfrost Tiefkühl GmbH", tel=[(L("0421", 2), "work")])
c(B, CLEAR, "forklift service provider the company uses", fn="Stapler Service Nord", org="Stapler-Service Nord GmbH", tel=[(L("04206"), "work"), (M(3), "cell")])
c(B, CLEAR, "truck driver from a subcontractor, organisation and title", given="Jan", family="Kowalczyk", org="Trans-Pol Sp. z o.o.", title="Kierowca", tel=[("+48 601 234 567", "cell")])
c(B, CLEAR, "security company guarding the site", fn="Wachdienst Nord Zentrale", org="Nord Security GmbH", tel=[(L("0421", 3), "work")])
c(B, CLEAR, "HR department of her employer, company domain", fn="Personalabteilung Nordlicht", tel=[(CO(12), "work")], mail=[("personal@nordlicht-logistik.de", "work")])
c(B, HARD, "temp worker from the agency, saved with mobile and gmail", given="Oleksandr", family="Bondarenko", tel=[(M(4), "cell")], mail=[("oleksandr.b@gmail.com", "")])
c(B, CLEAR, "works council of the company, company domain", fn="Betriebsrat Nordlicht", mail=[("betriebsrat@nordlicht-logistik.de", "")], tel=[(CO(19), "")])
c(P, HARD, "friend from her Turkish community club, organisation given (a club)", given="Emre", family="Kaya", org="Türkischer Kulturverein Bremen e.V.", tel=[(M(0), "cell")])
c(P, CLEAR, "her sports club (private group)", fn="TV Grambke Handball", tel=[(L("0421"), "")], cat=["Verein"])
c(P, HARD, "her pharmacy (private)", fn="Apotheke am Markt", tel=[(L("0421", 1), "work")])
c(P, CLEAR, "her mother-in-law", fn="Schwiegermutter", tel=[(M(1), "cell")])
c(P, HARD, "her son's friend's father, mobile only", given="Sascha", tel=[(M(2), "cell")])
c(P, HARD, "a friend who is a nurse, work number at the hospital saved (work-typed) but a private contact", given="Katharina", family="Witt", tel=[(M(3), "cell"), (L("0421", 2), "work")])
c(P, CLEAR, "her husband's colleague's wife: friend, gmx", given="Sarah", family="Lohmann", tel=[(M(4), "cell")], mail=[("sarah.lohmann@gmx.net", "")])
c(B, CLEAR, "customer's driver she coordinates with daily, organisation", given="Ralf", family="Otten", org="Kaffeerösterei Hansen KG", tel=[(M(0), "cell")])
c(B, CLEAR, "supplier of packaging material, organisation and work number", fn="Verpackung Schulte", org="Schulte Verpackungen GmbH", tel=[(L("05451"), "work")], mail=[("vertrieb@schulte-verpackungen.de", "work")])
c(P, HARD, "her driving instructor from years ago", fn="Fahrschule Tietjen", tel=[(M(1), "cell")])
c(P, CLEAR, "a friend, freenet address", given="Marie", family="Thiele", tel=[(M(2), "cell")], mail=[("marie.thiele@freenet.de", "")])
c(P, HARD, "her cousin in Turkey, foreign mobile only", given="Burak", family="Demir", tel=[("+90 532 123 45 67", "cell")])

# ---------------------------------------------------------------------------------------------
# 3. Outlook contacts of the dispatch office (Outlook 2016 German CSV export, "Kategorien").
# ---------------------------------------------------------------------------------------------
file("outlook-dispo.csv", "outlook-de")
c(B, CLEAR, "customer contact, full business card", given="Ralf", family="Siemers", org="Weserfrost Tiefkühl GmbH", title="Disponent", tel=[(L("0421"), "work"), (M(3), "cell")], mail=[("r.siemers@weserfrost.de", "")], adr=["work"], cat=["Kunden"])
c(B, CLEAR, "customer, organisation and work address", given="Anja", family="Brockmann", org="Kaffeerösterei Hansen KG", title="Auftragsannahme", tel=[(L("0471"), "work")], mail=[("a.brockmann@hansen-kaffee.de", "")], adr=["work"], cat=["Kunden"])
c(B, CLEAR, "supplier, category Lieferanten", given="Olaf", family="Schnakenberg", org="Diesel Nord GmbH", tel=[(L("0421", 1), "work")], mail=[("o.schnakenberg@diesel-nord.de", "")], cat=["Lieferanten"])
c(B, CLEAR, "customer without category, organisation and work number", given="Tanja", family="Bischoff", org="Bischoff Möbelhandel e.K.", tel=[(L("0441"), "work")], mail=[("info@moebel-bischoff.de", "")])
c(B, CLEAR, "forwarder in Hamburg", given="Sven", family="Carstens", org="Carstens Cargo GmbH", title="Key Account Manager", tel=[("040 30987654", "work")], mail=[("s.carstens@carstens-cargo.de", "")], adr=["work"])
c(B, CLEAR, "colleague in accounting", given="Monika", family="Drewes", org="Nordlicht Logistik GmbH", dept="Buchhaltung", tel=[(CO(17), "work")], mail=[("m.drewes@nordlicht-logistik.de", "")])
c(B, CLEAR, "colleague, dispatcher night shift", given="Serkan", family="Öztürk", org="Nordlicht Logistik GmbH", dept="Disposition", tel=[(CO(22), "work"), (M(4), "cell")], mail=[("s.oeztuerk@nordlicht-logistik.de", "")])
c(B, CLEAR, "customer in France", given="Claire", family="Dubois", org="Fournitures Dubois SARL", title="Responsable logistique", tel=[("+33 1 42 68 53 00", "work")], mail=[("c.dubois@dubois-fournitures.fr", "")], adr=["work"], cat=["Kunden"])
c(B, CLEAR, "port authority contact", given="Harald", family="Wübbenhorst", org="bremenports GmbH & Co. KG", title="Hafenmeister", tel=[(L("0471", 1), "work")], mail=[("h.wuebbenhorst@bremenports.de", "")])
c(B, CLEAR, "customer with freemail but organisation and work address (small business)", given="Dieter", family="Harjes", org="Harjes Getränkehandel", tel=[(L("04206", 1), "work")], mail=[("harjes-getraenke@t-online.de", "")], adr=["work"], cat=["Kunden"])
c(B, CLEAR, "authority: Federal Office for Goods Transport", given="Christine", family="Albrecht", org="Bundesamt für Logistik und Mobilität", title="Sachbearbeiterin", tel=[("0221 5776123", "work")], mail=[("christine.albrecht@balm.bund.de", "")])
c(B, CLEAR, "toll service provider hotline", fn="Toll Collect Kundenservice", org="Toll Collect GmbH", tel=[("0800 2228628", "work")])
c(B, CLEAR, "truck rental company", given="Bernd", family="Ostendorf", org="Nutzfahrzeugvermietung Ostendorf GmbH", tel=[(L("0421", 2), "work")], cat=["Lieferanten"])
c(B, CLEAR, "customer's IT contact for EDI, work e-mail only", given="Niklas", family="Fricke", org="Nordsee Feinkost GmbH", title="EDI-Koordinator", mail=[("n.fricke@nordsee-feinkost.de", "")])
c(B, CLEAR, "prospect from a trade fair, category Interessenten", given="Anke", family="Seedorf", org="Seedorf Agrar GmbH", tel=[(L("04261"), "work")], cat=["Interessenten"])
c(B, CLEAR, "customer's managing director", given="Gerhard", family="Lüken", org="Lüken Baustoffe GmbH", title="Geschäftsführer", tel=[(L("04401"), "work"), (M(0), "cell")], mail=[("g.lueken@lueken-baustoffe.de", "")], adr=["work"])
c(B, CLEAR, "external data protection officer of the company", given="Vera", family="Kamphues", org="Datenschutz Nord GmbH", title="Externe DSB", tel=[(L("0421", 3), "work")], mail=[("v.kamphues@datenschutz-nord.de", "")])
c(B, CLEAR, "cleaning company for the offices", fn="Gebäudereinigung Tammen", org="Tammen Gebäudedienste GmbH", tel=[(L("0421"), "work")], cat=["Dienstleister"])
c(B, CLEAR, "customer contact with only a mobile but organisation and category", given="Mustafa", family="Arslan", org="Arslan Frischdienst", tel=[(M(1), "cell")], cat=["Kunden"])
c(B, CLEAR, "bank adviser of the company", given="Kerstin", family="Hoppe", org="Sparkasse Bremen", title="Firmenkundenberaterin", tel=[(L("0421", 1), "work")], mail=[("kerstin.hoppe@sparkasse-bremen.de", "")])
c(B, CLEAR, "temp agency contact", given="Jens", family="Harms", org="Zeitarbeit Nord GmbH", title="Disponent", tel=[(L("0421", 2), "work")], mail=[("j.harms@zeitarbeit-nord.de", "")])
c(B, CLEAR, "customer's warehouse, Danish customer", given="Mette", family="Sørensen", org="Nordisk Køl A/S", tel=[("+45 33 12 34 56", "work")], mail=[("ms@nordisk-kol.dk", "")], cat=["Kunden"])
c(B, CLEAR, "colleague, fleet manager", given="Wolfgang", family="Heuer", org="Nordlicht Logistik GmbH", title="Fuhrparkleiter", tel=[(CO(30), "work"), (M(2), "cell")], mail=[("w.heuer@nordlicht-logistik.de", "")])
c(B, CLEAR, "workshop for the trucks", given="Heiko", family="Lampe", org="Lampe Nutzfahrzeuge GmbH", dept="Werkstatt", tel=[(L("04202", 1), "work")], cat=["Lieferanten"])
c(B, CLEAR, "customer with a contact on a mobile and work e-mail", given="Yvonne", family="Kück", org="Kück Frischemarkt GmbH", tel=[(M(3), "cell")], mail=[("y.kueck@kueck-frischemarkt.de", "")])
c(B, HARD, "driver of a subcontractor, only name and mobile, category empty (dispatch knows him)", given="Wojciech", family="Zielinski", tel=[(M(4), "cell")])
c(B, HARD, "customer's night-shift foreman, name and landline only", given="Detlef", family="Rosenbrock", tel=[(L("0421", 3), "")])
c(B, CLEAR, "customer, Polish branch", given="Agnieszka", family="Wiśniewska", org="Weserfrost Polska Sp. z o.o.", tel=[("+48 22 123 45 67", "work")], mail=[("a.wisniewska@weserfrost.pl", "")], cat=["Kunden"])
c(B, CLEAR, "pallet exchange partner", fn="Palettenpool Nord", org="Palettenpool Nord eG", tel=[(L("0421"), "work")], mail=[("dispo@palettenpool-nord.de", "")])
c(B, CLEAR, "customs broker", given="Ingo", family="Meinders", org="Meinders Zollagentur", title="Zolldeklarant", tel=[(L("0471", 2), "work")], mail=[("meinders@zollagentur-meinders.de", "")])
c(P, CLEAR, "the dispatcher's own family, category Privat", given="Renate", family="Drewes", tel=[(L("0421", 1), "home")], mail=[("renate.drewes@t-online.de", "")], adr=["home"], cat=["Privat"])
c(P, CLEAR, "a private contact with home address and freemail", given="Karl-Heinz", family="Buschmann", tel=[(L("0421", 2), "home")], mail=[("kh.buschmann@ewetel.net", "")], adr=["home"])
c(P, CLEAR, "family, category Familie", given="Timo", family="Heuer", tel=[(M(0), "cell")], cat=["Familie"])
c(P, HARD, "a friend from the bowling club, home number only", given="Manfred", family="Köster", tel=[(L("0421", 3), "home")])
c(P, CLEAR, "private contact with home number and private address", given="Gisela", family="Ohlrogge", tel=[(L("04206", 2), "home")], adr=["home"])
c(B, CLEAR, "customer's accounts payable, e-mail only, listed customer domain", fn="Weserfrost Kreditorenbuchhaltung", mail=[("kreditoren@weserfrost.de", "")])
c(B, CLEAR, "energy supplier of the depot", given="Rainer", family="Wessels", org="swb Vertrieb Bremen GmbH", title="Geschäftskundenbetreuer", tel=[(L("0421", 1), "work")], mail=[("rainer.wessels@swb-gruppe.de", "")])
c(B, CLEAR, "customer, Austrian branch", given="Florian", family="Gruber", org="Alpenfrost Handels GmbH", tel=[("+43 662 123456", "work")], mail=[("f.gruber@alpenfrost.at", "")], adr=["work"])
c(B, CLEAR, "shipping line booking office", fn="Hapag Booking Bremen", org="Reederei Kontor Nord GmbH", tel=[(L("0421", 2), "work")], mail=[("booking@kontor-nord.de", "")], cat=["Partner"])
c(B, CLEAR, "customer, organisation only and a fax", given="Hartmut", family="Dierks", org="Dierks Landtechnik", tel=[(L("04242"), "work")], adr=["work"])
c(B, CLEAR, "colleague from IT, company domain", given="Patrick", family="Sander", org="Nordlicht Logistik GmbH", dept="IT", tel=[(CO(25), "work")], mail=[("p.sander@nordlicht-logistik.de", "")])
c(B, CLEAR, "customer at a listed domain with no organisation filled in", given="Bettina", family="Rahe", mail=[("b.rahe@hansen-kaffee.de", "")], tel=[(L("0471", 3), "work")])
c(B, CLEAR, "tachograph service provider", fn="Tacho-Service Weser", org="Tacho-Service Weser GmbH", tel=[(L("0421", 3), "work")], cat=["Dienstleister"])
c(B, CLEAR, "customer's quality assurance", given="Dr. Ulrike", family="Jacobs", org="Nordsee Feinkost GmbH", title="Leitung Qualitätssicherung", tel=[(L("04721", 1), "work")], mail=[("u.jacobs@nordsee-feinkost.de", "")])
c(P, HARD, "the dispatcher's private plumber, saved in Outlook without category", given="Hans", family="Kaemena", org="Kaemena Sanitär", tel=[(L("0421"), "work")])
c(B, CLEAR, "occupational health service of the company", fn="Arbeitsmedizin Nord", org="AMD Arbeitsmedizin Nord GmbH", tel=[(L("0421", 1), "work")], mail=[("termine@amd-nord.de", "")])
c(B, CLEAR, "customer's sales rep, title and organisation", given="Christoph", family="Haase", org="Haase Kühltransporte GmbH", title="Vertriebsleiter", tel=[(L("0441", 1), "work"), (M(1), "cell")], mail=[("c.haase@haase-kuehltransporte.de", "")])
c(B, CLEAR, "customer, Swiss", given="Reto", family="Meier", org="Meier Frischwaren AG", tel=[("+41 44 123 45 67", "work")], mail=[("reto.meier@meier-frischwaren.ch", "")])
c(B, CLEAR, "customer, organisation with GmbH only", given="Susanne", family="Precht", org="Precht GmbH", tel=[(L("04231", 1), "work")])
c(B, CLEAR, "colleague, apprentice, company range and mobile", given="Finn", family="Ruschmeyer", tel=[(CO(53), "work"), (M(2), "cell")], cat=["Kollegen"])
c(B, CLEAR, "insurance for goods in transit", given="Thorsten", family="Grotheer", org="Hanse Transportversicherung AG", tel=[(L("040", 1), "work")], mail=[("t.grotheer@hanse-tv.de", "")])
c(B, CLEAR, "supplier of work clothes", fn="Berufsbekleidung Ahrens", org="Ahrens Arbeitsschutz GmbH", tel=[(L("0421", 2), "work")], mail=[("bestellung@ahrens-arbeitsschutz.de", "")], cat=["Lieferanten"])
c(B, CLEAR, "customer, Italian", given="Giulia", family="Rossi", org="Rossi Alimentari S.r.l.", tel=[("+39 02 1234 5678", "work")], mail=[("g.rossi@rossi-alimentari.it", "")], cat=["Kunden"])
c(B, CLEAR, "municipal traffic authority for heavy-load permits", given="Axel", family="Brünjes", org="Amt für Straßen und Verkehr Bremen", tel=[(L("0421", 3), "work")], mail=[("axel.bruenjes@asv.bremen.de", "")])

# ---------------------------------------------------------------------------------------------
# 4. Google Contacts of Henrik Albers, managing director (Google CSV, new format with Labels).
# ---------------------------------------------------------------------------------------------
file("google-md.csv", "google-new")
c(B, CLEAR, "customer, label Kunden", given="Birgit", family="Lange", org="Weserfrost Tiefkühl GmbH", title="Leitung Einkauf", tel=[(L("0421"), "Work")], mail=[("b.lange@weserfrost.de", "Work")], cat=["* myContacts", "Kunden"])
c(B, CLEAR, "customer CEO", given="Jan", family="Hansen", org="Kaffeerösterei Hansen KG", title="Geschäftsführer", tel=[(M(3), "Mobile")], mail=[("jan.hansen@hansen-kaffee.de", "Work")], cat=["* myContacts", "Kunden"])
c(B, CLEAR, "bank, corporate banking", given="Oliver", family="Thies", org="Bremer Landesbank Kreditanstalt", title="Firmenkundenbetreuer", tel=[(L("0421", 1), "Work")], mail=[("oliver.thies@bremerlb.de", "Work")], cat=["* myContacts"])
c(B, CLEAR, "auditor of the annual accounts", given="Dr. Frauke", family="Mehrtens", org="Mehrtens & Kollegen Wirtschaftsprüfer", tel=[(L("0421", 2), "Work")], mail=[("mehrtens@mehrtens-wp.de", "Work")], cat=["* myContacts", "Dienstleister"])
c(B, CLEAR, "colleague, authorised signatory", given="Claudia", family="Renken", org="Nordlicht Logistik GmbH", title="Prokuristin", tel=[(CO(11), "Work"), (M(4), "Mobile")], mail=[("c.renken@nordlicht-logistik.de", "Work")], cat=["* myContacts", "Kollegen"])
c(B, CLEAR, "colleague, head of sales", given="Tim", family="Berger", org="Nordlicht Logistik GmbH", title="Vertrieb", tel=[(M(0), "Mobile")], mail=[("t.berger@nordlicht-logistik.de", "Work")], cat=["* myContacts", "Kollegen"])
c(B, CLEAR, "investor contact at the sister company", given="Maarten", family="Bakker", org="Nordlicht Group B.V.", title="CFO", tel=[("+31 20 5551234", "Work")], mail=[("m.bakker@nordlicht-group.com", "Work")], cat=["* myContacts"])
c(B, CLEAR, "trade association", given="Sabine", family="Hollmann", org="Verband Spedition und Logistik Bremen e.V.", tel=[(L("0421", 3), "Work")], mail=[("hollmann@vsl-bremen.de", "Work")], cat=["* myContacts", "Netzwerk"])
c(B, CLEAR, "real estate broker for the new depot", given="Marcus", family="Tönjes", org="Tönjes Gewerbeimmobilien", tel=[(L("0421"), "Work"), (M(1), "Mobile")], mail=[("m.toenjes@toenjes-immobilien.de", "Work")], cat=["* myContacts"])
c(B, CLEAR, "supplier of trucks, sales", given="Andreas", family="Wöhlke", org="Nutzfahrzeugzentrum Weser GmbH", title="Verkauf", tel=[(L("0421", 1), "Work"), (M(2), "Mobile")], mail=[("a.woehlke@nfz-weser.de", "Work")], cat=["* myContacts", "Lieferanten"])
c(B, CLEAR, "customer, label Kunden, freemail (small business)", given="Heinz", family="Bollmann", org="Bollmann Obsthof", tel=[(M(3), "Mobile")], mail=[("obsthof.bollmann@web.de", "Work")], cat=["* myContacts", "Kunden"])
c(B, HARD, "customer's owner, saved with his private gmail and mobile only (he is also a golf friend; the company relation is what made him a contact)", given="Carsten", family="Wittrock", tel=[(M(4), "Mobile")], mail=[("carsten.wittrock@gmail.com", "Home")], cat=["* myContacts"])
c(B, CLEAR, "lawyer, labour law", given="Dr. Till", family="Eggers", org="Eggers Rechtsanwälte", tel=[(L("0421", 2), "Work")], mail=[("eggers@eggers-ra.de", "Work")], cat=["* myContacts"])
c(B, CLEAR, "insurer of the fleet, label Lieferanten", given="Nicole", family="Stöver", org="Weser Assekuranz GmbH", tel=[(L("0421", 3), "Work")], cat=["* myContacts", "Lieferanten"])
c(B, CLEAR, "IT supplier, listed domain", given="Björn", family="Meyer", org="Systemhaus Meyer GmbH", title="Geschäftsführer", tel=[(L("0441", 2), "Work")], mail=[("b.meyer@systemhaus-meyer.de", "Work")], cat=["* myContacts", "Lieferanten"])
c(B, CLEAR, "headhunter for a branch manager", given="Ute", family="Baumgarten", org="Baumgarten Personalberatung", tel=[("040 3456789", "Work")], mail=[("ub@baumgarten-personal.de", "Work")], cat=["* myContacts"])
c(B, CLEAR, "customer in UK", given="James", family="Whitfield", org="Whitfield Foods Ltd", title="Supply Chain Director", tel=[("+44 20 7946 0123", "Work")], mail=[("j.whitfield@whitfieldfoods.co.uk", "Work")], cat=["* myContacts", "Kunden"])
c(B, CLEAR, "city economic development agency", given="Lutz", family="Hemken", org="WFB Wirtschaftsförderung Bremen GmbH", tel=[(L("0421", 1), "Work")], mail=[("lutz.hemken@wfb-bremen.de", "Work")], cat=["* myContacts"])
c(B, CLEAR, "colleague, branch manager Hamburg", given="Malte", family="Stührk", org="Nordlicht Logistik GmbH", tel=[("040 4321098", "Work"), (M(0), "Mobile")], mail=[("m.stuehrk@nordlicht-logistik.de", "Work")], cat=["* myContacts", "Kollegen"])
c(B, CLEAR, "tax adviser, business", given="Gesine", family="Ahlers", org="Steuerbüro Ahlers", tel=[(L("0421", 2), "Work")], mail=[("g.ahlers@steuerbuero-ahlers.de", "Work")], cat=["* myContacts"])
c(P, CLEAR, "his wife, label Familie", given="Katja", family="Albers", tel=[(M(1), "Mobile")], mail=[("katja.albers@gmx.de", "Home")], cat=["* myContacts", "* starred", "Familie"])
c(P, CLEAR, "his son", given="Paul", family="Albers", tel=[(M(2), "Mobile")], cat=["* myContacts", "Familie"])
c(P, CLEAR, "his daughter, gmail", given="Lina", family="Albers", tel=[(M(3), "Mobile")], mail=[("lina.albers04@gmail.com", "Home")], cat=["* myContacts", "Familie"])
c(P, CLEAR, "his mother", given="Ingrid", family="Albers", tel=[(L("04791"), "Home")], cat=["* myContacts", "Familie"])
c(P, CLEAR, "golf club friends label", given="Reinhard", family="Fastenau", tel=[(M(4), "Mobile")], mail=[("r.fastenau@t-online.de", "Home")], cat=["* myContacts", "Golfclub", "Freunde"])
c(P, CLEAR, "friend couple", given="Andrea", family="Holsten", tel=[(M(0), "Mobile"), (L("0421", 3), "Home")], mail=[("andrea.holsten@web.de", "Home")], cat=["* myContacts", "Freunde"])
c(P, CLEAR, "neighbours label", given="Bernd", family="Logemann", tel=[(L("0421"), "Home")], cat=["* myContacts", "Nachbarn"])
c(P, HARD, "golf partner, name and mobile only", given="Eike", family="Renken", tel=[(M(1), "Mobile")], cat=["* myContacts"])
c(P, HARD, "family doctor (private)", given="Dr. Heiner", family="Kück", org="Hausarztpraxis Dr. Kück", tel=[(L("0421", 1), "Work")], cat=["* myContacts"])
c(P, CLEAR, "his wife's brother, label Familie, even though he works at a supplier (work mail not saved)", given="Jens", family="Koopmann", org="Reifen Brandt GmbH", tel=[(M(2), "Mobile")], mail=[("jens.koopmann@gmx.de", "Home")], cat=["* myContacts", "Familie"])
c(B, HARD, "family member working at a customer: his niece, saved with her work address at Weserfrost because they deal with each other at work", given="Merle", family="Albers", org="Weserfrost Tiefkühl GmbH", tel=[(M(3), "Mobile")], mail=[("m.albers@weserfrost.de", "Work")], cat=["* myContacts", "Familie"])
c(P, CLEAR, "holiday house rental in Denmark (private holiday)", given="Lars", family="Nielsen", tel=[("+45 20 12 34 56", "Mobile")], mail=[("lars.nielsen@outlook.dk", "Home")], cat=["* myContacts", "Urlaub"])
c(P, CLEAR, "his son's school class parents", given="Stephanie", family="Gräper", tel=[(M(4), "Mobile")], cat=["* myContacts", "Schule Paul"])
c(P, HARD, "private gardener, name and mobile", given="Holger", family="Meyerdierks", tel=[(M(0), "Mobile")], cat=["* myContacts"])
c(P, CLEAR, "friend abroad, label Freunde", given="Antoine", family="Lefèvre", tel=[("+33 6 12 34 56 78", "Mobile")], mail=[("antoine.lefevre@orange.fr", "Home")], cat=["* myContacts", "Freunde"])
c(B, CLEAR, "contact at the labour court conciliation (company dispute)", given="Renate", family="Uhlhorn", org="Arbeitsgericht Bremen-Bremerhaven", tel=[(L("0421", 2), "Work")], cat=["* myContacts"])
c(B, CLEAR, "architect of the new depot", given="Jörn", family="Schwarting", org="Schwarting Architekten", title="Architekt", tel=[(L("0421", 3), "Work")], mail=[("js@schwarting-architekten.de", "Work")], cat=["* myContacts", "Projekt Depot"])
c(B, CLEAR, "Rotary contact who is a customer's owner; the label says Kunden", given="Ulf", family="Borchers", org="Borchers Fischfeinkost", tel=[(M(1), "Mobile")], cat=["* myContacts", "Kunden", "Rotary"])
c(P, CLEAR, "Rotary friend, no business relation", given="Wilfried", family="Ehlers", tel=[(M(2), "Mobile")], mail=[("w.ehlers@ewe.net", "Home")], cat=["* myContacts", "Rotary", "Freunde"])
c(B, CLEAR, "press contact for a company anniversary", given="Marlene", family="Tietje", org="Weser-Kurier", title="Redakteurin Wirtschaft", tel=[(L("0421", 1), "Work")], mail=[("marlene.tietje@weser-kurier.de", "Work")], cat=["* myContacts"])
c(B, CLEAR, "colleague, only mobile and company mail", given="Wiebke", family="Garbade", tel=[(M(3), "Mobile")], mail=[("w.garbade@nordlicht-logistik.de", "Work")], cat=["* myContacts"])
c(B, CLEAR, "supplier abroad", given="Tomasz", family="Lewandowski", org="Trans-Pol Sp. z o.o.", title="Prezes", tel=[("+48 61 123 45 67", "Work")], mail=[("t.lewandowski@trans-pol.pl", "Work")], cat=["* myContacts", "Lieferanten"])
c(P, HARD, "friend from school days, mobile only", given="Christian", family="Lühmann", tel=[(M(4), "Mobile")], cat=["* myContacts"])
c(P, CLEAR, "his sister-in-law", given="Anke", family="Koopmann", tel=[(M(0), "Mobile")], mail=[("anke.koopmann@web.de", "Home")], cat=["* myContacts", "Familie"])
c(B, CLEAR, "customer's logistics contact, work number only, label Kunden", given="Frederik", family="Janßen", tel=[(L("04721", 2), "Work")], cat=["* myContacts", "Kunden"])
c(B, CLEAR, "notary for the depot purchase", given="Dr. Hauke", family="Stelter", org="Notariat Stelter", tel=[(L("0421", 2), "Work")], cat=["* myContacts"])
c(P, CLEAR, "his sailing club", given="Segelclub", family="Weser", org="Segelclub Weser e.V.", tel=[(L("0421", 3), "Work")], cat=["* myContacts", "Verein"])
c(B, CLEAR, "customer, US", given="Emily", family="Carter", org="Carter Cold Chain Inc.", title="VP Operations", tel=[("+1 212 555 0147", "Work")], mail=[("ecarter@cartercoldchain.com", "Work")], cat=["* myContacts", "Kunden"])
c(B, CLEAR, "colleague's assistant", given="Nina", family="Wulf", tel=[(CO(15), "Work")], mail=[("n.wulf@nordlicht-logistik.de", "Work")], cat=["* myContacts"])
c(P, HARD, "friend's wife, mobile and hotmail", given="Sonja", family="Fastenau", tel=[(M(1), "Mobile")], mail=[("sonja.fastenau@hotmail.com", "Home")], cat=["* myContacts"])
c(P, HARD, "private: his personal trainer, mobile only", given="Robin", tel=[(M(2), "Mobile")], cat=["* myContacts"])
c(B, CLEAR, "consultant for the logistics software project", given="Volker", family="Sprenger", org="LogiSoft Consulting GmbH", title="Senior Consultant", tel=[(M(3), "Mobile")], mail=[("v.sprenger@logisoft-consulting.de", "Work")], cat=["* myContacts", "Projekt TMS"])
c(B, CLEAR, "customer, e-mail at listed customer domain only", given="Arne", family="Kloppenburg", mail=[("a.kloppenburg@nordsee-feinkost.de", "Work")], cat=["* myContacts"])
c(B, CLEAR, "employers' association", given="Dr. Kirsten", family="Bahr", org="Unternehmensverbände im Lande Bremen e.V.", tel=[(L("0421", 1), "Work")], mail=[("bahr@uvhb.de", "Work")], cat=["* myContacts"])
c(P, CLEAR, "wine merchant he buys privately from, label Privat", given="Michael", family="Grote", org="Weinhandel Grote", tel=[(L("0421", 2), "Work")], cat=["* myContacts", "Privat"])

# ---------------------------------------------------------------------------------------------
# 5. International contacts from a Nextcloud address book (vCard 4.0) of the export manager.
# ---------------------------------------------------------------------------------------------
file("nextcloud-intl.vcf", "vcard40")
c(B, CLEAR, "French customer", given="Claire", family="Dubois", org="Fournitures Dubois SARL", title="Responsable logistique", tel=[("+33 1 42 68 53 01", "work")], mail=[("c.dubois@dubois-fournitures.fr", "work")], cat=["Customers"])
c(B, CLEAR, "Dutch customer", given="Pieter", family="van den Berg", org="Van den Berg Transport B.V.", tel=[("+31 50 3123457", "work"), ("+31 6 12345678", "cell")], mail=[("pieter@vandenberg-transport.nl", "work")])
c(B, CLEAR, "Polish subcontractor", given="Katarzyna", family="Mazur", org="Trans-Pol Sp. z o.o.", title="Dyspozytor", tel=[("+48 61 123 45 68", "work")], mail=[("k.mazur@trans-pol.pl", "work")], cat=["Suppliers"])
c(B, CLEAR, "Danish customer", given="Søren", family="Kristensen", org="Nordisk Køl A/S", tel=[("+45 33 12 34 57", "work")], mail=[("sk@nordisk-kol.dk", "work")])
c(B, CLEAR, "UK forwarder", given="Oliver", family="Hughes", org="Hughes Freight Ltd", title="Operations Manager", tel=[("+44 161 496 0123", "work")], mail=[("oliver.hughes@hughesfreight.co.uk", "work")], adr=["work"])
c(B, CLEAR, "Spanish customer, work address", given="Lucía", family="García", org="Frutas García S.L.", tel=[("+34 961 23 45 67", "work")], mail=[("lucia.garcia@frutasgarcia.es", "work")], adr=["work"])
c(B, CLEAR, "Italian customer", given="Marco", family="Bianchi", org="Bianchi Logistica S.p.A.", tel=[("+39 02 8765 4321", "work")], mail=[("m.bianchi@bianchilogistica.it", "work")])
c(B, CLEAR, "Swedish partner", given="Erik", family="Lindqvist", org="Lindqvist Kyltransport AB", tel=[("+46 8 123 456 78", "work")], mail=[("erik@lindqvist-kyl.se", "work")], cat=["Partners"])
c(B, CLEAR, "Czech customer", given="Petr", family="Novák", org="Novák Potraviny s.r.o.", tel=[("+420 212 345 678", "work")], mail=[("novak@novak-potraviny.cz", "work")])
c(B, CLEAR, "US customer, toll-free hotline and work mail", given="Emily", family="Carter", org="Carter Cold Chain Inc.", tel=[("+1 800 555 0199", "work")], mail=[("ecarter@cartercoldchain.com", "work")])
c(B, CLEAR, "Austrian supplier of cooling units", given="Wolfgang", family="Huber", org="Kältetechnik Huber GmbH", tel=[("+43 1 234 56 78", "work")], mail=[("w.huber@kaeltetechnik-huber.at", "work")], cat=["Suppliers"])
c(B, CLEAR, "Belgian customer", given="Sofie", family="Peeters", org="Peeters Voeding NV", tel=[("+32 3 231 45 67", "work")], mail=[("sofie.peeters@peetersvoeding.be", "work")])
c(B, CLEAR, "Lithuanian driver agency, mobile and company domain", given="Tomas", family="Kazlauskas", tel=[("+370 612 34567", "cell")], mail=[("tomas@balticdrivers.lt", "work")])
c(B, CLEAR, "colleague at the sister company in Rotterdam", given="Femke", family="de Vries", org="Nordlicht Group B.V.", tel=[("+31 10 7654322", "work")], mail=[("f.devries@nordlicht-group.com", "work")])
c(B, CLEAR, "Norwegian customer, category customers", given="Ingrid", family="Haugen", org="Haugen Sjømat AS", tel=[("+47 22 12 34 56", "work")], cat=["Customers"])
c(B, HARD, "Romanian driver of a subcontractor, mobile and yahoo only", given="Ion", family="Popescu", tel=[("+40 722 123 456", "cell")], mail=[("ion.popescu77@yahoo.com", "")])
c(B, CLEAR, "Irish supplier, support mail at own domain", fn="Shannon Reefer Support", tel=[("+353 1 234 5678", "work")], mail=[("support@shannonreefer.ie", "work")])
c(B, CLEAR, "Finnish customer", given="Mikko", family="Virtanen", org="Virtanen Elintarvike Oy", tel=[("+358 9 1234 5678", "work")], mail=[("mikko.virtanen@virtanen-elintarvike.fi", "")])
c(B, CLEAR, "Swiss customer", given="Reto", family="Meier", org="Meier Frischwaren AG", tel=[("+41 44 123 45 68", "work")], mail=[("reto.meier@meier-frischwaren.ch", "work")])
c(B, CLEAR, "Polish customs agency", given="Paweł", family="Kamiński", org="Agencja Celna Kamiński", tel=[("+48 58 123 45 67", "work")], mail=[("biuro@agencjacelna-kaminski.pl", "work")])
c(P, CLEAR, "private: her partner's family in France", given="Hélène", family="Martin", tel=[("+33 6 98 76 54 32", "cell")], mail=[("helene.martin@laposte.net", "home")], cat=["Family"])
c(P, CLEAR, "private: friend in the Netherlands", given="Sanne", family="Jansen", tel=[("+31 6 87654321", "cell")], mail=[("sanne.jansen@ziggo.nl", "home")], cat=["Friends"])
c(P, CLEAR, "private: friend in London, gmail", given="Hannah", family="Clarke", tel=[("+44 7911 123456", "cell")], mail=[("hannah.clarke@gmail.com", "home")])
c(P, CLEAR, "private: her brother in Spain", given="Daniel", family="Krüger", tel=[("+34 612 345 678", "cell")], mail=[("daniel.krueger@gmx.net", "home")], cat=["Family"])
c(P, HARD, "private: holiday acquaintance in Italy, mobile only", given="Luca", family="Romano", tel=[("+39 347 123 4567", "cell")])
c(P, CLEAR, "private: her mother", fn="Mum", tel=[("+49 4791 317001", "home")], cat=["Family"])
c(P, CLEAR, "private: friend from an exchange year, US", given="Megan", family="Sullivan", tel=[("+1 617 555 0123", "cell")], mail=[("megan.sullivan@comcast.net", "home")], cat=["Friends"])
c(P, CLEAR, "private: her Polish neighbour", given="Joanna", family="Kowalska", tel=[("+48 601 987 654", "cell")], mail=[("joanna.k@wp.pl", "")], cat=["Neighbours"])
c(P, HARD, "private: a friend in Denmark, mobile only", given="Mads", family="Jensen", tel=[("+45 20 98 76 54", "cell")])
c(P, CLEAR, "private: her aunt in Austria", fn="Tante Resi", tel=[("+43 664 1234567", "cell")])
c(B, CLEAR, "Estonian customer, work typed phone and address", given="Kadri", family="Tamm", org="Tamm Logistika OÜ", tel=[("+372 612 3456", "work")], adr=["work"])
c(B, CLEAR, "UK customer, ORG only", given="James", family="Whitfield", org="Whitfield Foods Ltd", tel=[("+44 20 7946 0124", "work")])
c(B, CLEAR, "French customs broker", given="Julien", family="Moreau", org="Moreau Dédouanement SAS", tel=[("+33 3 28 12 34 56", "work")], mail=[("j.moreau@moreau-douane.fr", "work")])
c(P, HARD, "private: her yoga teacher in Bremen, mobile and web.de", given="Anja", family="Brüggemann", tel=[(M(4), "cell")], mail=[("yoga.anja@web.de", "")])
c(B, CLEAR, "Hungarian customer", given="Gábor", family="Nagy", org="Nagy Hűtőház Kft.", tel=[("+36 1 234 5678", "work")], mail=[("nagy.gabor@nagyhutohaz.hu", "work")])
c(B, CLEAR, "Japanese customer visiting, business card", given="Haruto", family="Tanaka", org="Tanaka Trading Co., Ltd.", title="Manager", tel=[("+81 3 1234 5678", "work")], mail=[("h.tanaka@tanaka-trading.co.jp", "work")])
c(P, HARD, "private: friend from Turkey, mobile and hotmail", given="Selin", family="Aydın", tel=[("+90 532 765 43 21", "cell")], mail=[("selin.aydin@hotmail.com", "")])
c(B, CLEAR, "Latvian carrier, category Suppliers", given="Jānis", family="Bērziņš", org="Baltic Reefer SIA", tel=[("+371 2123 4567", "cell")], cat=["Suppliers"])

# ---------------------------------------------------------------------------------------------
# 6. Android work profile (account "work"): the contacts synced from Exchange into the profile.
# ---------------------------------------------------------------------------------------------
file("work-profile.vcf", "vcard30", account="work")
c(B, CLEAR, "colleague, company domain (work account)", given="Jana", family="Mueller", tel=[(CO(14), "work")], mail=[("j.mueller@nordlicht-logistik.de", "work")])
c(B, CLEAR, "customer in the work account with organisation", given="Birgit", family="Lange", org="Weserfrost Tiefkühl GmbH", tel=[(L("0421", 3), "work")])
c(B, CLEAR, "customer's driver, mobile only, but stored in the managed work account", given="Pawel", family="Nowicki", tel=[(M(0), "cell")])
c(B, CLEAR, "colleague, mobile only in the work account", given="Marek", family="Wozniak", tel=[(M(1), "cell")])
c(B, CLEAR, "supplier in the work account", fn="Reifen Brandt Notdienst", tel=[(L("0421"), "work")])
c(B, CLEAR, "subcontractor's dispatcher, gmail, work account", given="Irina", family="Volkova", tel=[(M(2), "cell")], mail=[("irina.volkova.dispo@gmail.com", "")])
c(B, CLEAR, "customer contact, work account, title", given="Nele", family="Haake", title="Teamleitung Versand", tel=[(L("04721"), "work")])
c(B, CLEAR, "colleague, company range, work account", fn="Leitstand Nachtschicht", tel=[(CO(61), "")])
c(B, CLEAR, "customer in the Netherlands, work account", given="Daan", family="Visser", tel=[("+31 6 23456789", "cell")], mail=[("daan@vandenberg-transport.nl", "")])
c(B, CLEAR, "IT helpdesk of the company", fn="IT Helpdesk", tel=[(CO(99), "work")], mail=[("helpdesk@nordlicht-logistik.de", "")])
c(B, CLEAR, "customer, work account, organisation", given="Heiner", family="Duhn", org="Duhn Landhandel GmbH", tel=[(L("04241"), "work")])
c(B, CLEAR, "colleague on the road, work account", given="Sören", family="Bischoff", tel=[(M(3), "cell")], mail=[("s.bischoff@nordlicht-logistik.de", "work")])
c(B, HARD, "a private friend she saved into the work account by mistake; the account label makes it business for the audit, and only she knows otherwise", given="Lotte", family="Behrens", tel=[(M(4), "cell")], mail=[("lotte.behrens@web.de", "home")])
c(B, CLEAR, "customer hotline in the work account (shared cost)", fn="Weserfrost Service", tel=[("01806 123456", "")])
c(B, CLEAR, "supplier, work account, work mail", given="Björn", family="Meyer", tel=[(L("0441", 3), "work")], mail=[("b.meyer@systemhaus-meyer.de", "work")])
c(B, CLEAR, "colleague, Hamburg, work account", given="Malte", family="Stührk", tel=[("040 4321098", "work")])
c(B, CLEAR, "customer's goods-in, work account", fn="Wareneingang Nordsee Feinkost", tel=[(L("04721", 2), "work")])
c(B, CLEAR, "colleague, work account, title", given="Claudia", family="Renken", title="Prokuristin", tel=[(CO(11), "work")])
c(B, CLEAR, "temp agency, work account", given="Jens", family="Harms", tel=[(L("0421", 1), "work")], mail=[("j.harms@zeitarbeit-nord.de", "work")])
c(B, CLEAR, "driver of a subcontractor, foreign mobile, work account", given="Andrius", family="Petrauskas", tel=[("+370 612 98765", "cell")])

# ---------------------------------------------------------------------------------------------
# 7. Android personal profile (account "personal") of the same phone.
# ---------------------------------------------------------------------------------------------
file("personal-profile.vcf", "vcard30", account="personal")
c(P, CLEAR, "her mother, personal account", fn="Mama", tel=[(M(0), "cell")])
c(P, CLEAR, "friend, mobile only, personal account", given="Clara", tel=[(M(1), "cell")])
c(P, CLEAR, "friend, mobile only, personal account", given="Moritz", family="Lange", tel=[(M(2), "cell")])
c(P, CLEAR, "friend, gmx, personal account", given="Hanna", family="Frese", tel=[(M(3), "cell")], mail=[("hanna.frese@gmx.de", "")])
c(P, CLEAR, "sister, personal account", given="Ida", family="Behrens", tel=[(M(4), "cell")], cat=["Familie"])
c(P, CLEAR, "neighbour, home landline, personal account", given="Werner", family="Klatte", tel=[(L("0421", 2), "home")])
c(P, HARD, "friend, landline only, personal account", given="Uta", family="Meiners", tel=[(L("0421", 3), "")])
c(P, CLEAR, "book club friend, personal account", given="Silke", family="Oetjen", tel=[(M(0), "cell")], mail=[("silke.oetjen@posteo.de", "home")])
c(P, HARD, "her own physiotherapist, personal account", fn="Physiotherapie Am Wall", tel=[(L("0421"), "work")])
c(P, CLEAR, "grandfather, personal account", fn="Opa", tel=[(L("04402"), "home")])
c(P, HARD, "friend, mobile only, personal account", given="Jule", tel=[(M(1), "cell")])
c(P, CLEAR, "friend, hotmail, personal account", given="Kim", family="Nguyen", tel=[(M(2), "cell")], mail=[("kim.nguyen@hotmail.de", "")])
c(P, HARD, "her private tax return helper, personal account", fn="Lohnsteuerhilfe Bremen e.V.", tel=[(L("0421", 1), "work")])
c(B, HARD, "a colleague she saved in her personal profile: the account says personal, the company domain says business", given="Sören", family="Bischoff", tel=[(M(3), "cell")], mail=[("s.bischoff@nordlicht-logistik.de", "")])
c(B, HARD, "customer's driver saved in the personal profile with the customer's company name", given="Pawel", family="Nowicki", org="Weserfrost Tiefkühl GmbH", tel=[(M(4), "cell")])
c(P, CLEAR, "friend, web.de, personal account", given="Tom", family="Gerdes", tel=[(M(0), "cell")], mail=[("tom.gerdes@web.de", "")])
c(P, CLEAR, "aunt, personal account", fn="Tante Edith", tel=[(L("04402", 1), "home")])
c(P, HARD, "friend from the climbing gym, mobile only", given="Noah", tel=[(M(1), "cell")])
c(P, CLEAR, "her partner", fn="Schatzi", tel=[(M(2), "cell")])
c(P, HARD, "her landlord, personal account, mobile only", given="Gerold", family="Pundt", tel=[(M(3), "cell")])


# ---------------------------------------------------------------------------------------------
# 8. Thunderbird address book of the front office PC (Thunderbird CSV export, English headers).
#    Reception keeps the company's callers here, and the receptionist a few of her own.
# ---------------------------------------------------------------------------------------------
file("thunderbird-office.csv", "thunderbird")
c(B, CLEAR, "customer, organisation and work phone", given="Elke", family="Haverkamp", org="Haverkamp Tiefkühlkost GmbH", title="Einkauf", tel=[(L("05441"), "work")], mail=[("e.haverkamp@haverkamp-tk.de", "")])
c(B, CLEAR, "courier service the office uses", fn="Kurierdienst Blitz Bremen", org="Blitz Kurier GmbH", tel=[(L("0421", 1), "work")], mail=[("auftrag@blitz-kurier.de", "")])
c(B, CLEAR, "office supplies vendor", fn="Bürobedarf Kähler", org="Kähler Bürobedarf e.K.", tel=[(L("0421", 2), "work")], mail=[("bestellung@kaehler-buero.de", "")])
c(B, CLEAR, "colleague, reception stand-in, company domain", given="Rieke", family="Ohlendorf", tel=[(CO(1), "work")], mail=[("r.ohlendorf@nordlicht-logistik.de", "")])
c(B, HARD, "applicant for a driver job (HR process of the company): gmail, mobile, home address", given="Dariusz", family="Lis", tel=[(M(4), "cell")], mail=[("bewerbung.dariusz.lis@gmail.com", "")], adr=["home"])
c(B, CLEAR, "customer's front desk, listed customer domain", fn="Empfang Weserfrost", tel=[(L("0421", 3), "work")], mail=[("empfang@weserfrost.de", "")])
c(B, CLEAR, "facility management of the office building", given="Rüdiger", family="Pleus", org="Pleus Facility Services GmbH", title="Objektleiter", tel=[(L("0421"), "work"), (M(0), "cell")])
c(B, CLEAR, "copier service", fn="Kopierer Service Nord", org="Nord Bürotechnik GmbH", tel=[("0800 7654321", "work")])
c(B, CLEAR, "catering for company events", fn="Catering Wesermahl", org="Wesermahl Catering GmbH", tel=[(L("0421", 1), "work")], mail=[("info@wesermahl.de", "")])
c(B, CLEAR, "visitor from a customer, business card entered by reception", given="Torsten", family="Eilers", org="Kaffeerösterei Hansen KG", title="Qualitätsmanager", tel=[(L("0471", 3), "work")], mail=[("t.eilers@hansen-kaffee.de", "")])
c(B, CLEAR, "taxi company the office books for visitors", fn="Taxi Ruf Bremen", tel=[(L("0421", 2), "work")])
c(B, CLEAR, "postal service business customer desk", fn="Post Geschäftskundenservice", org="Deutsche Post AG", tel=[("0228 4333112", "work")])
c(B, HARD, "a customer's owner who calls the office from home, home phone and t-online only", given="Gustav", family="Lürssen", tel=[(L("04208"), "home")], mail=[("g.luerssen@t-online.de", "")])
c(B, CLEAR, "translation agency for customs papers", given="Natalia", family="Sokolova", org="Übersetzungsbüro Sokolova", tel=[(L("0421", 3), "work")], mail=[("kontakt@sokolova-uebersetzungen.de", "")])
c(B, CLEAR, "hotel for visiting customers, corporate rate", fn="Hotel am Weserufer Reservierung", org="Hotel am Weserufer GmbH", tel=[(L("0421"), "work")], mail=[("reservierung@hotel-weserufer.de", "")])
c(P, CLEAR, "the receptionist's husband, freemail and home", given="Frank", family="Ohlendorf", tel=[(L("0421", 1), "home"), (M(1), "cell")], mail=[("frank.ohlendorf@gmx.de", "")])
c(P, CLEAR, "the receptionist's daughter, gmail", given="Marie", family="Ohlendorf", tel=[(M(2), "cell")], mail=[("marie.ohlendorf2009@gmail.com", "")])
c(P, CLEAR, "her friend, home number and web.de", given="Bärbel", family="Schierholz", tel=[(L("0421", 2), "home")], mail=[("baerbel.schierholz@web.de", "")], adr=["home"])
c(P, HARD, "her choir friend, landline only", given="Hildegard", family="Wrede", tel=[(L("0421", 3), "")])
c(P, CLEAR, "her sister, home address and icloud", given="Doris", family="Tebbe", tel=[(M(3), "cell")], mail=[("doris.tebbe@icloud.com", "")], adr=["home"])
c(P, HARD, "her son's piano teacher, mobile and own domain (a music school)", given="Irina", family="Lehmann", tel=[(M(4), "cell")], mail=[("irina@musikschule-lehmann.de", "")])
c(P, CLEAR, "her neighbour, home phone, t-online", given="Erwin", family="Stolle", tel=[(L("0421"), "home")], mail=[("erwin.stolle@t-online.de", "")])
c(P, HARD, "her own hairdresser", fn="Salon Haarscharf", tel=[(L("0421", 1), "work")])
c(P, CLEAR, "her friend, posteo and mobile", given="Wiebke", family="Mahnken", tel=[(M(0), "cell")], mail=[("wiebke.mahnken@posteo.de", "")])
c(P, CLEAR, "her brother, home landline, arcor", given="Jürgen", family="Tebbe", tel=[(L("04402", 2), "home")], mail=[("juergen.tebbe@arcor.de", "")])

# ---------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------

def vcard_escape(text):
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")


APPLE_LABELS = {"cell": "_$!<Mobile>!$_", "home": "_$!<Home>!$_", "work": "_$!<Work>!$_"}


def write_vcard(contact, fmt, uid, out):
    version = {"vcard21-android": "2.1", "vcard30": "3.0", "vcard30-apple": "3.0", "vcard40": "4.0"}[fmt]
    lines = ["BEGIN:VCARD", f"VERSION:{version}"]
    given, family = contact["given"], contact["family"]
    fn = contact["fn"] or " ".join(p for p in (given, family) if p)
    if fmt == "vcard21-android":
        lines.append(f"N;CHARSET=UTF-8:{family};{given};;;")
        lines.append(f"FN;CHARSET=UTF-8:{fn}")
    else:
        lines.append(f"N:{vcard_escape(family)};{vcard_escape(given)};;;")
        lines.append(f"FN:{vcard_escape(fn)}")
    if contact["org"] or contact["dept"]:
        org = vcard_escape(contact["org"]) + (";" + vcard_escape(contact["dept"]) if contact["dept"] else "")
        lines.append(("ORG;CHARSET=UTF-8:" if fmt == "vcard21-android" else "ORG:") + org)
    if contact["title"]:
        lines.append(("TITLE;CHARSET=UTF-8:" if fmt == "vcard21-android" else "TITLE:") + vcard_escape(contact["title"]))
    for i, (number, kind) in enumerate(contact["tel"]):
        if fmt == "vcard21-android":
            lines.append(f"TEL;{kind.upper() or 'VOICE'}:{number}" if kind else f"TEL:{number}")
        elif fmt == "vcard30-apple" and kind in APPLE_LABELS and i % 2 == 1:
            lines.append(f"item{i + 1}.TEL:{number}")
            lines.append(f"item{i + 1}.X-ABLabel:{APPLE_LABELS[kind]}")
        elif fmt == "vcard30-apple":
            types = ";".join(f"type={t}" for t in ([kind.upper()] if kind else []) + ["VOICE"])
            lines.append(f"TEL;{types}:{number}")
        elif fmt == "vcard40":
            uri = "tel:" + number.replace(" ", "-")
            lines.append(f"TEL;VALUE=uri;TYPE={kind}:{uri}" if kind else f"TEL;VALUE=uri:{uri}")
        else:
            lines.append(f"TEL;TYPE={kind.upper()}:{number}" if kind else f"TEL:{number}")
    for address, kind in contact["mail"]:
        if fmt == "vcard21-android":
            lines.append(f"EMAIL;{kind.upper()}:{address}" if kind else f"EMAIL:{address}")
        elif fmt == "vcard40":
            lines.append(f"EMAIL;TYPE={kind}:{address}" if kind else f"EMAIL:{address}")
        else:
            lines.append(f"EMAIL;type=INTERNET;type={kind.upper()}:{address}" if kind else f"EMAIL;type=INTERNET:{address}")
    for kind in contact["adr"]:
        street = "Am Hafen 12" if kind == "work" else "Lindenweg 3"
        if fmt == "vcard21-android":
            lines.append(f"ADR;{kind.upper()}:;;{street};Bremen;;28195;Deutschland")
        else:
            lines.append(f"ADR;TYPE={kind.upper() if fmt != 'vcard40' else kind}:;;{street};Bremen;;28195;Deutschland")
    if contact["cat"]:
        lines.append("CATEGORIES:" + ",".join(vcard_escape(c_) for c_ in contact["cat"]))
    lines.append(f"UID:{uid}")
    lines.append("END:VCARD")
    out.write("\r\n".join(lines) + "\r\n")


OUTLOOK_COLUMNS = [
    "Anrede", "Vorname", "Weitere Vornamen", "Nachname", "Suffix", "Firma", "Abteilung", "Position",
    "Straße geschäftlich", "Ort geschäftlich", "Postleitzahl geschäftlich", "Land/Region geschäftlich",
    "Straße privat", "Ort privat", "Postleitzahl privat", "Land/Region privat",
    "Fax geschäftlich", "Telefon geschäftlich", "Telefon geschäftlich 2", "Telefon Firma",
    "Telefon (privat)", "Mobiltelefon", "Weiteres Telefon",
    "E-Mail-Adresse", "E-Mail-Typ", "E-Mail: Angezeigter Name", "E-Mail 2: Adresse", "E-Mail 2: Typ",
    "Geburtstag", "Kategorien", "Notizen", "Vertraulichkeit"]


def outlook_row(contact):
    row = dict.fromkeys(OUTLOOK_COLUMNS, "")
    row.update({"Vorname": contact["given"], "Nachname": contact["family"], "Firma": contact["org"],
                "Abteilung": contact["dept"], "Position": contact["title"], "Geburtstag": "0.0.00",
                "Vertraulichkeit": "Normal"})
    if not contact["given"] and not contact["family"]:
        row["Nachname"] = contact["fn"]
    if row["Vorname"].startswith("Dr. "):
        row["Anrede"], row["Vorname"] = "Dr.", row["Vorname"][4:]
    for number, kind in contact["tel"]:
        column = {"work": "Telefon geschäftlich", "home": "Telefon (privat)", "cell": "Mobiltelefon"}.get(kind, "Weiteres Telefon")
        if row[column] and column == "Telefon geschäftlich":
            column = "Telefon geschäftlich 2"
        row[column] = number
    for i, (address, _kind) in enumerate(contact["mail"]):
        if i == 0:
            row["E-Mail-Adresse"], row["E-Mail-Typ"] = address, "SMTP"
            row["E-Mail: Angezeigter Name"] = f"{contact['given']} {contact['family']} ({address})".strip()
        else:
            row["E-Mail 2: Adresse"], row["E-Mail 2: Typ"] = address, "SMTP"
    for kind in contact["adr"]:
        if kind == "work":
            row.update({"Straße geschäftlich": "Am Hafen 12", "Ort geschäftlich": "Bremen",
                        "Postleitzahl geschäftlich": "28195", "Land/Region geschäftlich": "Deutschland"})
        else:
            row.update({"Straße privat": "Lindenweg 3", "Ort privat": "Bremen",
                        "Postleitzahl privat": "28195", "Land/Region privat": "Deutschland"})
    row["Kategorien"] = ";".join(contact["cat"])
    return [row[column] for column in OUTLOOK_COLUMNS]


GOOGLE_COLUMNS = [
    "First Name", "Middle Name", "Last Name", "Phonetic First Name", "Phonetic Middle Name",
    "Phonetic Last Name", "Name Prefix", "Name Suffix", "Nickname", "File As", "Organization Name",
    "Organization Title", "Organization Department", "Birthday", "Notes", "Photo", "Labels",
    "E-mail 1 - Label", "E-mail 1 - Value", "E-mail 2 - Label", "E-mail 2 - Value",
    "Phone 1 - Label", "Phone 1 - Value", "Phone 2 - Label", "Phone 2 - Value",
    "Phone 3 - Label", "Phone 3 - Value", "Address 1 - Label", "Address 1 - Formatted",
    "Address 1 - Street", "Address 1 - City", "Address 1 - PO Box", "Address 1 - Region",
    "Address 1 - Postal Code", "Address 1 - Country", "Address 1 - Extended Address"]


def google_row(contact):
    row = dict.fromkeys(GOOGLE_COLUMNS, "")
    given = contact["given"]
    if given.startswith("Dr. "):
        row["Name Prefix"], given = "Dr.", given[4:]
    row.update({"First Name": given or contact["fn"], "Last Name": contact["family"],
                "Organization Name": contact["org"], "Organization Title": contact["title"],
                "Organization Department": contact["dept"], "Labels": " ::: ".join(contact["cat"])})
    for i, (address, kind) in enumerate(contact["mail"][:2]):
        row[f"E-mail {i + 1} - Label"] = kind
        row[f"E-mail {i + 1} - Value"] = address
    for i, (number, kind) in enumerate(contact["tel"][:3]):
        row[f"Phone {i + 1} - Label"] = kind
        row[f"Phone {i + 1} - Value"] = number
    for kind in contact["adr"][:1]:
        row.update({"Address 1 - Label": kind.capitalize(), "Address 1 - Street": "Am Hafen 12",
                    "Address 1 - City": "Bremen", "Address 1 - Postal Code": "28195",
                    "Address 1 - Country": "DE",
                    "Address 1 - Formatted": "Am Hafen 12\n28195 Bremen\nDE"})
    return [row[column] for column in GOOGLE_COLUMNS]


THUNDERBIRD_COLUMNS = [
    "First Name", "Last Name", "Display Name", "Nickname", "Primary Email", "Secondary Email",
    "Screen Name", "Work Phone", "Home Phone", "Fax Number", "Pager Number", "Mobile Number",
    "Home Address", "Home Address 2", "Home City", "Home State", "Home ZipCode", "Home Country",
    "Work Address", "Work Address 2", "Work City", "Work State", "Work ZipCode", "Work Country",
    "Job Title", "Department", "Organization", "Web Page 1", "Web Page 2", "Birth Year",
    "Birth Month", "Birth Day", "Custom 1", "Custom 2", "Custom 3", "Custom 4", "Notes"]


def thunderbird_row(contact):
    row = dict.fromkeys(THUNDERBIRD_COLUMNS, "")
    display = contact["fn"] or " ".join(p for p in (contact["given"], contact["family"]) if p)
    row.update({"First Name": contact["given"], "Last Name": contact["family"],
                "Display Name": display, "Job Title": contact["title"],
                "Department": contact["dept"], "Organization": contact["org"]})
    for i, (address, _kind) in enumerate(contact["mail"][:2]):
        row["Primary Email" if i == 0 else "Secondary Email"] = address
    for number, kind in contact["tel"]:
        # Thunderbird has no neutral phone field: an untyped landline goes to Home Phone.
        row[{"work": "Work Phone", "home": "Home Phone", "cell": "Mobile Number"}.get(kind, "Home Phone")] = number
    for kind in contact["adr"]:
        prefix = "Work" if kind == "work" else "Home"
        row.update({f"{prefix} Address": "Lindenweg 3", f"{prefix} City": "Bremen",
                    f"{prefix} ZipCode": "28195", f"{prefix} Country": "Deutschland"})
    return [row[column] for column in THUNDERBIRD_COLUMNS]


def main():
    label_rows = []
    for name, book in CONTACTS.items():
        fmt, contacts = book["format"], book["contacts"]
        path = os.path.join(HERE, name)
        stem = name.split(".")[0]
        if fmt.startswith("vcard"):
            with open(path, "w", encoding="utf-8", newline="") as out:
                for record, contact in enumerate(contacts, 1):
                    write_vcard(contact, fmt, f"{stem}-{record:03d}", out)
        else:
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL if fmt == "outlook-de" else csv.QUOTE_MINIMAL)
            columns, make_row = {"outlook-de": (OUTLOOK_COLUMNS, outlook_row),
                                 "google-new": (GOOGLE_COLUMNS, google_row),
                                 "thunderbird": (THUNDERBIRD_COLUMNS, thunderbird_row)}[fmt]
            writer.writerow(columns)
            for contact in contacts:
                writer.writerow(make_row(contact))
            with open(path, "w", encoding="utf-8-sig" if fmt == "outlook-de" else "utf-8", newline="") as out:
                out.write(buffer.getvalue())
        for record, contact in enumerate(contacts, 1):
            display = contact["fn"] or " ".join(p for p in (contact["given"], contact["family"]) if p)
            label_rows.append([name, book["account"], record, display, contact["expected"],
                               contact["clarity"], contact["reason"]])
    with open(os.path.join(HERE, "labels.csv"), "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["file", "account", "record", "name", "expected", "clarity", "reason"])
        writer.writerows(label_rows)
    total = len(label_rows)
    business = sum(1 for row in label_rows if row[4] == "business")
    print(f"{total} contacts: {business} business, {total - business} private")


if __name__ == "__main__":
    main()
