"""Writes `bladen/export.xlsx`: a workbook of two sheets for the web app's
mapping step and sheet choice (tests/browser/app.test.mjs and core's
exchange tests read it).

- "Medewerkers" (the first sheet): the corpus's seven invented people under
  headers from a home-made HR list that Doorgroei does not recognise for
  two fields a roster needs (`Pers.code` holds the id, `Functie omschr.`
  the role), with a BSN and a date-of-birth column matching does not need.
- "Stagiairs": three other people under headers that are recognised.

Run from the repository root: `python3 tests/corpus/make_sheets.py` (needs
openpyxl). The workbook it writes is committed; `bladen/secrets.txt` lists
the BSN values that must never be stored or written.
"""
import datetime as dt
import os
import sys

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ beside the corpus
sys.path.insert(0, HERE)
from make import PEOPLE, name  # noqa: E402  (the corpus's invented people)

INTERNS = [
    ("2001", "Noor Jansen", "Sociaal werker HBO startbekwaam", "Noord", "ma, di, wo"),
    ("2002", "Milan de Vries", "Sociaal werker MBO startbekwaam", "Oost", "di, do"),
    ("2003", "Iris Smit", "Sociaal werker HBO startbekwaam", "Oost", "wo, do, vr"),
]


def main():
    d = os.path.join(HERE, "bladen")
    os.makedirs(d, exist_ok=True)
    wb = openpyxl.Workbook()
    staff = wb.active
    staff.title = "Medewerkers"
    staff.append(["Pers.code", "Naam", "Functie omschr.", "Afdeling", "Werkdagen", "BSN", "Geboortedatum"])
    for p in PEOPLE:
        # Employee numbers as numbers, dates as date cells: as a spreadsheet keeps them.
        staff.append([int(p[0]), name(p), p[5], p[6], ", ".join(p[9]), p[13], p[14]])
    for row in staff.iter_rows(min_row=2, min_col=7, max_col=7):
        for cell in row:
            cell.number_format = "dd-mm-yyyy"
    interns = wb.create_sheet("Stagiairs")
    interns.append(["Personeelsnummer", "Naam", "Functie", "Afdeling", "Werkdagen"])
    for row in INTERNS:
        interns.append(list(row))
    wb.properties.creator = "Doorgroei corpus"
    wb.properties.created = dt.datetime(2026, 12, 1)
    wb.properties.modified = dt.datetime(2026, 12, 1)
    wb.save(os.path.join(d, "export.xlsx"))
    with open(os.path.join(d, "secrets.txt"), "w", encoding="utf-8") as f:
        f.write("".join(p[13] + "\n" for p in PEOPLE))


if __name__ == "__main__":
    main()
