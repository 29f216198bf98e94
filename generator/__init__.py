"""A static-site generator for a bilingual (Chinese/English) newsletter."""
