"""Writes the HR-export corpus: eight exports with invented people, each as
a `;` Windows-1252 CSV file with CRLF line ends (as Excel on Windows saves
it), a `,` UTF-8 CSV file with a byte-order mark, and an .xlsx workbook,
beside the `doorgroei/roster@1` YAML file they must all read as.

Run from the repository root: `python3 tests/corpus/make.py` (needs
openpyxl). The files it writes are committed; tests/import.rs reads them.
"""
import csv
import datetime as dt
import io
import os

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
FULL_TIME = 36.0

# The invented people: (id, first, infix, last, role id, role name, team,
# location, manager id, days, hours, start, email, bsn, birth, salary)
PEOPLE = [
    ("1001", "Tineke", "", "Bakker", "teamleider", "Teamleider", "Noord", "Utrecht", "", ["ma", "di", "wo", "do", "vr"], 36.0, dt.date(2012, 4, 1), "t.bakker@welzijngroeit.nl", "123456782", dt.date(1975, 3, 2), "5120"),
    ("1002", "Sanne", "van der", "Berg", "sw-hbo-senior", "Senior sociaal werker HBO", "Noord", "Utrecht", "1001", ["ma", "di", "do"], 28.8, dt.date(2015, 3, 1), "s.vanderberg@welzijngroeit.nl", "234567891", dt.date(1983, 7, 19), "4480"),
    ("1003", "Chloë", "de", "Wit", "sw-hbo-senior", "Senior sociaal werker HBO", "Oost", "Amersfoort", "1001", ["di", "wo", "do", "vr"], 32.0, dt.date(2016, 9, 1), "c.dewit@welzijngroeit.nl", "345678910", dt.date(1980, 11, 5), "4480"),
    ("1004", "Zeynep", "", "Öztürk", "sw-hbo-start", "Sociaal werker HBO startbekwaam", "Noord", "Utrecht", "1001", ["ma", "di", "do"], 32.0, dt.date(2026, 9, 1), "z.ozturk@welzijngroeit.nl", "456789123", dt.date(2001, 1, 30), "3150"),
    ("1005", "Jamal", "", "El Amrani", "sw-mbo-start", "Sociaal werker MBO startbekwaam", "Oost", "Amersfoort", "1001", ["ma", "wo", "vr"], 36.0, dt.date(2027, 1, 4), "j.elamrani@welzijngroeit.nl", "567891234", dt.date(2003, 6, 12), "2890"),
    ("1006", "Fatma", "", "Çelik", "sw-hbo-vak", "Sociaal werker HBO vakbekwaam", "Noord", "Utrecht", "1001", ["di", "do"], 21.6, dt.date(2021, 2, 15), "f.celik@welzijngroeit.nl", "678912345", dt.date(1995, 9, 9), "3640"),
    ("1007", "Ruud", "van 't", "Hof", "sw-hbo-start", "Sociaal werker HBO startbekwaam", "Oost", "Amersfoort", "1001", ["ma", "di", "wo", "do"], 32.0, dt.date(2026, 11, 1), "r.vanthof@welzijngroeit.nl", "789123456", dt.date(1999, 12, 24), "3150"),
]

DAY_NL = {"ma": "maandag", "di": "dinsdag", "wo": "woensdag", "do": "donderdag", "vr": "vrijdag"}
DAY_EN = {"ma": "Monday", "di": "Tuesday", "wo": "Wednesday", "do": "Thursday", "vr": "Friday"}


def name(p):
    return " ".join(x for x in (p[1], p[2], p[3]) if x)


def dmy(d, sep="-", pad=False):
    return f"{d.day:02}{sep}{d.month:02}{sep}{d.year}" if pad else f"{d.day}{sep}{d.month}{sep}{d.year}"


def nl_number(x):
    s = f"{x:g}"
    return s.replace(".", ",")


