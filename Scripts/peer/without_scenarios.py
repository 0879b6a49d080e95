#!/usr/bin/env python3
"""Copies a study's Reports/ folder to OUT with the index's `scenarios:` and `grid:` front-matter keys removed.

Jupyter Book's equivalent study (gen.py) has no scenarios, so Planbook is timed against it on the study alone:
the same pages, without the copies under site/scenarios/ that a study with scenarios also builds.

Usage: without_scenarios.py REPORTS OUT
"""
import shutil
import sys
from pathlib import Path

source, target = Path(sys.argv[1]), Path(sys.argv[2])
if target.exists():
    shutil.rmtree(target)
shutil.copytree(source, target)
index = target / "index.md"
lines, kept, skipping = index.read_text(encoding="utf-8").split("\n"), [], False
for number, line in enumerate(lines):
    if number > 0 and line == "---":
        skipping = False
    if line.startswith("scenarios:") or line.startswith("grid:"):
        skipping = True
        continue
    if skipping and line.startswith(" "):
        continue
    skipping = False
    kept.append(line)
index.write_text("\n".join(kept), encoding="utf-8")
