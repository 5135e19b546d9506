"""Real queries through Material's own search worker (run by Node) on each language's index,
prepared as the reader's browser prepares them (docs/assets/javascripts/search-query.js).

The query sets are in tests/search/queries.yml; the browser runs the same sets through the
real search box (tests/browser/test_search.py).
"""
from __future__ import annotations

import html
import json
import random
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import material
import pytest
import yaml

from search.terms import ROW_WEIGHT

from figures.parse.prose import sentences
from search.chinese import SEPARATOR, WINDOW
from support import ROOT

WORKER_DIR = Path(material.__file__).parent / "templates/assets/javascripts"
DRIVER = Path(__file__).with_name("search_worker.js")
QUERY_JS = ROOT / "docs/assets/javascripts/search-query.js"
QUERIES = yaml.safe_load((Path(__file__).parent / "search/queries.yml").read_text(encoding="utf-8"))
INDEX = {"zh": "search/search_index.json", "en": "en/search/search_index.json"}
#: not content pages: a query is right when the first *content* page listed holds it
NOT_CONTENT = {"", "statistics/", "glossary/"}
SEED = 20231205


def run(index: Path, queries: list[str]) -> dict[str, dict]:
    """Each query's {prepared, items, terms}, from Material's worker (search_worker.js)."""
    node = shutil.which("node")
    assert node, "Node.js is needed to run Material's search worker (scripts/test installs it)"
    worker = next(WORKER_DIR.glob("workers/search.*.min.js"))
    out = subprocess.run([node, str(DRIVER), str(worker), str(WORKER_DIR / "lunr"), str(index), str(QUERY_JS), "-"],
                         input=json.dumps(queries), capture_output=True, text=True, timeout=300, check=True)
    return json.loads(out.stdout)


def pages(result: dict) -> list[str]:
    """The pages a result lists, best first (each group of sections is one page)."""
    return [group[0].split("#")[0] for group in result["items"]]


def search(index: Path, *queries: str) -> dict[str, list[str]]:
    """Page locations each query finds, best first."""
    return {query: pages(result) for query, result in run(index, list(queries)).items()}


def normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def entries(site: Path, lang: str) -> list[tuple[str, str]]:
    """(page, text) of each entry of the language's index: what a reader sees of it."""
    data = json.loads((site / INDEX[lang]).read_text(encoding="utf-8"))
    return [(doc["location"].split("#")[0],
             normal(html.unescape(re.sub(r"<[^>]*>", "\n", doc["title"] + "\n" + doc["text"]))))
            for doc in data["docs"]]


def page_texts(site: Path, lang: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for page, text in entries(site, lang):
        out[page] = out.get(page, "") + "\n" + text
    return out


def found_sets(lang: str) -> dict[str, list[str]]:
    """The language's found set: query → the texts a right first page holds."""
    out = {}
    for item in QUERIES[lang]["found"]:
        query, holds = (item["query"], item["holds"]) if isinstance(item, dict) else (str(item), [str(item)])
        out[str(query)] = [str(h) for h in holds]
    return out


def score(site: Path, lang: str) -> tuple[dict[str, dict], list[str]]:
    """Each found query's result, and the queries it gets wrong."""
    texts = page_texts(site, lang)
    sets = found_sets(lang)
    results = run(site / INDEX[lang], list(sets))
    wrong = []
    for query, holds in sets.items():
        content = [p for p in pages(results[query]) if p not in NOT_CONTENT]
        if not content or not any(normal(h) in texts[content[0]] for h in holds):
            wrong.append(f"{query} → {pages(results[query])[:4]}")
    return results, wrong


# --- the query sets --------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_sets_are_large_and_drawn_from_every_page(site: Path, lang: str):
    sets = found_sets(lang)
    assert len(sets) >= 60 and len(QUERIES[lang]["absent"]) >= 10
    texts = page_texts(site, lang)
    holding = {p for p, t in texts.items() for holds in sets.values() if any(normal(h) in t for h in holds)}
    assert {"basics/", "theory/", "central-tasks/", "grassroots/", "cadres/", "integrity/"} <= holding


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_query_of_the_set_puts_a_page_that_holds_it_first(site: Path, lang: str):
    _, wrong = score(site, lang)
    assert not wrong, f"{len(wrong)} of {len(found_sets(lang))} wrong:\n" + "\n".join(wrong)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_reference_page_comes_first(site: Path, lang: str):
    """Enter opens the best result: the report's pages, not the glossary or statistics."""
    results, _ = score(site, lang)
    first = {query: pages(result)[0] for query, result in results.items() if result["items"]}
    reference = sorted(q for q, p in first.items() if p in ("glossary/", "statistics/"))
    assert not reference, reference


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_absent_terms_list_nothing(site: Path, lang: str):
    texts = page_texts(site, lang)
    absent = [str(q) for q in QUERIES[lang]["absent"]]
    for query in absent:  # the set itself is right: no page holds these
        assert not any(normal(query) in t for t in texts.values()), query
    found = {q: p for q, p in search(site / INDEX[lang], *absent).items() if p}
    assert not found, found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_queries_as_readers_type_them(site: Path, lang: str):
    typed = {str(k): str(v) for k, v in QUERIES[lang]["typed"].items()}
    results = run(site / INDEX[lang], list(typed) + list(typed.values()))
    for query, plain in typed.items():
        assert results[query]["prepared"] == results[plain]["prepared"], (query, plain)
        assert pages(results[query]) == pages(results[plain]) != [], query


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_glossary_entry_points_at_its_row(site: Path, lang: str):
    data = json.loads((site / INDEX[lang]).read_text(encoding="utf-8"))
    rows = [doc for doc in data["docs"] if doc["location"].startswith("glossary/#term-")]
    glossary = yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))
    assert len(rows) == sum(len(group["terms"]) for group in glossary["groups"])
    page = (site / ("en/" if lang == "en" else "") / "glossary/index.html").read_text(encoding="utf-8")
    for row in rows:
        anchor = row["location"].split("#", 1)[1]
        assert f'<tr id="{anchor}">' in page, anchor
        assert row["boost"] == 0.5 * ROW_WEIGHT  # the page's low boost, and less: a term is short


