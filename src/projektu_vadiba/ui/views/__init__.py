"""One widget per section the user sees."""
