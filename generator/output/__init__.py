"""THE writer of the output folder: staged build and swap, in-place update, scratch folders."""
