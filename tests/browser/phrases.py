"""Searching with the module the search page's UI uses (Pagefind's, with exact quoted
phrases), and which pages hold a phrase: for the browser tests of quoted search."""

from __future__ import annotations

import re

# With the module the search page's UI searches with (Pagefind's, with exact quoted
# phrases): every page's text as Pagefind holds it, and every result's URL (all of them, not
# the first page) for each query.
EXACT = "import(new URL('../../static/exact/pagefind.js', location.href).href)"
TEXTS = f"""async () => {{
  const pf = await {EXACT};
  const texts = {{}};
  for (const x of (await pf.search(null)).results) {{
    const d = await x.data();
    texts[d.url] = d.content;
  }}
  return texts;
}}"""
FOUND = f"""async (queries) => {{
  const pf = await {EXACT};
  const found = [];
  for (const q of queries) {{
    const r = await pf.search(q);
    found.push(await Promise.all(r.results.map(async (x) => (await x.data()).url)));
  }}
  return found;
}}"""


def holding(texts: dict[str, str], phrase: str) -> set[str]:
    """The pages whose text holds the phrase: case and white space aside (none between
    Chinese characters), English words whole."""
    def normal(text: str) -> str:
        text = re.sub(r"\s+", " ", text.lower())
        return re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", text).strip()

    def latin(char: str) -> bool:  # a letter or digit of a word that spaces delimit
        return bool(re.match(r"[^\W\u4e00-\u9fff]", char))

    needle = normal(phrase)
    pattern = re.compile((r"(?<![^\W\u4e00-\u9fff])" if latin(needle[0]) else "") +
                         re.escape(needle) +
                         (r"(?![^\W\u4e00-\u9fff])" if latin(needle[-1]) else ""))
    return {url for url, text in texts.items() if pattern.search(normal(text))}
