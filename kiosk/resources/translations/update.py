"""Regenerate kiosk_vi.ts / kiosk_en.ts from the QML sources and compile the .qm files.

Run: python kiosk/resources/translations/update.py  (uses pyside6-lupdate / pyside6-lrelease next to the
running Python). Every source string must have a Vietnamese text in vi_texts.VI; a missing one fails.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
QML = HERE.parent.parent / "ui" / "qml" / "Kiosk"
SUPERVISOR = HERE.parent.parent / "ui" / "supervisor"
BIN = Path(sys.executable).parent

sys.path.insert(0, str(HERE))
from vi_texts import EN_PLURALS, VI  # noqa: E402


def tool(name: str) -> str:
    exe = BIN / name
    return str(exe) if exe.exists() else name


def fill(ts: Path, lang: str) -> list[str]:
    tree = ET.parse(ts)
    root = tree.getroot()
    root.set("language", "vi_VN" if lang == "vi" else "en_GB")
    missing = []
    for msg in root.iter("message"):
        src = msg.findtext("source") or ""
        tr = msg.find("translation")
        if tr is None:
            tr = ET.SubElement(msg, "translation")
        for child in list(tr):
            tr.remove(child)
        tr.attrib.pop("type", None)
        numerus = msg.get("numerus") == "yes"
        if lang == "vi":
            text = VI.get(src)
            if text is None:
                missing.append(src)
                tr.set("type", "unfinished")
                continue
            forms = [text]
        else:
            forms = list(EN_PLURALS.get(src, (src, src))) if numerus else [src]
        if numerus:
            tr.text = None
            for f in forms:
                ET.SubElement(tr, "numerusform").text = f
        else:
            tr.text = forms[0]
        if msg.find("translation") is None:
            msg.append(tr)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    sources = sorted(str(p) for p in QML.glob("*.qml"))
    # the supervisor screen: its QML and its view model (QCoreApplication.translate("Supervisor", …))
    sources += [str(SUPERVISOR / "Supervisor.qml"), str(SUPERVISOR / "supervisor_view_model.py")]
    missing: list[str] = []
    for lang in ("vi", "en"):
        ts = HERE / f"kiosk_{lang}.ts"
        subprocess.run([tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts)], check=True,
                       capture_output=True)
        missing += fill(ts, lang)
        # write beside and rename: a running kiosk (or test) has the old .qm memory-mapped by QTranslator, and
        # rewriting it in place truncates that mapping under it (SIGBUS at its next translated string)
        qm, tmp = ts.with_suffix(".qm"), ts.with_suffix(".qm.tmp")
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(tmp)], check=True, capture_output=True)
        os.replace(tmp, qm)
    for m in sorted(set(missing)):
        print(f"missing Vietnamese: {m!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
