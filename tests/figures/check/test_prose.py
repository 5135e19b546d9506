"""hooks/figures/check/prose.py: each figure is stated by its page's prose, in one sentence."""
from __future__ import annotations

from figures.check.prose import locate, locate_all
from figures.parse.prose import sentences

ZH = "共成立青年宣讲团1440支,覆盖团员青年百万余人次。动员超5000人参与志愿服务。近6万名青年参与线上学习。\n"
EN = ("In total, 1,440 youth lecture teams were set up, reaching more than 1 million person-times. "
      "More than 5,000 people volunteered. Nearly 60,000 young people joined online study.\n")


def run(metric, body: str, lang: str, first_line: int = 10):
    file = "docs/theory.md" if lang == "zh" else "docs/theory.en.md"
    return locate(metric, sentences(body, lang, first_line), lang=lang, file=file)


def test_exact_figure_is_found_in_both_languages(make_metric):
    m = make_metric("lecture-teams", 1440, "exact")
    anchor, problems = run(m, ZH, "zh")
    assert problems == []
    assert anchor.metric == "lecture-teams" and anchor.lang == "zh"
    assert anchor.sentence.text == "共成立青年宣讲团1440支,覆盖团员青年百万余人次。"
    anchor, problems = run(m, EN, "en")
    assert problems == []
    assert anchor.sentence.text.startswith("In total, 1,440 youth lecture teams")


def test_qualified_figures_match_their_qualifier(make_metric):
    for m, zh_start, en_start in [
        (make_metric("reach", 1000000, "over"), "共成立", "In total"),
        (make_metric("volunteers", 5000, "over"), "动员超5000人", "More than 5,000"),
        (make_metric("learners", 60000, "nearly"), "近6万名", "Nearly 60,000"),
    ]:
        anchor, problems = run(m, ZH, "zh")
        assert problems == [] and anchor.sentence.text.startswith(zh_start), m.id
        anchor, problems = run(m, EN, "en")
        assert problems == [] and anchor.sentence.text.startswith(en_start), m.id


def test_anchor_offsets_point_at_the_sentence(make_metric):
    anchor, _ = run(make_metric("volunteers", 5000, "over"), ZH, "zh")
    assert ZH[anchor.sentence.start:anchor.sentence.end] == "动员超5000人参与志愿服务。"


def test_a_figure_the_prose_does_not_state(make_metric):
    m = make_metric("lecture-teams", 1441, "exact", file="docs/theory.md", line=3)
    anchor, problems = run(m, ZH, "zh")
    assert anchor is None
    assert len(problems) == 1
    p = problems[0]
    assert (p.file, p.line, p.metric) == ("docs/theory.md", 3, "lecture-teams")
    assert "does not state the figure 1441 (exact)" in p.text()


def test_a_figure_the_english_prose_does_not_state_names_the_english_file(make_metric):
    m = make_metric("lecture-teams", 1441, "exact", file="docs/theory.md", line=3)
    anchor, problems = run(m, EN, "en", first_line=12)
    assert anchor is None
    [p] = problems
    assert (p.file, p.metric) == ("docs/theory.en.md", "lecture-teams")
    assert p.line >= 1
    assert "1441" in p.text()


def test_the_prose_contradicts_the_qualifier(make_metric):
    m = make_metric("volunteers", 5000, "exact")
    anchor, problems = run(m, ZH, "zh")
    assert anchor is None
    [p] = problems
    assert (p.file, p.line, p.metric) == ("docs/theory.md", 10, "volunteers")
    assert "«超5000» (over)" in p.text() and "'exact'" in p.text()
    anchor, problems = run(m, EN, "en")
    assert anchor is None
    assert "(over)" in problems[0].text()


def test_nearly_is_not_over(make_metric):
    anchor, problems = run(make_metric("learners", 60000, "over"), ZH, "zh")
    assert anchor is None and "«近6万» (nearly)" in problems[0].text()


def test_a_figure_in_two_sentences_needs_a_cue(make_metric):
    body = "成立宣讲团21个。\n\n设立指导组21个。\n"
    m = make_metric("guidance-groups", 21, "exact")
    anchor, problems = run(m, body, "zh", first_line=20)
    assert anchor is None
    [p] = problems
    assert (p.line, p.metric) == (20, "guidance-groups")
    assert "2 sentences" in p.text() and "lines 20, 22" in p.text() and "cue.zh" in p.text()


def test_a_cue_picks_the_sentence(make_metric):
    body = "成立宣讲团21个。\n\n设立指导组21个。\n"
    m = make_metric("guidance-groups", 21, "exact", cue={"zh": "指导组", "en": "guidance"})
    anchor, problems = run(m, body, "zh", first_line=20)
    assert problems == []
    assert anchor.sentence.text == "设立指导组21个。" and anchor.sentence.line == 22


