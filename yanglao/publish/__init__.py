"""Publish: validation, atomic releases, their history (diff, rebuild, index), quality report and incremental state."""
