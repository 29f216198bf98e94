"""sitemap.xml with hreflang alternates, and robots.txt that names it."""

from __future__ import annotations

from generator.model import Output
from generator.render import Renderer


def sitemap(renderer: Renderer) -> list[Output]:
    env = renderer.envs[renderer.config.default_language]
    entries = sorted(renderer.sitemap, key=lambda e: e.path)
    return [
        renderer.keyed("sitemap.xml", ("sitemap.xml", entries), lambda: env.get_template(
            "sitemap.xml").render(entries=entries).encode("utf-8")),
        renderer.keyed("robots.txt", ("robots.txt",), lambda: env.get_template(
            "robots.txt").render().encode("utf-8")),
    ]
