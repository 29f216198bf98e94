"""The search index: Pagefind client, index parts, Chinese handling, bundle canonicalization."""
