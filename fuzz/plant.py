#!/usr/bin/env python3
"""plant.py PLANT_FILE ROOT OUT_DIR — a copy of the library with one bug.

make fuzz-selftest checks that each harness catches a bug planted in the
library.  The shipped sources carry no test switch: each bug is described
in fuzz/plants/NAME.plant (the harness that must catch it, the file, the
text to find and what to put in its place), and this script copies the
library's sources and public headers, ROOT/src and ROOT/include, to
OUT_DIR/src and OUT_DIR/include with that one substitution made.  The file
may be a source (src/...) or a header (include/..., where the inline
definitions are); the build compiles the copy with OUT_DIR/include and
OUT_DIR/src searched first.  It fails when the text to find does not occur
exactly once, so a plant cannot silently stop planting anything when the
code around it changes.
"""
import os
import shutil
import sys

TREES = ('src', 'include')


def parse(path):
    fields, blocks, current = {}, {}, None
    for line in open(path, encoding='utf-8').read().splitlines(keepends=True):
        if line.startswith('--- '):
            current = line[4:].strip()
            blocks[current] = ''
        elif current is not None:
            blocks[current] += line
        elif line.strip() and not line.startswith('#'):
            key, _, value = line.partition(':')
            fields[key.strip()] = value.strip()
    return fields, blocks.get('find', ''), blocks.get('replace', '')


def main():
    plant, root, out = sys.argv[1:4]
    fields, find, replace = parse(plant)
    rel = fields.get('file', '')
    if rel.split('/', 1)[0] not in TREES or '..' in rel.split('/') or not find:
        sys.exit('%s: needs "file: src/..." or "file: include/..." and a non-empty find block' % plant)
    shutil.rmtree(out, ignore_errors=True)
    for tree in TREES:
        shutil.copytree(os.path.join(root, tree), os.path.join(out, tree))
    target = os.path.join(out, rel)
    text = open(target, encoding='utf-8').read()
    if text.count(find) != 1:
        sys.exit('%s: the find text occurs %d times in %s (must be once)' % (plant, text.count(find), rel))
    open(target, 'w', encoding='utf-8').write(text.replace(find, replace))


if __name__ == '__main__':
    main()
