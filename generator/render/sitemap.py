"""sitemap.xml with hreflang alternates, and robots.txt that names it."""

from __future__ import annotations

from generator.render.pages import Job, Renderer


def sitemap(renderer: Renderer) -> list[Job]:
    env = renderer.envs[renderer.config.default_language]
    entries = sorted(renderer.sitemap, key=lambda e: e.path)

    def produce() -> bytes:
        return env.get_template("sitemap.xml").render(entries=[
            (entry, renderer.alternates(dict(entry.paths), entry.x_default))
            for entry in entries]).encode("utf-8")

    return [
        # Thousands of entries of strings, whose repr is all of them: made in C, far faster
        # than the generic encoding.
        Job("sitemap.xml", ("sitemap.xml", repr([tuple(e) for e in entries])), produce),
        Job("robots.txt", ("robots.txt",), lambda: env.get_template(
            "robots.txt").render().encode("utf-8")),
    ]
