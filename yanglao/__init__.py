"""yanglao-data: elderly-care policy measures, targets and subsidies as open data."""

__version__ = "0.1.0"
