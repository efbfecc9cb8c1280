#!/usr/bin/env python3
"""Writes each excerpt of excerpts.py to ../NN_<id>.txt unchanged (UTF-8, no trailing newline added)."""
from pathlib import Path
import sys
sys.path.insert(0, str(Path(__file__).parent))
from excerpts import EXCERPTS

ROOT = Path(__file__).resolve().parent.parent
for n, (sid, (url, text)) in enumerate(EXCERPTS.items(), 1):
    p = ROOT / f"{n:02d}_{sid}.txt"
    p.write_bytes(text.encode("utf-8"))
    print(p.name, len(text))
