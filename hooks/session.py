"""What one site build remembers between its language builds. Knows nothing of MkDocs.

``mkdocs serve`` reloads the hook module on every rebuild, but this module stays imported,
so it also carries what must outlive a reload (whether we are serving).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_LANGUAGE = "zh"


@dataclass
class Session:
    serving: bool = False
    files: dict[Path, bytes] = field(default_factory=dict)    # outputs to restore at the end

    def start(self, lang: str) -> None:
        """Called as each language's build starts; the default language starts a new build."""
        if lang == DEFAULT_LANGUAGE:
            self.files = {}

    def keep(self, path: Path, data: bytes) -> None:
        """Remember an output, to be written back after every language has been built."""
        self.files[path] = data

    def restore(self) -> None:
        for path, data in self.files.items():
            if not path.exists() or path.read_bytes() != data:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)


current = Session()
