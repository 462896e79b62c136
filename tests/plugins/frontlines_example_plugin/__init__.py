"""An example plugin: a reader of .note files, a memory:// store, a route and a stage."""
