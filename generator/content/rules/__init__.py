"""markdown-it rules of our own: the syntax the README documents, and fast paths."""
