"""Built-in pipeline stages, one module each; registered as entry points in pyproject.toml."""
