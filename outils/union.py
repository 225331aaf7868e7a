#!/usr/bin/env python3
"""Resolve git conflict blocks by keeping both sides (ours then theirs). For additive conflicts only."""
import re, sys
for chemin in sys.argv[1:]:
    texte = open(chemin, encoding="utf-8").read()
    texte = re.sub(r"<<<<<<< [^\n]*\n(.*?)=======\n(.*?)>>>>>>> [^\n]*\n", lambda m: m.group(1) + m.group(2), texte, flags=re.S)
    open(chemin, "w", encoding="utf-8").write(texte)
