"""hooks/fonts.py: the pinned CJK fonts are found as themselves, and a machine without them is
told what to install."""
from __future__ import annotations

import pytest
from PIL import ImageFont

import fonts


@pytest.fixture(autouse=True)
def _fresh_lookup():
    fonts._match.cache_clear()
    yield
    fonts._match.cache_clear()


@pytest.mark.parametrize("family", fonts.FAMILIES)
@pytest.mark.parametrize("bold", [False, True])
def test_each_pinned_face_is_the_simplified_chinese_face_of_its_collection(family, bold):
    found = fonts.face(family, bold=bold)
    # the index picks the SC face out of the collection (the file holds JP, KR, SC, TC, HK)
    name, style = ImageFont.truetype(found.path, 40, index=found.index).getname()
    assert (name, style) == (family, "Bold" if bold else "Regular")


def test_a_machine_without_the_fonts_is_told_what_to_install(tmp_path, monkeypatch):
    config = tmp_path / "fonts.conf"  # a fontconfig that knows no font at all
    config.write_text(f'<?xml version="1.0"?><fontconfig><dir>{tmp_path / "none"}</dir>'
                      f'<cachedir>{tmp_path / "cache"}</cachedir></fontconfig>', encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))
    with pytest.raises(fonts.MissingFont) as raised:
        fonts.check()
    assert "apt-get install fonts-noto-cjk" in str(raised.value)
    assert "Noto Serif CJK SC Regular" in str(raised.value)


def test_a_fallback_font_is_not_taken_for_the_pinned_one(tmp_path, monkeypatch):
    fake = tmp_path / "fc-match"  # fontconfig answers with its best match, whatever it is
    fake.write_text("#!/bin/sh\nprintf '/usr/share/fonts/DejaVuSans.ttf|0|DejaVu Sans|Book'\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}")
    with pytest.raises(fonts.MissingFont, match="offers DejaVu Sans instead"):
        fonts.face(fonts.SANS)


def test_no_fontconfig_at_all_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(fonts.MissingFont, match="fontconfig"):
        fonts.face(fonts.SERIF, bold=True)
