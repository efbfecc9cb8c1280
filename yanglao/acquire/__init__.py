"""Acquire: the registry of sources and listings, polite fetching, discovery and the snapshot archive."""
