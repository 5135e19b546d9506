"""What a build remembers between its languages: outputs written back after every language."""
from __future__ import annotations

from pathlib import Path

from session import DEFAULT_LANGUAGE, Session


def test_the_default_language_starts_a_new_build_and_forgets_the_last(tmp_path: Path):
    session = Session()
    session.start(DEFAULT_LANGUAGE)
    session.keep(tmp_path / "a", b"1")
    session.start("en")  # the second language of the same build
    assert tmp_path / "a" in session.files
    session.start(DEFAULT_LANGUAGE)  # the next build (a serve rebuild)
    assert session.files == {}


def test_restore_writes_back_what_a_later_language_overwrote(tmp_path: Path):
    session = Session()
    session.start(DEFAULT_LANGUAGE)
    index = tmp_path / "search" / "search_index.json"
    session.keep(index, b'{"docs": "zh"}')
    session.keep(tmp_path / "en" / "search" / "search_index.json", b'{"docs": "en"}')
    index.parent.mkdir(parents=True)
    index.write_bytes(b'{"docs": "merged"}')  # what the i18n plugin writes last
    session.restore()
    assert index.read_bytes() == b'{"docs": "zh"}'
    assert (tmp_path / "en/search/search_index.json").read_bytes() == b'{"docs": "en"}'


def test_warnings_of_every_language_are_counted_until_the_next_build():
    import logging

    session = Session()
    logger = logging.getLogger("test-session-count")
    logger.propagate = False
    session.count_warnings_of(logger)
    session.count_warnings_of(logger)  # attached once, however often asked
    assert logger.handlers.count(session.warnings) == 1
    session.start(DEFAULT_LANGUAGE)
    assert session.strict_failure() is None
    logger.warning("zh")
    session.start("en")
    logger.warning("en")
    logger.info("not counted")
    assert session.strict_failure() == "Aborted with 2 warnings in strict mode (all languages)!"
    logger.error("an error")
    assert session.strict_failure() == "Aborted with 2 warnings, 1 error in strict mode (all languages)!"
    session.start(DEFAULT_LANGUAGE)
    assert session.strict_failure() is None
