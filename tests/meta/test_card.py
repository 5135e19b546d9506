"""hooks/meta/card.py: the share image, drawn with the pinned font, the same bytes every time."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

import fonts
from meta import card
from meta.card import Card, Figure, MissingGlyphs

HOOKS = Path(card.__file__).resolve().parents[1]
THEORY = Card("zh", "二、学习贯彻习近平新时代中国特色社会主义思想的情况", "共青团上海市委员会",
              "2023年基层评议公开内容", "评议年度:2023年", Figure("超过100万", "人次", "", "宣讲覆盖团员青年"))
LONG = Card("en", "A title far too long for any card " * 8, "Communist Youth League Shanghai Municipal Committee " * 2,
            "2023 Grassroots Evaluation Disclosure " * 3, "Evaluation year: 2023",
            Figure("more than 16.587 million", "young people in all of the sixteen districts", "cumulative",
                   "attracted by the Youth Study Programme over the years " * 5))


def _image(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    return image.convert("RGB")


def test_a_card_is_a_1200_by_630_png_in_the_site_s_colours():
    image = _image(card.render(THEORY))
    assert image.size == (1200, 630)
    assert image.getpixel((600, 5)) == card.RED            # the band
    assert image.getpixel((600, card.BAND + 8)) == card.WHITE
    colours = {colour for _, colour in image.getcolors(1 << 20)}
    assert card.RED in colours and card.INK in colours      # the figure, the title


def test_nothing_drawn_leaves_its_place_however_long_the_texts():
    image = _image(card.render(LONG))
    right = image.crop((1200 - card.MARGIN + 2, card.BAND + 1, 1200, 630))
    assert right.getcolors() == [(right.width * right.height, card.WHITE)], "text ran into the right margin"
    band = image.crop((1200 - card.MARGIN + 2, 0, 1200, card.BAND))
    assert band.getcolors() == [(band.width * band.height, card.RED)], "the publisher ran out of the band"
    rule = 630 - card.FOOTER
    between = image.crop((card.MARGIN, rule - 12, 1200 - card.MARGIN, rule))
    assert between.getcolors() == [(between.width * between.height, card.WHITE)], "the content ran into the footer"


def test_the_same_card_gives_the_same_bytes_in_another_process():
    script = ("import sys; sys.path.insert(0, sys.argv[1]); from meta.card import *; "
              "sys.stdout.buffer.write(render(Card('zh', '三、服务基层、服务群众情况', '共青团上海市委员会', "
              "'2023年基层评议公开内容', '评议年度:2023年', Figure('579', '个', '', '小学生爱心暑托班办班点'))))")
    outputs = [subprocess.run([sys.executable, "-c", script, str(HOOKS)], capture_output=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert outputs[0] == outputs[1] and outputs[0].startswith(b"\x89PNG")
    assert b"tIME" not in outputs[0]  # no time stamp in the file


def test_a_character_the_font_lacks_is_refused_not_drawn_as_a_box():
    with pytest.raises(MissingGlyphs) as raised:
        card.render(Card("zh", "标题\U0001F600", "发布者\U00013000", "报告", "2023"))
    assert raised.value.lacking == [("title", "\U0001F600"), ("publisher", "\U00013000")]  # every one
    assert card.missing("共青团上海市委员会 2023 “Nine Ones”") == ""


def test_a_machine_without_the_font_is_told_what_to_install(tmp_path, monkeypatch):
    config = tmp_path / "fonts.conf"
    config.write_text(f'<?xml version="1.0"?><fontconfig><dir>{tmp_path / "none"}</dir>'
                      f'<cachedir>{tmp_path / "cache"}</cachedir></fontconfig>', encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))
    for cached in (fonts._match, card.font, card._characters, card._starts):
        cached.cache_clear()
    try:
        with pytest.raises(fonts.MissingFont, match="apt-get install fonts-noto-cjk"):
            card.render(THEORY)
    finally:
        monkeypatch.undo()
        for cached in (fonts._match, card.font, card._characters, card._starts):
            cached.cache_clear()


def test_the_cache_keeps_a_drawn_card_and_draws_a_changed_one(tmp_path, monkeypatch):
    first = card.cached(THEORY, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [f"{card.key(THEORY)}.png"]
    drawn = []
    monkeypatch.setattr(card, "render", lambda c: drawn.append(c) or b"new")
    assert card.cached(THEORY, tmp_path) == first and drawn == []
    changed = Card(**{**THEORY.__dict__, "title": "二、另一个标题"})
    assert card.key(changed) != card.key(THEORY)
    assert card.cached(changed, tmp_path) == b"new" and drawn == [changed]


def test_an_english_ellipsis_sits_on_the_line_not_in_its_middle():
    """The CJK font centres U+2026, as Chinese sets it: English cards draw three full stops."""
    text = "This page brings together the figures stated in the disclosure"
    english = Card("en", "Statistics", "CYL", "Disclosure", "Evaluation year: 2023", summary=text + "\u2026")
    assert card.render(english) == card.render(Card(**{**english.__dict__, "summary": text + "..."}))
    chinese = Card("zh", "数据统计", "团市委", "公开内容", "2023年", summary="本页汇总……")
    assert card.render(chinese) != card.render(Card(**{**chinese.__dict__, "summary": "本页汇总......"}))
