"""Reading content: the one reader of content/, YAML, front matter, Markdown and its rules, lint,
source -> Document."""
