"""Extract: cleaned text to rows (outline to measures, targets, subsidies) by rules kept as data."""
