import json

from generator.importer.parts import Note
from generator.importer.report import Entry, summary, to_json


def test_json_keys_and_summary() -> None:
    entry = Entry("a.html", "content/en/issues/13.md", "en", "issue", 13, "2016-07-15", "T",
                  [Note(3, "m")])
    data = json.loads(to_json([entry]))
    assert list(data[0]) == ["source", "output", "lang", "kind", "number", "date", "title",
                             "warnings"]
    assert data[0]["warnings"] == [{"line": 3, "message": "m"}]
    assert "1 imported" in summary([entry], False) and "a.html:3: m" in summary([entry], False)
