#!/usr/bin/env python3
"""Writes the bad-input corpus (issue 9) next to this script: small hostile files, each a trap a real
upload has sprung. Expectations live in cases.csv; the huge files (100 MB+, a million columns, a zip
bomb) are made by the test itself so the repository stays small. Run: python3 tests/corpus/make_corpus.py"""
import os, zipfile, io

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
os.makedirs(FILES, exist_ok=True)

HEADER = "LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1,SENType2,SENUnitIndicator,ResourcedProvisionIndicator,TopUpFunding,EntryDate"
ROWS = [
    "8552001,2026-01-15,E855200125644,2020-11-09,F,R,K,OTH,,FALSE,FALSE,FALSE,2025-09-02",
    "8552001,2026-01-15,T855200125382,2021-08-08,M,R,K,ASD,,FALSE,FALSE,FALSE,",
    "8552001,2026-01-15,G855200123188,2018-12-17,M,2,E,SEMH,SLCN,FALSE,FALSE,TRUE,2023-09-04",
    "8552001,2026-01-15,R855203322610,2018-04-03,M,3,E,ASD,OTH,FALSE,FALSE,FALSE,2024-12-11",
    "8552001,2026-01-15,M855213922355,2018-08-02,M,3,K,VI,,FALSE,FALSE,FALSE,2023-04-18",
]
cases = []

def write(name, data, expect, rule="", return_type="school-census", submitter="8552001", why=""):
    with open(os.path.join(FILES, name), "wb") as f:
        f.write(data)
    cases.append((name, return_type, submitter, expect, rule, why))

def csv(lines, sep="\r\n", enc="utf-8"):
    return (sep.join(lines) + sep).encode(enc)