def test_traditional_characters_are_mapped_with_the_index_table(site: Path):
    config = json.loads((site / INDEX["zh"]).read_text(encoding="utf-8"))["config"]
    table = config["query"]["t2s"]
    assert table["團"] == "团" and table["業"] == "业" and table["隊"] == "队" and table["會"] == "会"
    assert len(table) < 2000  # only what the index's text can use, not all of OpenCC


# --- Chinese ---------------------------------------------------------------------------------

def test_chinese_words_inside_longer_words_are_found(site: Path):
    found = search(site / INDEX["zh"], "少年", "市委", "文明号", "社工")
    assert "grassroots/" in found["少年"]           # 青少年
    assert "basics/" in found["市委"]               # 团市委
    assert "central-tasks/" in found["文明号"]      # 青年文明号
    assert found["社工"][0] == "grassroots/"         # not 社会 on theory/


def test_chinese_terms_separated_by_punctuation_find_what_holds_them_all(site: Path):
    found = search(site / INDEX["zh"], "青联，少先队", "青联")
    assert found["青联，少先队"] == ["basics/"]
    assert "theory/" in found["青联"]


def _report_sentences(texts: dict[str, str]) -> list[tuple[str, str]]:
    """(page, sentence) for each sentence of the official text: the page is the report page
    that holds it (the home page holds the opening sentence)."""
    source = (ROOT / "data/source/report-2023.zh.txt").read_text(encoding="utf-8")
    out = []
    for line in source.splitlines():
        for sentence in sentences(line + "\n", "zh") if line.strip() else []:
            text = normal(sentence.text)
            holders = [p for p, t in texts.items() if p not in NOT_CONTENT and text in t] or \
                      [p for p in ("",) if text in texts[p]]
            assert len(holders) == 1, (sentence.text, holders)
            out.append((holders[0], sentence.text))
    return out


def _sample(items: list[tuple[str, str]], per_sentence: int) -> list[tuple[str, str]]:
    """Queries of 2 to 8 characters copied from each sentence, drawn with a fixed seed."""
    rng = random.Random(SEED)
    separator = re.compile(SEPARATOR)
    out = []
    for page, sentence in items:
        for _ in range(per_sentence):
            size = rng.randint(2, min(WINDOW, len(sentence)))
            start = rng.randrange(len(sentence) - size + 1)
            query = sentence[start:start + size]
            if any(separator.split(query)):  # not punctuation alone
                out.append((page, query))
    return out


def test_queries_copied_from_the_report_find_their_page(site: Path):
    """A sample of queries copied from every sentence of the report: each lists exactly the
    pages with an entry that holds all its terms (so always the sentence's page), and the
    sentence's page is among the first three listed. When more than three of the report's
    pages hold a query (领导班, 中国) not all of them can be: those get the rate below."""
    texts = page_texts(site, "zh")
    items = _report_sentences(texts)
    assert len(items) >= 80
    sample = _sample(items, per_sentence=12)
    results = run(site / INDEX["zh"], sorted({q for _, q in sample}))
    separator = re.compile(SEPARATOR)
    entries_zh = entries(site, "zh")
    inexact, low, shared = [], [], 0
    for page, query in sample:
        listed = pages(results[query])
        terms = [t for t in separator.split(normal(query)) if t]
        holding = {p for p, t in entries_zh if all(term in t for term in terms)}
        if set(listed) != holding:
            inexact.append(f"{query!r}: listed {listed}, held by {sorted(holding)}")
        report_pages = holding - {"statistics/", "glossary/"}
        if page not in listed[:3]:
            if len(report_pages) <= 3:
                low.append(f"{query!r} ({page}): {listed}")
            shared += 1
    assert not inexact, "\n".join(inexact[:20])
    assert not low, "\n".join(low[:20])
    rate = 1 - shared / len(sample)
    print(f"{len(sample)} queries from {len(items)} sentences: {rate:.1%} find their page in the top three")
    assert rate >= 0.97, f"only {rate:.1%} in the top three"


