"""Site + theme -> Output records: Jinja theme, catalogs, pages, feeds, sitemap, structured data."""