# Each export: title rows, header row, and per person the row of cells (a
# cell may be a date, number or text; CSV writes dates and numbers as the
# export would), plus what the twin holds beyond the common fields.
def afas():
    header = ["Personeelsnummer", "Naam", "Functie", "Afdeling", "Standplaats", "Leidinggevende", "Werkdagen", "Uren per week", "Datum in dienst", "BSN", "Geboortedatum"]
    rows = []
    for p in PEOPLE:
        boss = name(next(q for q in PEOPLE if q[0] == p[8])) if p[8] else ""
        rows.append([p[0], name(p), p[5], p[6], p[7], boss, ", ".join(p[9]), p[10], p[11], p[13], p[14]])
    return dict(title=[], header=header, rows=rows, date=lambda d: dmy(d), number=nl_number,
                twin=dict(team=True, location=True, manager=True, start=True, email=False),
                unused=["BSN", "Geboortedatum"], secrets=[p[13] for p in PEOPLE])


def youforce():
    header = ["Medewerkernummer", "Roepnaam", "Tussenvoegsel", "Achternaam", "Functienaam", "Organisatorische eenheid", "Werklocatie", "Contracturen", "In dienst sinds", "Werkdagen", "Zakelijk e-mailadres", "IBAN"]
    rows = []
    for i, p in enumerate(PEOPLE):
        rows.append([p[0], p[1], p[2], p[3], p[5], p[6], p[7], p[10], p[11], "/".join(DAY_NL[d] for d in p[9]), p[12], f"NL{20 + i}INGB000123456{i}"])
    return dict(title=[], header=header, rows=rows, date=lambda d: dmy(d, "-", True), number=nl_number,
                twin=dict(team=True, location=True, manager=False, start=True, email=True),
                unused=["IBAN"], secrets=[r[-1] for r in rows])


def nmbrs():
    header = ["Employee ID", "First name", "Last name", "Job title", "Department", "FTE", "Start date", "Working days", "Email", "Salary"]
    rows = []
    for p in PEOPLE:
        last = " ".join(x for x in (p[2], p[3]) if x)
        rows.append([p[0], p[1], last, p[5], p[6], p[10] / FULL_TIME, p[11], ", ".join(DAY_EN[d] for d in p[9]), p[12], p[15]])
    return dict(title=[], header=header, rows=rows, date=lambda d: dmy(d, "/", True), number=lambda x: f"{x:.4g}",
                twin=dict(team=True, location=False, manager=False, start=True, email=True),
                unused=["Salary"], secrets=[])


def titled():
    header = ["Personeelsnr.", "Naam", "Functie", "Team", "Werkdagen", "Capaciteit", "Coach", "Zij-instromer"]
    rows = []
    for p in PEOPLE:
        senior = p[4] == "sw-hbo-senior"
        rows.append([p[0], name(p), p[5], p[6], "|".join(p[9]), 2 if senior else "", "x" if senior else "", "ja" if p[0] == "1005" else "nee"])
    return dict(title=[["Personeelsoverzicht Welzijn Groeit"], ["Peildatum: 1-12-2026"]], header=header, rows=rows,
                date=lambda d: dmy(d), number=nl_number,
                twin=dict(team=True, location=False, manager=False, start=False, email=False, hours=False, capacity=True, coaching=True, switcher=True),
                unused=[], secrets=[])


def merged():
    header = ["Voornaam", "Tussenvoegsel", "Achternaam", "Personeelsnummer", "Functie", "Afdeling", "Werkdagen", "Uren"]
    rows = []
    for p in PEOPLE:
        rows.append([p[1], p[2], p[3], p[0], p[5].upper(), p[6], " ".join(p[9]), p[10]])
    return dict(title=[["Medewerker", "", "", "Dienstverband"]], header=header, rows=rows, date=lambda d: dmy(d), number=nl_number,
                merge=["A1:C1", "D1:H1"],
                twin=dict(team=True, location=False, manager=False, start=False, email=False),
                unused=[], secrets=[])


def first_last():
    header = ["Personeelsnummer", "Voornaam", "Achternaam", "Functiecode", "Afdeling", "Werkdagen", "Uren", "Leidinggevende"]
    rows = []
    for p in PEOPLE:
        last = " ".join(x for x in (p[2], p[3]) if x)
        rows.append([p[0], p[1], last, p[4], p[6], "ma|di|wo|do|vr" if p[0] == "1001" else ",".join(p[9]), p[10], p[8]])
    return dict(title=[], header=header, rows=rows, date=lambda d: dmy(d), number=nl_number,
                twin=dict(team=True, location=False, manager=True, start=False, email=False),
                unused=[], secrets=[])


