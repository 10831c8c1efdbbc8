"""The access table of the README is the matrix the addons' tests assert."""

import ast
import re

import pytest
from conftest import BRIDGES, MODEL_ADDONS, ROOT

ROW = re.compile(r"^\| .*\(`(?P<model>[a-z_.]+)`\) \|(?P<cells>.*)\|$")


def matrix_of(addon):
    tree = ast.parse((ROOT / addon / "tests" / "test_access_matrix.py").read_text("utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and node.targets[0].id == "MATRIX":
            return {model: row.split() for model, row in ast.literal_eval(node.value).items()}
    raise AssertionError(f"{addon}: no MATRIX")


def readme_tables():
    """{addon: {model: [cells]}} from the README's access tables."""
    tables, addon = {}, None
    for line in (ROOT / "README.md").read_text("utf-8").splitlines():
        heading = re.fullmatch(r"\*\*(custcare_[a-z]+)\*\*", line.strip())
        if heading:
            addon = heading.group(1)
            tables[addon] = {}
        elif addon and (row := ROW.match(line)):
            tables[addon][row["model"]] = [c.strip() for c in row["cells"].split("|")]
    return tables


@pytest.mark.parametrize("addon", MODEL_ADDONS + BRIDGES)
def test_readme_table_is_the_matrix_of(addon):
    assert readme_tables().get(addon) == matrix_of(addon)