def test_a_cue_that_matches_no_sentence(make_metric):
    m = make_metric("lecture-teams", 1440, "exact", cue={"zh": "指导组"}, line=3)
    anchor, problems = run(m, ZH, "zh")
    assert anchor is None
    assert "in a sentence containing '指导组'" in problems[0].text()


def test_twice_in_one_sentence_is_one_place(make_metric):
    body = "成立宣讲团6个,其中6个在郊区。\n"
    anchor, problems = run(make_metric("teams", 6, "exact"), body, "zh")
    assert problems == [] and anchor is not None


def test_years_dates_ordinals_and_codes_never_match(make_metric):
    body = "2023年9月20日召开第21届大会,上海12355热线开放。\n"
    for value, said, kind in ((2023, "«2023年»", "a year"), (9, "«9月»", "a date"), (20, "«20日»", "a date"),
                              (21, "«第21届»", "an ordinal"), (12355, "«12355»", "a code")):
        anchor, problems = run(make_metric("x", value, "exact", line=3), body, "zh")
        assert anchor is None, value
        [p] = problems
        assert p.line == 3 and f"only as {said} (line 10), which is read as {kind}" in p.text(), value
        assert "remove this metric" in p.text()
    body_en = "On 20 September 2023 the 21st meeting was held, and the Shanghai 12355 hotline opened.\n"
    for value in (2023, 20, 21, 12355):
        anchor, _ = run(make_metric("x", value, "exact"), body_en, "en")
        assert anchor is None, value


def test_cumulative_needs_leiji_in_the_chinese_sentence(make_metric):
    m = make_metric("learners", 16587000, "exact", cumulative=True)
    anchor, problems = run(m, "“青年大学习”累计吸引1658.7万青少年学习交流。\n", "zh")
    assert problems == [] and anchor is not None
    anchor, problems = run(m, "“青年大学习”吸引1658.7万青少年学习交流。\n", "zh")
    assert [(p.line, p.metric, "累计" in p.text()) for p in problems] == [(10, "learners", True)]
    # English wording is free: "cumulative" is not required
    anchor, problems = run(m, "The programme has attracted 16.587 million young people.\n", "en")
    assert problems == [] and anchor is not None


def test_locate_all_gives_what_locate_gives_for_each_metric(make_metric):
    metrics = [make_metric("lecture-teams", 1440, "exact"), make_metric("volunteers", 5000, "over"),
               make_metric("learners", 60000, "over"), make_metric("absent", 7, "exact")]
    for body, lang in ((ZH, "zh"), (EN, "en")):
        found = sentences(body, lang, 10)
        file = "docs/theory.md" if lang == "zh" else "docs/theory.en.md"
        assert locate_all(metrics, found, lang=lang, file=file) == [
            locate(m, found, lang=lang, file=file) for m in metrics]


def test_a_duration_is_not_a_figure_and_the_editor_is_told_so(make_metric):
    """连续十年 (value 10): the metric is refused with the reason, in both languages."""
    m = make_metric("years", 10, "exact", line=3)
    _, [p] = run(m, "团市委连续十年开展青年志愿服务。\n", "zh", first_line=40)
    assert p.line == 3 and p.text().startswith("the page's prose states 10 only as «十年» (line 40), which is "
                                               "read as a duration")
    assert p.render("zh").startswith("docs/theory.md:3: 本页正文中的 10 只出现在 «十年»(第 40 行),它被读作时长")
    _, [p] = run(m, "The committee has done so for ten consecutive years.\n", "en", first_line=40)
    assert "it has «ten consecutive years» (line 40), which is read as a duration" in p.text()


def test_an_ordinal_is_not_a_figure_and_the_editor_is_told_so(make_metric):
    _, [p] = run(make_metric("congress", 16, "exact", line=3), "召开市第十六次团代会。\n", "zh")
    assert "only as «第十六次» (line 10), which is read as an ordinal" in p.text()


def test_a_figure_only_in_editorial_text_or_a_heading_is_named_with_its_line(make_metric):
    m = make_metric("teams", 1440, "exact", line=3)
    outside = [(20, "## 1440支宣讲团 { #teams }", False), (25, "全年共成立1440支宣讲团。", True)]
    _, [p] = locate(m, sentences("正文没有数字。\n", "zh", 30), lang="zh", file="docs/theory.md",
                    outside=lambda: outside)
    assert p.text().startswith("the page states 1440 only in a heading, list, table or note (line 20: «1440»)")
    _, [p] = locate(m, sentences("正文没有数字。\n", "zh", 30), lang="zh", file="docs/theory.md",
                    outside=lambda: outside[1:])
    assert p.text().startswith("the page states 1440 only in editorial text (line 25: «1440»)")
