"""The repository stands on its own: no file cites a document that lives outside it.

The team's design notes and source descriptions are retold in docs/ in the project's
own words; a reference to a file only the original authors had (the client's design
brief, source list, stack notes or style guide, or a path climbing out of the checkout)
would leave a reader with nothing to open.
"""

from __future__ import annotations

import re

from tests.support.repository import REPO, repository_files, text_of

OUTSIDE = re.compile(r"\b(?:DESIGN|SOURCES|STACK-NOTES|STYLE)\.md\b|\.\./shared\b")


def test_no_file_cites_a_document_outside_the_repository() -> None:
    findings = []
    for name in repository_files():
        text = text_of(REPO / name)
        if text is None or name == "tests/unit/test_self_contained.py":
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            if OUTSIDE.search(line):
                findings.append(f"{name}:{number}: {line.strip()[:100]}")
    assert findings == [], "\n".join(findings)
