"""What makes a rebuild fast: the store under .cache/newsletter/ and the process pool."""
