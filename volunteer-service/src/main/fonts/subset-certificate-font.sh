#!/usr/bin/env bash
# Regenerates the certificate font: WenQuanYi Micro Hei (Debian's fonts-wqy-microhei, Apache-2.0) cut down to
# ASCII, the whole of GB2312 (its 6,763 hanzi hold the 3,755 common characters and the usual name characters, its
# symbols the punctuation) and every character of the certificate's fixed texts in CertificatePdf.java.
# Needs apt-get and fontTools (Debian's python3-fonttools; PYTHON names an interpreter that has it).
# Run from anywhere: writes src/main/resources/fonts/wqy-microhei-certificate.ttf beside this script.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../resources/fonts"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download fonts-wqy-microhei
dpkg-deb -x fonts-wqy-microhei_*.deb package
"${PYTHON:-python3}" - "$here/../java/org/linkage/volunteer/mapping/CertificatePdf.java" > characters.txt <<'PY'
import sys
chars = {chr(c) for c in range(0x20, 0x7f)}
for row in range(0xa1, 0xf8):
    for cell in range(0xa1, 0xff):
        try:
            chars.add(bytes([row, cell]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
chars.update(c for c in open(sys.argv[1], encoding="utf-8").read() if ord(c) > 0x7f)
print("".join(sorted(chars)))
PY
"${PYTHON:-python3}" -m fontTools.subset package/usr/share/fonts/truetype/wqy/wqy-microhei.ttc --font-number=0 \
    --text-file=characters.txt --no-hinting --desubroutinize --name-IDs='*' --name-languages='*' \
    --layout-features='' --output-file="$out/wqy-microhei-certificate.ttf"
ls -l "$out/wqy-microhei-certificate.ttf"