def fte():
    header = ["Werknemersnummer", "Volledige naam", "Functie", "Afdeling", "fte", "Werkdagen", "Startdatum", "Geboortedatum"]
    rows = []
    for p in PEOPLE:
        rows.append([p[0], name(p), p[5], p[6], p[10] / FULL_TIME, " ".join(p[9]), p[11], p[14]])
    return dict(title=[], header=header, rows=rows, date=lambda d: dmy(d, ".", True), number=lambda x: f"{x:.4g}".replace(".", ","),
                twin=dict(team=True, location=False, manager=False, start=True, email=False),
                unused=["Geboortedatum"], secrets=[])


def coordinator():
    header = ["Personeelsnummer", "Naam", "Functie", "Werkdagen", "Max. mentees", "Coachingskwalificatie", "Huidige mentor", "Vastgezet", "Voorkeur mentor", "Liever niet", "Talen", "Aandachtsgebieden", "Afwezigheid", "Opmerkingen"]
    rows = []
    for p in PEOPLE:
        senior = p[4] == "sw-hbo-senior"
        mentor = {"1004": "Sanne van der Berg", "1007": "Chloë de Wit"}.get(p[0], "")
        locked = "ja" if p[0] == "1004" else ""
        prefers = "Chloë de Wit" if p[0] == "1005" else ""
        avoids = "Sanne van der Berg" if p[0] == "1005" else ""
        absent = "4-1-2027 t/m 8-1-2027" if p[0] == "1003" else ""
        rows.append([p[0], name(p), p[4], ", ".join(p[9]), 2 if senior else 0, "ja" if senior else "nee", mentor, locked, prefers, avoids, "nl, en" if senior else "nl", "jeugd; schulden" if senior else "", absent, "belt liever" if p[0] == "1006" else ""])
    return dict(title=[], header=header, rows=rows, date=lambda d: dmy(d), number=nl_number,
                twin=dict(team=False, location=False, manager=False, start=False, email=False, hours=False, capacity=True, zeros=True, coaching=True, pairs=True, prefs=True, languages=True, absent=True),
                unused=["Opmerkingen"], secrets=["belt liever"])


EXPORTS = {
    "afas": afas,
    "youforce": youforce,
    "nmbrs": nmbrs,
    "titelregels": titled,
    "samengevoegde-kop": merged,
    "voornaam-achternaam": first_last,
    "fte": fte,
    "coordinator": coordinator,
}


def twin(export):
    t = export["twin"]
    people = []
    for p in PEOPLE:
        q = {"id": p[0], "name": name(p), "role": p[4]}
        if t.get("team"):
            q["team"] = p[6]
        if t.get("location"):
            q["location"] = p[7]
        if t.get("manager") and p[8]:
            q["manager"] = p[8]
        q["days"] = p[9]
        if t.get("hours", True):
            q["hours"] = p[10]
        if t.get("start"):
            q["start"] = p[11].isoformat()
        if t.get("email"):
            q["email"] = p[12]
        senior = p[4] == "sw-hbo-senior"
        if t.get("capacity") and senior:
            q["capacity"] = 2
        elif t.get("zeros"):
            q["capacity"] = 0  # written as 0: not the default for the level
        if t.get("coaching") and senior:
            q["coaching"] = True
        if t.get("switcher") and p[0] == "1005":
            q["career_switcher"] = True
        if t.get("languages"):
            q["languages"] = ["nl", "en"] if senior else ["nl"]
            if senior:
                q["specialisms"] = ["jeugd", "schulden"]
        if t.get("prefs") and p[0] == "1005":
            q["prefers"] = ["1003"]
            q["avoids"] = ["1002"]
        if t.get("absent") and p[0] == "1003":
            q["absent"] = ["2027-01-04..2027-01-08"]
        people.append(q)
    out = ["# What every export in this folder must read as.", "schema: doorgroei/roster@1", "people:"]
    import json
    for q in people:
        out.append("  - " + json.dumps(q, ensure_ascii=False))
    if t.get("pairs"):
        out.append("pairs:")
        out.append('  - {"mentee": "1004", "mentor": "1002", "locked": true}')
        out.append('  - {"mentee": "1007", "mentor": "1003", "locked": false}')
    return "\n".join(out) + "\n"


