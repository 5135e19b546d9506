"""hooks/edition/pdf.py: WeasyPrint's PDF (tagged, language, title, fonts embedded), made in
a worker process; a machine without a font or pango is told what to install."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

import fonts
from edition import pdf
from pdftext import embedded_fonts

HOOKS = Path(__file__).resolve().parents[2] / "hooks"
DOCUMENT = f"""<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>测试报告2023</title>
<style>html {{ font-family: "{fonts.SERIF}" }} h2 {{ font-family: "{fonts.SANS}" }}</style></head>
<body><h2 id="a">一、团市委基本情况</h2><p>群团改革后,团市委机关内设9个部门。</p>
<p><a href="#a">回到标题</a></p></body></html>"""


def test_the_pdf_is_tagged_has_its_language_and_title_and_embeds_its_fonts():
    data, warnings = pdf.render(DOCUMENT, base_url="https://example.org/")
    assert warnings == []
    reader = PdfReader(BytesIO(data))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "zh" and "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert reader.metadata.title == "测试报告2023"
    fonts_used = embedded_fonts(reader)
    names = {name.split("+")[-1].replace("-", "") for name in fonts_used}  # /ABCDEF+Noto-Serif-CJK-SC: a subset
    assert names == {"NotoSerifCJKSC", "NotoSansCJKSCBold"}, names
    assert all(fonts_used.values()), fonts_used
    assert "群团改革后,团市委机关内设9个部门。" in reader.pages[0].extract_text()


def test_the_pdf_loads_nothing_from_elsewhere():
    html = DOCUMENT.replace("</body>", '<img src="https://example.org/logo.png" alt="x"></body>')
    data, warnings = pdf.render(html, base_url="https://example.org/")
    assert data.startswith(b"%PDF-")
    assert any("disallowed protocol: https://example.org/logo.png" in w for w in warnings), warnings


def test_a_worker_makes_the_same_pdf(tmp_path):
    edition = SimpleNamespace(document=DOCUMENT, pdf=None, site=SimpleNamespace(site_url="https://example.org/", page=""))
    printer = pdf.Printer(str(HOOKS), workers=1)
    try:
        printer.check()
        printer.print(edition, tmp_path / "x.pdf")
        collected = list(printer.collect())
    finally:
        printer.close()
    assert collected == [(edition, tmp_path / "x.pdf", [])]
    assert edition.pdf == pdf.render(DOCUMENT, base_url="https://example.org/")[0]


def test_a_pdf_weasyprint_cannot_make_is_named_with_its_language(tmp_path):
    edition = SimpleNamespace(document=None, pdf=None, site=SimpleNamespace(site_url="https://example.org/", page="", lang="en"))
    printer = pdf.Printer(str(HOOKS), workers=1)
    try:
        printer.print(edition, tmp_path / "x.pdf")
        with pytest.raises(pdf.Failed, match="the English PDF edition could not be made: "):
            list(printer.collect())
    finally:
        printer.close()


def test_a_machine_without_the_fonts_is_told_what_to_install(tmp_path, monkeypatch):
    config = tmp_path / "fonts.conf"
    config.write_text(f'<?xml version="1.0"?><fontconfig><dir>{tmp_path / "none"}</dir>'
                      f'<cachedir>{tmp_path / "cache"}</cachedir></fontconfig>', encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))
    fonts._match.cache_clear()
    try:
        with pytest.raises(pdf.Unavailable) as raised:
            pdf.check()
    finally:
        fonts._match.cache_clear()
    assert "apt-get install fonts-noto-cjk" in str(raised.value)
    assert "extra: edition: pdf: false" in str(raised.value)


# A machine without pango: cffi cannot open it, as on a machine where it is not installed.
NO_PANGO = textwrap.dedent("""\
    import cffi
    _dlopen = cffi.FFI.dlopen
    def dlopen(self, name, *args, **kwargs):
        if "pango" in str(name):
            raise OSError(f"cannot load library '{name}': {name}: cannot open shared object file: No such file or directory")
        return _dlopen(self, name, *args, **kwargs)
    cffi.FFI.dlopen = dlopen
""")


def without_pango(folder: Path) -> dict[str, str]:
    """An environment whose Python processes cannot load pango."""
    (folder / "sitecustomize.py").write_text(NO_PANGO, encoding="utf-8")
    return {"PYTHONPATH": str(folder)}


def test_a_machine_without_pango_is_told_what_to_install(tmp_path):
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from edition import pdf\n"
            "try:\n    pdf.check()\nexcept pdf.Unavailable as e:\n    print(e)")
    env = {"PATH": "/usr/bin:/bin", **without_pango(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code, str(HOOKS)], env=env, capture_output=True, text=True, timeout=120)
    assert "cannot load library 'libpango-1.0-0'" in done.stdout, done.stdout + done.stderr
    assert "sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fontconfig fonts-noto-cjk" in done.stdout
    assert "WeasyPrint could not import" not in done.stdout  # its own advice, for another system
