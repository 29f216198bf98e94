"""sitemap.xml with hreflang alternates, and robots.txt that names it."""

from __future__ import annotations

from generator.model import Output
from generator.render import Renderer


def sitemap(renderer: Renderer) -> list[Output]:
    env = renderer.envs[renderer.config.default_language]
    entries = sorted(renderer.sitemap, key=lambda e: e.path)

    def produce() -> bytes:
        return env.get_template("sitemap.xml").render(entries=[
            (entry, renderer.alternates(dict(entry.paths), entry.x_default))
            for entry in entries]).encode("utf-8")

    return [
        renderer.keyed("sitemap.xml", ("sitemap.xml", entries), produce),
        renderer.keyed("robots.txt", ("robots.txt",), lambda: env.get_template(
            "robots.txt").render().encode("utf-8")),
    ]
