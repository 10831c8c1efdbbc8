"""Fail on any XML file that does not parse."""

import sys

from lxml import etree

failed = 0
for path in sys.argv[1:]:
    try:
        etree.parse(path)
    except etree.XMLSyntaxError as exc:
        print(f"{path}: {exc}")
        failed = 1
sys.exit(failed)
