"""Real queries through Material's own search worker (run by Node) on each language's index."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import material
import pytest

WORKER_DIR = Path(material.__file__).parent / "templates/assets/javascripts"
DRIVER = Path(__file__).with_name("search_worker.js")


def search(index: Path, *queries: str) -> dict[str, list[str]]:
    """Page locations each query finds, best first (sections folded into their page)."""
    node = shutil.which("node")
    assert node, "Node.js is needed to run Material's search worker (scripts/test installs it)"
    worker = next(WORKER_DIR.glob("workers/search.*.min.js"))
    out = subprocess.run([node, str(DRIVER), str(worker), str(WORKER_DIR / "lunr"), str(index), *queries],
                         capture_output=True, text=True, timeout=120, check=True)
    results = json.loads(out.stdout)
    return {q: [group[-1].split("#")[0] for group in groups] for q, groups in results.items()}


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
    return search(site / "search/search_index.json", *CHINESE)


@pytest.fixture(scope="module")
def en_results(site: Path):
    return search(site / "en/search/search_index.json", *ENGLISH)


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


def test_an_english_word_finds_nothing_in_the_chinese_index(site: Path):
    assert search(site / "search/search_index.json", "couriers")["couriers"] == []


def test_a_chinese_word_finds_nothing_in_the_english_index(site: Path):
    found = search(site / "en/search/search_index.json", "暑托班")["暑托班"]
    assert "grassroots/" not in found
