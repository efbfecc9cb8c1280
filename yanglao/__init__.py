"""yanglao-data: elderly-care policy measures, targets and subsidies as open data."""

import csv as _csv
import sys as _sys

__version__ = "0.1.0"

# A document's text is one CSV field: Python's csv refuses fields over 131,072 characters by default, so a
# 150,000-character plan published once broke every later run (issue 14). Every process that imports the
# package (the flow, the extraction workers, the search-index builder) reads CSV with no such limit.
_csv.field_size_limit(_sys.maxsize)
