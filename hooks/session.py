"""What one site build remembers between its language builds. Knows nothing of MkDocs.

``mkdocs serve`` reloads the hook module on every rebuild, but this module stays imported,
so it also carries what must outlive a reload (whether we are serving).

The i18n plugin builds each further language inside the first one's build, and MkDocs' strict
mode then counts only that inner build's warnings ("Aborted with 1 warnings" after printing
two). The session counts the warnings of the whole build, every language, so that the hook
can give the true number.
"""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from messages import msg, msg_n

DEFAULT_LANGUAGE = "zh"


class WarningCount(logging.Handler):
    """Counts the records of WARNING and above that reach the logger it is attached to."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.counts: Counter[str] = Counter()

    def emit(self, record: logging.LogRecord) -> None:
        self.counts[record.levelname.lower()] += 1


@dataclass
class Session:
    serving: bool = False
    files: dict[Path, bytes] = field(default_factory=dict)    # outputs to restore at the end
    warnings: WarningCount = field(default_factory=WarningCount)

    def start(self, lang: str) -> None:
        """Called as each language's build starts; the default language starts a new build."""
        if lang == DEFAULT_LANGUAGE:
            self.files = {}
            self.warnings.counts.clear()

    def keep(self, path: Path, data: bytes) -> None:
        """Remember an output, to be written back after every language has been built."""
        self.files[path] = data

    def restore(self) -> None:
        for path, data in self.files.items():
            if not path.exists() or path.read_bytes() != data:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)

    def strict_failure(self) -> str | None:
        """MkDocs' strict-mode message, with the warnings of every language counted."""
        counts = self.warnings.counts
        if not counts:
            return None
        shown = [msg_n("{n} warning", "{n} warnings", n) if level == "warning" else msg_n("{n} error", "{n} errors", n)
                 for level, n in sorted(counts.items(), reverse=True)]
        return str(msg("Aborted with {counts} in strict mode (all languages)!", counts=shown))

    def count_warnings_of(self, logger: logging.Logger) -> None:
        if self.warnings not in logger.handlers:
            logger.addHandler(self.warnings)


current = Session()
