"""schema.org data for issue and page heads (JSON-LD); the template serializes it escaped."""

from __future__ import annotations

from generator.content.config import Language, SiteConfig
from generator.model import Document


def _periodical(lang: Language, config: SiteConfig) -> dict:
    return {"@type": "Periodical", "name": lang.title, "url": config.base_url + f"{lang.code}/",
            "inLanguage": lang.tag,
            "publisher": {"@type": "GovernmentOrganization", "name": lang.publisher}}


def structured_data(doc: Document, lang: Language, config: SiteConfig,
                    description: str) -> dict:
    url = config.base_url + doc.url_path
    date = doc.iso_date or None
    if doc.kind == "issue":
        articles = [{"@type": "NewsArticle", "headline": article.title,
                     "url": f"{url}#{article.id}", "inLanguage": lang.tag,
                     "datePublished": date, "isPartOf": {"@id": url}}
                    for section in doc.sections for article in section.articles]
        issue = {"@context": "https://schema.org", "@type": "PublicationIssue", "@id": url,
                 "url": url, "name": doc.title, "datePublished": date, "inLanguage": lang.tag,
                 "description": description, "isPartOf": _periodical(lang, config),
                 "hasPart": articles}
        if doc.number is not None:
            issue["issueNumber"] = str(doc.number)
        return issue
    data = {"@context": "https://schema.org", "@type": "NewsArticle" if date else "WebPage",
            "@id": url, "url": url, "headline": doc.title, "name": doc.title,
            "inLanguage": lang.tag, "description": description,
            "publisher": _periodical(lang, config)["publisher"]}
    if date:
        data["datePublished"] = date
    return data
