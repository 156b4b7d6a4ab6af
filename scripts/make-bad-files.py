#!/usr/bin/env python3
"""Writes the bad-file corpus (tests/Kaohe.Tests/Corpus/BadFiles): inputs every importer must refuse with a Chinese
message and without writing anything. Run again to rebuild it; the files are committed so a test never depends on
this script. The two huge inputs (a zip bomb and a 2 GB sparse file) are made by the test itself, in /tmp."""
import io, os, sys, zipfile

out = os.path.join(os.path.dirname(__file__), "..", "tests", "Kaohe.Tests", "Corpus", "BadFiles")
os.makedirs(out, exist_ok=True)
for f in os.listdir(out):
    if f != "README.md":
        os.remove(os.path.join(out, f))

def put(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))

header = "单位,所属市,备注\n"
# Nothing to read.
put("empty.csv", b"")
put("empty.xlsx", b"")
put("whitespace-only.csv", "   \n\t\n  \n")
put("bom-only.csv", b"\xef\xbb\xbf")
put("bom-and-crlf-only.csv", b"\xef\xbb\xbf\r\n\r\n")
put("newlines-only.csv", "\n" * 500)
put("commas-only.csv", ",,,,\n,,,,\n")
put("header-unknown-columns.csv", "a,b,c\n1,2,3\n")
put("header-unknown-columns-crlf.csv", "a,b,c\r\n1,2,3\r\n")
put("header-unknown-columns-cr-only.csv", "a,b,c\r1,2,3\r")
put("header-only-unknown.csv", "甲,乙,丙\n")
put("duplicate-header-names.csv", "单位,单位,单位\n二七区,二七区,二七区\n")
put("header-with-bom-twice.csv", b"\xef\xbb\xbf\xef\xbb\xbf" + header.encode())
# Encodings that are neither UTF-8 nor GBK, or both at once.
put("utf16le-with-bom.csv", b"\xff\xfe" + ("单位,所属市\n二七区,郑州市\n").encode("utf-16-le"))
put("utf16be-with-bom.csv", b"\xfe\xff" + ("单位,所属市\n二七区,郑州市\n").encode("utf-16-be"))
put("utf16le-without-bom.csv", ("单位,所属市\n二七区,郑州市\n").encode("utf-16-le"))
put("utf32le.csv", b"\xff\xfe\x00\x00" + ("单位,所属市\n").encode("utf-32-le"))
put("mixed-utf8-and-gbk.csv", "单位,所属市\n".encode("utf-8") + "二七区,郑州市\n".encode("gbk"))
put("invalid-bytes.csv", b"\x81\xff\xfe\x80\x80\x80,\xc3\x28\n\xa0\xa1\n")
put("latin1-accents.csv", "nom,ville\ncaf\xe9,orl\xe9ans\n".encode("latin-1"))
put("nul-bytes.csv", b"\x00" * 4096)
put("nul-in-header.csv", "单\x00位,所属市\n二七区,郑州市\n")
# Structure.
put("unbalanced-quote.csv", '"单位,所属市\n二七区,"郑州市\n')
put("quote-never-closed.csv", header + '"二七区,郑州市,' + "x" * 5000 + "\n")
put("one-long-line-1mb.csv", "单位" + "," * 1_000_000)
put("field-100k-chars-in-header.csv", "单位," + "长" * 100_000 + "\n二七区,1\n")
put("thousand-columns.csv", ",".join(f"列{i}" for i in range(1000)) + "\n" + ",".join(str(i) for i in range(1000)) + "\n")
put("tab-separated.csv", "单位\t所属市\t备注\n二七区\t郑州市\t\n")
put("semicolon-separated.csv", "单位;所属市;备注\n二七区;郑州市;\n")
put("formula-cells.csv", '=HYPERLINK("http://evil.example/","点击"),=1+1,@SUM(A1)\n=cmd|\' /C calc\'!A0,+1,-1\n')
# Something else under a table's name.
put("html-page.csv", "<!DOCTYPE html><html><body><table><tr><td>单位</td></tr></table></body></html>\n")
put("json.csv", '[{"单位":"二七区","所属市":"郑州市"}]\n')
put("xml.csv", '<?xml version="1.0"?><units><unit name="二七区"/></units>\n')
put("png-named-csv.csv", b"\x89PNG\r\n\x1a\n" + os.urandom(0) + bytes(range(256)) * 4)
put("pdf-named-csv.csv", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
put("elf-binary.csv", b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8)
put("random-bytes.csv", bytes((i * 7919 + 13) % 256 for i in range(8192)))
put("gzip-named-csv.csv", b"\x1f\x8b\x08\x00" + bytes(64))
# XLSX that is not one.
put("text-renamed.xlsx", header + "二七区,郑州市,\n")
put("csv-gbk-renamed.xlsx", (header + "二七区,郑州市,\n").encode("gbk"))
put("html-renamed.xlsx", "<html><body>单位</body></html>")
put("truncated-zip.xlsx", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(40))
put("zip-end-only.xlsx", b"PK\x05\x06" + bytes(18))
def zipped(entries):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in entries.items():
            z.writestr(n, d)
    return b.getvalue()
put("zip-without-workbook.xlsx", zipped({"hello.txt": "not a workbook"}))
put("docx-renamed.xlsx", zipped({"[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>', "word/document.xml": "<w:document/>"}))
put("workbook-with-broken-xml.xlsx", zipped({
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    "xl/workbook.xml": "<workbook><sheets><sheet name=",
}))
put("xls-97-2003.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
put("xls-97-2003.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
print(len(os.listdir(out)) - (1 if os.path.exists(os.path.join(out, "README.md")) else 0), "files in", os.path.normpath(out))
