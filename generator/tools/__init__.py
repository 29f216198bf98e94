"""Editor and reader tools beside the build: new, translated, status, serve, mail."""