# --- English ---------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase", ["Youth Federation", "Dream Building", "Party building", "job fair",
                                    "Young Pioneers", "commando team", "social workers", "education campaign"])
def test_english_pages_holding_a_phrase_come_before_pages_holding_its_words(site: Path, phrase: str):
    texts = page_texts(site, "en")
    # the report's pages; the glossary and statistics come after them by design (boost 0.5)
    listed = [p for p in search(site / INDEX["en"], phrase)[phrase] if p not in ("glossary/", "statistics/")]
    holds = [normal(phrase) in texts[p] for p in listed]
    assert any(holds), listed
    assert holds == sorted(holds, reverse=True), list(zip(listed, holds))


def test_a_phone_keyboards_apostrophe_is_the_texts_apostrophe(site: Path):
    found = search(site / INDEX["en"], "Women's Rights", "Women\u2019s Rights")
    assert found["Women\u2019s Rights"][:1] == found["Women's Rights"][:1] == ["integrity/"]


def test_english_variants_find_their_pages(site: Path):
    found = search(site / INDEX["en"], "jobs", "organization", "mobilized", "1440", "1,440", "labor")
    assert "central-tasks/" in found["jobs"]         # "Youth Job Achievement Campaign"
    assert "basics/" in found["organization"]         # "mass organisations"
    assert "theory/" in found["mobilized"]            # "mobilised"
    assert found["1440"][0] == found["1,440"][0] == "theory/"
    assert "integrity/" in found["labor"]             # "May 1st Labour Medal"


def test_word_pairs_are_added_to_english_queries_only(site: Path):
    en = run(site / INDEX["en"], ["Youth Federation", "minors in difficulty"])
    assert en["Youth Federation"]["prepared"] == "Youth Federation _youth_federation"
    assert en["Youth Federation"]["terms"][0][:2] == ["youth", "federation"]
    assert en["minors in difficulty"]["prepared"] == "minors in difficulty _minors_difficulty"
    zh = run(site / INDEX["zh"], ["团市委 青联"])["团市委 青联"]
    assert zh["prepared"] == "+团市委* +青联*"


# --- both ------------------------------------------------------------------------------------

CHINESE = {
    "暑托班": "grassroots/",
    "青年文明号": "central-tasks/",
    "整改措施": "theory/",
    "快递小哥": "grassroots/",
    "专委会": "cadres/",
    "五一劳动奖章": "integrity/",
}
ENGLISH = {
    "lecture": "theory/",
    "teams": "theory/",
    "committee": "cadres/",
    "committees": "cadres/",  # plural of a word the text uses in the singular too
    "couriers": "grassroots/",
    "courier": "grassroots/",
    "graduates": "grassroots/",
    "activity": "grassroots/",  # singular of "activities"
    "medal": "integrity/",
    "departments": "basics/",
}


@pytest.fixture(scope="module")
def zh_results(site: Path):
    return search(site / INDEX["zh"], *CHINESE)


@pytest.fixture(scope="module")
def en_results(site: Path):
    return search(site / INDEX["en"], *ENGLISH)


@pytest.mark.parametrize("query,page", CHINESE.items())
def test_chinese_words_find_their_section(zh_results, site: Path, query: str, page: str):
    found = zh_results[query]
    assert page in found[:4], f"{query}: {found}"
    assert all((site / p / "index.html").exists() and not p.startswith("en/") for p in found)


@pytest.mark.parametrize("query,page", ENGLISH.items())
def test_english_words_find_their_page(en_results, site: Path, query: str, page: str):
    found = en_results[query]
    assert page in found, f"{query}: {found}"
    # locations are relative to /en/: each is an English page
    assert all((site / "en" / p / "index.html").exists() for p in found)


def test_an_english_word_finds_no_report_page_in_the_chinese_index(site: Path):
    # only the glossary, whose rows give each term's English rendering
    assert set(search(site / INDEX["zh"], "couriers")["couriers"]) <= {"glossary/"}


def test_a_chinese_word_finds_nothing_in_the_english_index(site: Path):
    found = search(site / INDEX["en"], "暑托班")["暑托班"]
    assert "grassroots/" not in found