def csv_text(export, delimiter):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if delimiter == ";" else "\n")
    width = len(export["header"])
    for t in export["title"]:
        w.writerow(t + [""] * (width - len(t)))
    w.writerow(export["header"])
    for r in export["rows"]:
        cells = []
        for c in r:
            if isinstance(c, dt.date):
                cells.append(export["date"](c))
            elif isinstance(c, float):
                cells.append(export["number"](c) if delimiter == ";" else f"{c:.4g}")
            else:
                cells.append(str(c))
        w.writerow(cells)
    return buf.getvalue()


def xlsx(export, path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Blad1"
    for t in export["title"]:
        ws.append(t)
    ws.append(export["header"])
    for i, r in enumerate(export["rows"]):
        cells = []
        for c in r:
            if isinstance(c, dt.date) and i % 2 == 1:
                # Some dates as date-times: the time is dropped.
                cells.append(dt.datetime(c.year, c.month, c.day, 9, 30))
            elif isinstance(c, str) and c.isdigit() and len(c) == 4:
                cells.append(int(c))  # employee numbers kept as numbers
            else:
                cells.append(c)
        ws.append(cells)
    for m in export.get("merge", []):
        ws.merge_cells(m)
    wb.properties.creator = "Doorgroei corpus"
    wb.properties.created = dt.datetime(2026, 12, 1)
    wb.properties.modified = dt.datetime(2026, 12, 1)
    wb.save(path)


def main():
    for folder, make in EXPORTS.items():
        export = make()
        d = os.path.join(HERE, folder)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "roster.yaml"), "w", encoding="utf-8") as f:
            f.write(twin(export))
        with open(os.path.join(d, "export-1252.csv"), "wb") as f:
            f.write(csv_text(export, ";").encode("cp1252"))
        with open(os.path.join(d, "export-utf8.csv"), "wb") as f:
            f.write(b"\xef\xbb\xbf" + csv_text(export, ",").encode("utf-8"))
        xlsx(export, os.path.join(d, "export.xlsx"))
        with open(os.path.join(d, "unused.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(export["unused"]) + ("\n" if export["unused"] else ""))
        with open(os.path.join(d, "secrets.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(export["secrets"]) + ("\n" if export["secrets"] else ""))


def faulty():
    """An export with mistakes, and the messages they must give (in
    expected-*.txt): a two-digit year, an impossible date, an unknown
    role, a name two people have, a bad day, e-mail cells that are no
    address (one with a line break that would add an attendee to a
    calendar file)."""
    d = os.path.join(HERE, "fouten")
    os.makedirs(d, exist_ok=True)
    header = ["Personeelsnummer", "Naam", "Functie", "Werkdagen", "Datum in dienst", "Leidinggevende", "E-mailadres"]
    rows = [
        ["2001", "Piet Jansen", "Teamleider", "ma, di", "1-1-2020", "", "p.jansen@welzijngroeit.nl"],
        ["2002", "Piet Jansen", "Teamleider", "wo", "1-1-2021", "", "geen e-mail"],
        ["2003", "Anna de Vries", "Sociaal werker HBO startbekwam", "ma", "4-1-27", "Piet Jansen", ""],
        ["2004", "Bram Kok", "Sociaal werker HBO startbekwaam", "maandagg", "31-4-2027", "2001", "b.kok@welzijngroeit.nl"],
        ["2005", "Eva Smit", "Teamleider", "ma", "1-1-2022", "", "e.smit@welzijngroeit.nl\nATTENDEE:mailto:x@example.org"],
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Personeel"
    ws.append(["Export uit het HR-systeem"])
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.properties.created = dt.datetime(2026, 12, 1)
    wb.properties.modified = dt.datetime(2026, 12, 1)
    wb.save(os.path.join(d, "export.xlsx"))
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(["Export uit het HR-systeem"] + [""] * 6)
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    with open(os.path.join(d, "export-1252.csv"), "wb") as f:
        f.write(buf.getvalue().encode("cp1252"))


if __name__ == "__main__":
    main()
    faulty()
