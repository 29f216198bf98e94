"""THE reader: walks content/{lang}/{issues,pages}/*.md into SourceFile values."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from stat import S_ISREG

from generator.errors import Diagnostics

KINDS = ("issues", "pages")
# Characters XML 1.0 forbids (C0 controls but tab and newlines, U+FFFE, U+FFFF): pasted from
# word processors (U+000B is Word's line break), they would make the feeds unreadable.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The largest content file read: the longest real issue is some 30 KB.
MAX_BYTES = 8 * 2**20
# Encodings an editor's file is likely to be in when it is not UTF-8, most likely first.
_GUESSES = ("utf-16", "gb18030", "big5", "cp1252")


# path -> (size, mtime_ns, digest) of files as an earlier scan found them; see `scan`.
Stamps = dict[str, tuple[int, int, str]]
# A file modified this close to a scan may change again within the file system's timestamp
# resolution without its stamp changing: its stamp is not kept (git's "racy clean" rule).
RACY_NS = 2_000_000_000


@dataclass(frozen=True)
class SourceFile:
    path: str  # project-relative, POSIX: "content/en/issues/13.md"
    lang: str
    kind: str  # "issues" | "pages"
    stem: str
    text: str | None  # None: not read, its stamp was known (`with_text` reads it)
    digest: str  # git blob id of the bytes: caches, and the version a translation was made from
    stamp: tuple[int, int] = (0, 0)  # size and mtime_ns when read


def blob_id(data: bytes) -> str:
    """The id git gives these bytes (`git hash-object`), so `git cat-file -p` finds old versions."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def read_blob(root: Path, blob: str) -> str | None:
    """An earlier version of a content file from the site's git history, if it is there."""
    import subprocess  # (rarely needed: not at every start)

    try:
        result = subprocess.run(["git", "cat-file", "-p", blob], cwd=root, capture_output=True,
                                timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return result.stdout.decode("utf-8", errors="replace").replace("\r\n", "\n")


def decode(data: bytes, shown: str, diags: Diagnostics) -> str | None:
    """Decode a file as UTF-8, or explain which encoding it looks like and how to convert it."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        guess = _guess_encoding(data)
        looks = f"; it looks like {guess.upper()}" if guess else ""
        src = guess.upper() if guess else "THE-ENCODING"
        diags.error(shown, line, f"file is not UTF-8 (byte 0x{data[exc.start]:02x}{looks})",
                    f"convert it: iconv -f {src} -t UTF-8 '{shown}' > tmp.md && mv tmp.md "
                    f"'{shown}'  (or re-save it as UTF-8 in your editor)", col)
        return None
    found = _CONTROL.search(text)
    if found is None:
        return text
    diags.warning(shown, text.count("\n", 0, found.start()) + 1,
                  f"invisible control character U+{ord(found.group()):04X} removed (with "
                  f"{len(_CONTROL.findall(text)) - 1} more): XML and HTML do not allow them",
                  "they come with text pasted from a word processor; delete them to silence "
                  "this")
    return _CONTROL.sub("", text)


def _guess_encoding(data: bytes) -> str | None:
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return "utf-16"
    for encoding in _GUESSES[1:]:
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return encoding
    return None


def scan(root: Path, languages: tuple[str, ...], diags: Diagnostics,
         known: Stamps | None = None, read: bool = True) -> list[SourceFile]:
    """Every content file under root/content, in sorted order, reporting misplaced ones.

    A file whose size and modification time are in `known` is not read: its digest is taken
    from there and its text left for `with_text` (a rebuild needs only the edited files).
    With `read` False no file is read: those not in `known` have no digest yet either (a
    build with nothing to compare them with leaves the reading to its parse workers).
    """
    content = root / "content"
    found: list[SourceFile] = []
    if not content.is_dir():
        diags.error("content", 0, "there is no content/ folder",
                    "create content/en/issues/ and content/zh/issues/")
        return found
    known = known or {}
    for rel, entry in files_below(content):
        parts = tuple(rel.split("/"))
        # (not a Path per file: a rebuild scans every file)
        stem, suffix = os.path.splitext(parts[-1])
        shown = f"content/{rel}"
        if parts[0] not in languages:
            diags.error(shown, 0, f"`{parts[0]}` is not a language of this site",
                        "content goes in content/{" + ",".join(languages) + "}/; add the "
                        "language to `languages` in site.yaml or move the file")
            continue
        if len(parts) != 3 or parts[1] not in KINDS or suffix != ".md":
            if suffix == ".md":
                diags.error(shown, 0, "Markdown file outside content/<lang>/issues/ or "
                            "content/<lang>/pages/", f"move it to content/{parts[0]}/issues/ "
                            f"or content/{parts[0]}/pages/")
            else:
                diags.warning(shown, 0, "not a .md file; ignored")
            continue
        stat = _regular_file(root, entry, shown, diags)
        if stat is None:
            continue
        stamp = (stat.st_size, stat.st_mtime_ns)
        seen = known.get(shown)
        source = SourceFile(shown, parts[0], parts[1], stem, None,
                            seen[2] if seen and tuple(seen[:2]) == stamp else "", stamp)
        source = source if source.digest or not read else with_text(root, source, diags)
        if source is not None:
            found.append(source)
    return found


def _regular_file(root: Path, entry: os.DirEntry, shown: str,
                  diags: Diagnostics) -> os.stat_result | None:
    """The file's stat if it may be read: a regular file (not a pipe or a device, which would
    hang the build), under MAX_BYTES, and if a symbolic link, one to a file in the site."""
    try:
        if entry.is_symlink():
            target = Path(entry.path).resolve()
            if not target.is_relative_to(root.resolve()):
                diags.error(shown, 0, "a symbolic link to a file outside the site folder: "
                            "not read, not published", "copy the file in instead")
                return None
        stat = entry.stat()
    except (OSError, RuntimeError):  # dangling, a loop, no permission
        diags.error(shown, 0, "cannot be read (a broken symbolic link, or no permission)",
                    "fix or remove it")
        return None
    if not S_ISREG(stat.st_mode):
        diags.error(shown, 0, "not a regular file (a folder link, pipe or device): not read",
                    "content files are plain .md files")
        return None
    if stat.st_size > MAX_BYTES:
        diags.error(shown, 0, f"{stat.st_size / 2**20:.0f} MB: larger than the "
                    f"{MAX_BYTES // 2**20} MB a content file may have", "split it or move "
                    "large material out of content/")
        return None
    return stat


def with_text(root: Path, source: SourceFile, diags: Diagnostics) -> SourceFile | None:
    """The source with its text read (None, reported, if it is not UTF-8). The digest is of
    the bytes read now: a file edited since the scan is parsed as it is now."""
    raw = (root / source.path).read_bytes()
    text = decode(raw, source.path, diags)
    if text is None:
        return None
    return replace(source, text=text.replace("\r\n", "\n"), digest=blob_id(raw))


def stamps(files: list[SourceFile], scanned_ns: int) -> Stamps:
    """The stamps a later scan may trust: of files not modified close to this scan."""
    return {f.path: (*f.stamp, f.digest) for f in files if f.stamp[1] < scanned_ns - RACY_NS}


def files_below(folder: Path, hidden: bool = False) -> list[tuple[str, os.DirEntry]]:
    """(relative POSIX path, entry) of the files below `folder`, hidden ones only if asked,
    sorted by path components. (os.scandir on strings: pathlib took half a no-change build.)"""
    found: list[tuple[str, os.DirEntry]] = []

    def walk(at: str, prefix: str) -> None:
        with os.scandir(at) as entries:
            for entry in entries:
                if not hidden and entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, prefix + entry.name + "/")
                else:
                    found.append((prefix + entry.name, entry))

    walk(str(folder), "")
    return sorted(found, key=lambda item: item[0].split("/"))


def read_text(root: Path, rel: str) -> str | None:
    """The current text of a content file, or None if it cannot be read as UTF-8."""
    try:
        return (root / rel).read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        return None


def read_config_text(root: Path, name: str, diags: Diagnostics) -> str | None:
    path = root / name
    if not path.is_file():
        diags.error(name, 0, f"there is no {name} in {root}",
                    "run the command from the site folder, or pass --root")
        return None
    return decode(path.read_bytes(), name, diags)
