"""THE writer of the output folder: staged build and atomic swap, guarded output, scratch
folders."""
