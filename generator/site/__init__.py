"""Documents -> Site: translations paired, URLs, links resolved and checked."""
