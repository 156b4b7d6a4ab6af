#!/usr/bin/env bash
# Regenerates docs/notice/: the 2018 notice in all four formats from the published 2018 results imported
# with `kaohe results import`, and one rendered page of each as PNG (pdftoppm from poppler-utils; the
# .docx through LibreOffice if installed — apt-get install libreoffice-writer-nogui — only for this script;
# the .html through Chromium's headless screenshot).
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/notice
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/Kaohe.Cli -v q -nologo >/dev/null
kaohe=(src/Kaohe.Cli/bin/Debug/net10.0/kaohe --db "$work/k.db")
"${kaohe[@]}" demo load >/dev/null
# The reference list's columns 通报所用名称, 所属市（通报分组）, 2018考核等级 are the import's 单位, 所属市, 等级.
awk -F, 'BEGIN{print "单位,所属市,等级"} NR>1 && NF>6 {print $2","$4","$7}' tests/Kaohe.Tests/Features/Notices/Reference/henan-2018-units.csv > "$work/2018.csv"
"${kaohe[@]}" results import --year 2018 "$work/2018.csv"
for f in txt html docx pdf; do "${kaohe[@]}" notice --campaign 2018 --format $f --out "$out/notice-2018.$f" >/dev/null; done
pdftoppm -png -r 60 -f 1 -l 1 "$out/notice-2018.pdf" "$out/pdf-page"
annex=$(for p in $(seq 1 20); do pdftotext -f $p -l $p "$out/notice-2018.pdf" - 2>/dev/null | grep -q "一、考核优秀单位" && { echo $p; break; }; done)
pdftoppm -png -r 60 -f "$annex" -l "$annex" "$out/notice-2018.pdf" "$out/pdf-annex"
if command -v soffice >/dev/null; then
  soffice -env:UserInstallation=file://$work/lo --headless --convert-to pdf --outdir "$work" "$out/notice-2018.docx" >/dev/null 2>&1
  pdftoppm -png -r 60 -f 1 -l 1 "$work/notice-2018.pdf" "$out/docx-page"
fi
if [ -x /usr/bin/chromium ]; then
  chromium --headless --no-sandbox --disable-gpu --window-size=900,1200 --screenshot="$out/html-page.png" "file://$PWD/$out/notice-2018.html" >/dev/null 2>&1 || true
fi
python3 - "$out/notice-2018.txt" "$out/txt-page.txt" <<'PY' || head -40 "$out/notice-2018.txt" > "$out/txt-page.txt"
import sys; open(sys.argv[2],'w').write(''.join(open(sys.argv[1]).readlines()[:40]))
PY
for f in "$out"/*-[0-9]*.png; do [ -e "$f" ] && mv "$f" "${f%-[0-9]*.png}.png"; done
ls -la "$out"