clean = [HEADER] + ROWS
# Encodings
write("utf8.csv", csv(clean), "accepted", why="the control: a clean census")
write("utf8-bom.csv", b"\xef\xbb\xbf" + csv(clean), "accepted", why="Excel's CSV UTF-8")
write("utf16le-bom.csv", b"\xff\xfe" + csv(clean, enc="utf-16-le"), "rejected", "FILE-005", why="Excel's 'Unicode text'")
write("utf16be-bom.csv", b"\xfe\xff" + csv(clean, enc="utf-16-be"), "rejected", "FILE-005")
write("utf16le-no-bom.csv", csv(clean, enc="utf-16-le"), "rejected", "FILE-005", why="NUL bytes beside every character: UTF-16 with no BOM")
write("utf32-bom.csv", b"\xff\xfe\x00\x00" + csv(clean, enc="utf-32-le"), "rejected", "FILE-005")
write("utf8-broken-sequence.csv", csv(clean).replace(b"OTH,,", b"OTH\xc3\x28,,", 1), "rejected", "", why="the first non-ASCII bytes are not UTF-8, so the file is read as Windows-1252 and the odd value is reported at its row")
write("utf8-broken-after-utf8.csv", csv([HEADER + ",Note", ROWS[0] + ",caf\u00e9", ROWS[1] + ",ok", ROWS[2] + ",na\u00efve"]).replace("na\u00efve".encode(), b"na\xc3\x28ve"), "rejected", "FILE-006", why="UTF-8 established by an earlier e-acute, then a broken sequence")
write("utf8-overlong.csv", csv(clean).replace(b"ASD,,", b"ASD\xc0\xaf,,", 1), "rejected", "")
write("bom-in-middle.csv", csv(clean).replace(b"\r\n8552001,2026-01-15,G", b"\r\n\xef\xbb\xbf8552001,2026-01-15,G", 1), "rejected", "", why="a file pasted together from two exports")
write("mixed-line-ends.csv", (HEADER + "\r\n" + ROWS[0] + "\n" + ROWS[1] + "\r\n" + ROWS[2] + "\n" + ROWS[3] + "\n" + ROWS[4] + "\r\n").encode(), "accepted", why="LF and CRLF mixed")
write("cr-only-line-ends.csv", csv(clean, sep="\r"), "accepted", why="classic Mac line ends are read as line ends")
write("windows-1252-pound.csv", csv(clean).replace(b"OTH,,", b"OTH,,", 1).replace(b"EntryDate", b"EntryDate,Note") .replace(b"2025-09-02\r\n8552001,2026-01-15,T", b"2025-09-02,\xa3 top-up agreed\r\n8552001,2026-01-15,T", 1), "rejected", "FILE-016", why="a Windows-1252 \u00a3 in an extra column; the field count is what is wrong")
write("nul-byte-in-row.csv", csv(clean).replace(b"VI,,", b"VI\x00,,", 1), "rejected", "FILE-004")
write("only-bom.csv", b"\xef\xbb\xbf", "rejected", "FILE-001")
write("empty.csv", b"", "rejected", "FILE-001")
write("whitespace-only.csv", b"   \r\n\r\n  \r\n", "rejected", "FILE-001")
write("header-only.csv", csv([HEADER]), "rejected", "FILE-002")
# Delimiters and quoting
write("semicolons.csv", csv([l.replace(",", ";") for l in clean]), "rejected", "FILE-007", why="a European-locale Excel export")
write("tabs.csv", csv([l.replace(",", "\t") for l in clean]), "rejected", "FILE-007", why="a TSV renamed .csv")
write("pipes.csv", csv([l.replace(",", "|") for l in clean]), "rejected", "FILE-007")
write("unbalanced-quote.csv", csv([HEADER, ROWS[0], '8552001,"2026-01-15,T855200125382,2021-08-08,M,R,K,ASD,,FALSE,FALSE,FALSE,', ROWS[2]]), "rejected", "FILE-015")
write("quote-inside-unquoted.csv", csv([HEADER, ROWS[0].replace("OTH", 'O"TH')] + ROWS[1:]), "rejected", "")
write("embedded-newline.csv", csv([HEADER, ROWS[0], ROWS[1].replace(",ASD,", ',"AS\r\nD",'), ROWS[2]]), "rejected", "", why="a line break inside a quoted SEN type")
write("quoted-everything.csv", csv([",".join('"%s"' % c for c in l.split(",")) for l in clean]), "accepted")
write("extra-field.csv", csv([HEADER, ROWS[0] + ",extra"] + ROWS[1:]), "rejected", "FILE-016")
write("missing-field.csv", csv([HEADER, ROWS[0].rsplit(",", 1)[0]] + ROWS[1:]), "rejected", "FILE-016")
write("trailing-comma-every-row.csv", csv([l + "," for l in clean]), "accepted", why="an empty unnamed column some MIS exports add")
write("blank-lines-between-rows.csv", csv([HEADER, ROWS[0], "", ROWS[1], "", ROWS[2]]), "accepted")
write("duplicate-header.csv", csv([HEADER + ",UPN"] + [r + ",X" for r in ROWS]), "rejected", "FILE-009")
write("header-variants.csv", csv([HEADER.replace("LAEstab", "la_estab").replace("CensusDate", "Census Date").replace("UPN", "upn")] + ROWS), "accepted", why="headers matched ignoring case, spaces and underscores")
write("unknown-column.csv", csv([HEADER + ",Notes"] + [r + ",fine" for r in ROWS]), "accepted", "FILE-008")
write("missing-required-column.csv", csv([",".join(c for c in HEADER.split(",") if c != "SENProvision")] + [",".join(v for i, v in enumerate(r.split(",")) if i != 6) for r in ROWS]), "rejected", "FILE-007")
write("header-not-first.csv", csv(["Census return for Ash Primary", HEADER] + ROWS), "rejected", "")
# Spreadsheet traps seen in CSV exports
write("dates-us-order.csv", csv([HEADER] + [ROWS[0].replace("2020-11-09", "11/29/2020")] + ROWS[1:]), "rejected", "VAL-002", why="US month-first dates are never guessed")
write("dates-excel-serial-in-csv.csv", csv([HEADER] + [ROWS[0].replace("2020-11-09", "44144")] + ROWS[1:]), "rejected", "VAL-002")
write("dates-two-digit-year.csv", csv([HEADER] + [ROWS[0].replace("2020-11-09", "09/11/20")] + ROWS[1:]), "rejected", "VAL-002")
write("laestab-leading-digit-lost.csv", csv([HEADER] + [r.replace("8552001,", "855201,", 1) for r in ROWS]), "rejected", "", why="a column Excel turned into a number")
write("laestab-scientific.csv", csv([HEADER] + [r.replace("8552001,", "8.552001E+06,", 1) for r in ROWS]), "rejected", "")
write("formula-injection.csv", csv([HEADER] + [ROWS[0].replace(",OTH,", ',"=HYPERLINK(""http://x"",""click"")",')] + ROWS[1:]), "rejected", "", why="a formula in a value must be reported as text, never run")
write("formula-plus-minus-at.csv", csv([HEADER] + [ROWS[0].replace(",F,", ",+F,"), ROWS[1].replace(",M,", ",-M,"), ROWS[2].replace(",M,", ",@M,")] + ROWS[3:]), "rejected", "")
write("html-in-value.csv", csv([HEADER] + [ROWS[0].replace(",OTH,", ",<script>alert(1)</script>,")] + ROWS[1:]), "rejected", "", why="the HTML report must escape it")
write("very-long-value.csv", csv([HEADER] + [ROWS[0].replace(",OTH,", "," + "X" * 50000 + ",")] + ROWS[1:]), "rejected", "")
write("row-over-limit.csv", csv([HEADER, '8552001,"' + "Y" * ((1 << 20) + 16) + '"']), "rejected", "FILE-017")
write("two-thousand-columns.csv", csv([HEADER + "," + ",".join("C%d" % i for i in range(2000))] + ROWS), "rejected", "")
# Binary renamed
write("png-renamed.csv", b"\x89PNG\r\n\x1a\n" + os.urandom(2000), "rejected", "FILE-004")
write("pdf-renamed.csv", b"%PDF-1.7\n" + b"1 0 obj << /Type /Catalog >> endobj\n" * 50, "rejected", "FILE-004")
write("xls-ole-renamed.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000), "rejected", "FILE-004", why="an old .xls saved with a .csv name")
write("gzip-renamed.csv", b"\x1f\x8b\x08\x00" + os.urandom(1000), "rejected", "FILE-004")
write("random-bytes.csv", os.urandom(5000), "rejected", "")

# XLSX traps, written as SpreadsheetML by hand so each trap is exactly what it says
def xlsx(name, sheets, expect, rule="", workbook_extra="", hidden_first=False, styles=True, why=""):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        ct = ['<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
              '<Default Extension="xml" ContentType="application/xml"/>',
              '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>']
        if styles: ct.append('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>')
        for i in range(len(sheets)):
            ct.append('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % (i + 1))
        ct.append("</Types>")
        z.writestr("[Content_Types].xml", "".join(ct))
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        sh = "".join('<sheet name="Sheet%d" sheetId="%d" r:id="rId%d"%s/>' % (i + 1, i + 1, i + 1, ' state="hidden"' if hidden_first and i == 0 else "") for i in range(len(sheets)))
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>%s</sheets>%s</workbook>' % (sh, workbook_extra))
        rels = "".join('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (i + 1, i + 1) for i in range(len(sheets)))
        if styles: rels += '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>' % rels)
        if styles:
            z.writestr("xl/styles.xml", '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')
        for i, body in enumerate(sheets):
            z.writestr("xl/worksheets/sheet%d.xml" % (i + 1), '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData>%s</worksheet>' % body)
    write(name, buf.getvalue(), expect, rule, why=why)

def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s

def esc(t): return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def cell(ref, v, kind="s"):
    if kind == "s": return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, esc(v))
    if kind == "n": return '<c r="%s"><v>%s</v></c>' % (ref, v)
    if kind == "d": return '<c r="%s" s="1"><v>%s</v></c>' % (ref, v)
    if kind == "f": return '<c r="%s"><f>%s</f><v>%s</v></c>' % (ref, esc(v[0]), v[1])
    raise ValueError(kind)

def serial(iso):
    import datetime
    y, m, d = map(int, iso.split("-"))
    return str((datetime.date(y, m, d) - datetime.date(1899, 12, 30)).days)

def sheet(rows_cells, extra=""):
    xml = "".join('<row r="%d">%s</row>' % (r + 1, "".join(c for c in cells)) for r, cells in enumerate(rows_cells))
    return (xml, extra)

def census_cells(date_kind="s", laestab_kind="s", formula_laestab=False):
    out = [[cell(col(i) + "1", h) for i, h in enumerate(HEADER.split(","))]]
    for r, row in enumerate(ROWS):
        vals = row.split(",")
        cs = []
        for i, v in enumerate(vals):
            ref = col(i) + str(r + 2)
            if v == "": continue
            if i in (1, 3, 12) and date_kind == "d": cs.append(cell(ref, serial(v), "d"))
            elif i in (1, 3, 12) and date_kind == "n": cs.append(cell(ref, serial(v), "n"))
            elif i == 0 and formula_laestab: cs.append(cell(ref, ("8552000+1", v), "f"))
            elif i == 0 and laestab_kind == "n": cs.append(cell(ref, v, "n"))
            else: cs.append(cell(ref, v))
        out.append(cs)
    return out

xlsx("xlsx-clean.xlsx", [sheet(census_cells())], "accepted", why="the XLSX control")
xlsx("xlsx-dates-as-serials.xlsx", [sheet(census_cells(date_kind="d"))], "accepted", why="Excel date cells are dates")
xlsx("xlsx-dates-as-bare-numbers.xlsx", [sheet(census_cells(date_kind="n"))], "rejected", "VAL-002", why="a serial with no date format is a number, not a date")
xlsx("xlsx-laestab-as-number.xlsx", [sheet(census_cells(laestab_kind="n"))], "accepted")
xlsx("xlsx-formula-cells.xlsx", [sheet(census_cells(formula_laestab=True))], "accepted", why="the cached value is read; the formula never runs")
xlsx("xlsx-merged-cells.xlsx", [sheet(census_cells(), '<mergeCells count="1"><mergeCell ref="A2:A4"/></mergeCells>')], "accepted", why="merged cells keep their value in the first cell only; here every cell still holds one")
merged = census_cells()
merged[3] = [c for c in merged[3] if not c.startswith('<c r="A4"')]
xlsx("xlsx-merged-blanks-a-cell.xlsx", [sheet(merged, '<mergeCells count="1"><mergeCell ref="A3:A4"/></mergeCells>')], "rejected", "VAL-001", why="a merge hides the LAEstab of the rows below its first")
xlsx("xlsx-hidden-first-sheet.xlsx", [sheet([[cell("A1", "Instructions: fill in the next sheet")]]), sheet(census_cells())], "rejected", "", hidden_first=True, why="the first worksheet is read, hidden or not, and is not the return")
xlsx("xlsx-empty-sheet.xlsx", [sheet([])], "rejected", "FILE-001")
xlsx("xlsx-header-only.xlsx", [sheet([census_cells()[0]])], "rejected", "FILE-002")
xlsx("xlsx-no-styles.xlsx", [sheet(census_cells())], "accepted", styles=False)
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z: z.writestr("readme.txt", "not a workbook")
write("zip-not-workbook.xlsx", buf.getvalue(), "rejected", "FILE-014")
write("truncated-workbook.xlsx", open(os.path.join(FILES, "xlsx-clean.xlsx"), "rb").read()[:300], "rejected", "FILE-014")
write("csv-named-xlsx.xlsx", csv(clean), "accepted", why="the content decides, not the extension")
write("placements-xlsx-for-school.xlsx", open(os.path.join(FILES, "xlsx-clean.xlsx"), "rb").read(), "rejected", "FILE-010", return_type="placements", why="a school may send only its census")
write("hnb-finance-as-xlsx.xlsx", open(os.path.join(FILES, "xlsx-clean.xlsx"), "rb").read(), "rejected", "FILE-013", return_type="hnb-finance", submitter="la", why="XLSX is not accepted for hnb-finance")

with open(os.path.join(HERE, "cases.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("File,ReturnType,Submitter,Expect,RuleId,Why\n")
    for c in cases:
        f.write(",".join('"%s"' % x.replace('"', '""') if ("," in x or '"' in x) else x for x in c) + "\n")
print(len(cases), "files")
