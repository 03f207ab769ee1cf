#!/usr/bin/env python3
"""plant.py PLANT_FILE SRC_DIR OUT_DIR — a copy of the library with one bug.

make fuzz-selftest checks that each harness catches a bug planted in the
library.  The shipped sources carry no test switch: each bug is described
in fuzz/plants/NAME.plant (the harness that must catch it, the file, the
text to find and what to put in its place), and this script writes a copy
of SRC_DIR to OUT_DIR with that one substitution made.  It fails when the
text to find does not occur exactly once, so a plant cannot silently stop
planting anything when the code around it changes.
"""
import shutil
import sys


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
    plant, src, out = sys.argv[1:4]
    fields, find, replace = parse(plant)
    rel = fields['file']
    if not rel.startswith('src/') or not find:
        sys.exit('%s: needs "file: src/..." and a non-empty find block' % plant)
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(src, out)
    target = out + '/' + rel[len('src/'):]
    text = open(target, encoding='utf-8').read()
    if text.count(find) != 1:
        sys.exit('%s: the find text occurs %d times in %s (must be once)' % (plant, text.count(find), rel))
    open(target, 'w', encoding='utf-8').write(text.replace(find, replace))


if __name__ == '__main__':
    main()
