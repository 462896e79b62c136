"""The example plugin's French word lists."""
