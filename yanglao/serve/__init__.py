"""Serve: the SQLite build of a release, its Chinese search index, and the Datasette plugin and metadata."""
