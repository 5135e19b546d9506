"""hooks/meta/head.py: the share tags, with absolute addresses from the site's address."""
from __future__ import annotations

from meta.head import alternates, head, image_path

SITE = "https://example.github.io/report-2023/"


def test_each_share_image_has_its_path_by_language():
    assert image_path("index.md", "en") == "assets/images/share/en/index.png"
    assert image_path("theory.md", "zh") == "assets/images/share/zh/theory.png"


def test_alternates_name_both_languages_and_the_chinese_page_as_default():
    assert alternates(SITE, "theory.md") == [("zh", SITE + "theory/"), ("en", SITE + "en/theory/"),
                                            ("x-default", SITE + "theory/")]


def test_the_share_tags_are_complete_and_absolute():
    tags = head(site_url=SITE, page="theory.md", lang="en", title="II. Theory", description="It was studied.",
                site_name="Report", image_alt="II. Theory: 15,405 lecture events.", home=False)
    og = dict(tags.opengraph)
    assert og["og:url"] == tags.canonical == SITE + "en/theory/"
    assert og["og:image"] == SITE + "assets/images/share/en/theory.png"
    assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
    assert (og["og:locale"], og["og:locale:alternate"], og["og:type"]) == ("en_GB", "zh_CN", "article")
    assert og["og:title"] == "II. Theory" and og["og:description"] == tags.description == "It was studied."
    assert tags.twitter_card == "summary_large_image"
    home = head(site_url=SITE, page="index.md", lang="zh", title="报告", description="本网站。",
                site_name="报告", image_alt="报告。", home=True)
    assert dict(home.opengraph)["og:type"] == "website" and dict(home.opengraph)["og:locale"] == "zh_CN"
