"""Controlled vocabularies kept as data, read by several stages (the indicator vocabulary: `indicators`)."""
