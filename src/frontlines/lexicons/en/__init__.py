"""English: the word lists the rules read (YAML data written by the frontlines developers)."""
