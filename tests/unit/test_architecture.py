"""The rules that keep the code clean, checked: a pure model, one writer."""

import ast
import re
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "generator"


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_model_imports_only_the_standard_library():
    assert imports(PACKAGE / "model.py") - {"__future__"} <= set(sys.stdlib_module_names)


WRITES = re.compile(r"write_bytes|write_text|rmtree|\.rename\(|\.unlink\(|open\([^)]*[\"'][wax]")


def test_only_the_writer_writes_the_output():
    # scaffold.py and the importer write content files for editors, never output.
    writers = {
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*.py")
        if WRITES.search(p.read_text("utf-8"))
    }
    assert writers <= {"output/writer.py", "tools/scaffold.py", "importer/command.py"}, writers
