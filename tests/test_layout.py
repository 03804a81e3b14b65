"""The package's shape stays as README's "How it is built" describes it: no
function-level import between the project's own modules, no module, class or
function past its size without a comment saying why, every structure:* rule id in
the catalogue and in docs/rules.md, one field registry, the old module names still
re-exporting what they had. (The layers themselves are import-linter's contract in
pyproject.toml, run by .ci/run.)"""
from __future__ import annotations

import ast
import importlib
import inspect
import pathlib
import re

from cleaner.core.structure.catalogue import RULE_IDS, markdown_table
from cleaner.model.fields import DOC_FIELDS
from cleaner.model.record import Metadata

PACKAGE = pathlib.Path(__file__).resolve().parent.parent / "cleaner"
DOCS = PACKAGE.parent / "docs" / "rules.md"
MAX_MODULE_LINES, MAX_CLASS_LINES, MAX_FUNCTION_LINES = 500, 250, 80
# A size over the limit is allowed when the line above the def/class (or the
# module's first lines) says why: "size: ..." in a comment.
SIZE_NOTE = re.compile(r"#\s*size:", re.I)
# Third-party modules a function may import on first use (slow to load, or optional;
# fcntl: POSIX only; importlib.metadata: ~8 ms, only for cleaner report's install hint;
# fastwarc: the WARC reader, warcio where it does not import).
LAZY_THIRD_PARTY = {"fcntl", "charset_normalizer", "ftfy", "fasttext", "justext", "trafilatura", "zstandard", "warcio",
                    "fastwarc", "tqdm", "datasketch", "numpy", "datatrove", "datatrove.pipeline.extractors.base",
                    "plotly", "importlib.metadata"}


# The old module names kept for one release (README, "How it is built"), with the names
# each had: the tests import the real modules, and only this test imports these.
SHIMS = {
    "cleaner.pipeline": "SETTLE_PASSES STAGES Cleaner Options PageError assemble clean collect_metadata "
                        "detect_outlet find_structure finish_record load_ruleset mark_rules mark_zone_rules "
                        "normalise_input prepare_text printable_path segment settle",
    "cleaner.runner": "BATCH_PAGES CHECKPOINT_SECONDS Job OutputError Result RunError StreamFilter Summary "
                      "WorkerPool cgroup_cpu_quota clean_to_json effective_jobs fingerprint run usable_cores warm_up",
    "cleaner.dedup": "NUM_PERM THRESHOLD NearDuplicates bands_for shingles",
    "cleaner.hygiene": "detect_language fill is_indonesian_source keep_languages normalise text_hash word_count",
}


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, path.read_text(encoding="utf-8")


def _functions(tree):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def test_no_function_level_import_of_the_project():
    found = []
    for path, text in _modules():
        for fn in _functions(ast.parse(text)):
            for node in ast.walk(fn):
                if isinstance(node, ast.ImportFrom):
                    name = node.module or ""
                    if node.level or name == "cleaner" or name.startswith("cleaner."):
                        found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} from {'.' * node.level}{name}")
                    elif name.split(".")[0] not in {m.split(".")[0] for m in LAZY_THIRD_PARTY}:
                        found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} from {name} (not a listed lazy import)")
                elif isinstance(node, ast.Import):
                    for alias in node.names:
                        if alias.name.startswith("cleaner") or alias.name not in LAZY_THIRD_PARTY:
                            found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} import {alias.name}")
    assert not found, "imports inside functions:\n" + "\n".join(found)


def _noted(lines: list[str], lineno: int) -> bool:
    """A "# size: why" comment on one of the three lines above a def/class (decorators included)."""
    return any(SIZE_NOTE.search(line) for line in lines[max(0, lineno - 4):lineno])


def test_sizes():
    over = []
    for path, text in _modules():
        lines = text.splitlines()
        rel = path.relative_to(PACKAGE.parent)
        if len(lines) > MAX_MODULE_LINES and not any(SIZE_NOTE.search(ln) for ln in lines[:15]):
            over.append(f"{rel}: {len(lines)} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef):
                limit = MAX_CLASS_LINES
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                limit = MAX_FUNCTION_LINES
            else:
                continue
            first = min([node.lineno] + [d.lineno for d in node.decorator_list])
            size = node.end_lineno - first + 1
            if size > limit and not _noted(lines, first):
                over.append(f"{rel}:{first} {node.name}: {size} lines")
    assert not over, "over the size limits without a '# size:' comment saying why:\n" + "\n".join(over)


def test_every_structure_rule_id_is_in_the_catalogue_and_the_docs():
    used = set()
    for _, text in _modules():
        used |= set(re.findall(r'"(structure:[a-z-]+)"', text))
    assert used, "no structure:* ids found in the code"
    assert used <= set(RULE_IDS), f"not in core/structure/catalogue.py: {sorted(used - set(RULE_IDS))}"
    assert set(RULE_IDS) <= used, f"in the catalogue, used nowhere: {sorted(set(RULE_IDS) - used)}"
    docs = DOCS.read_text(encoding="utf-8")
    missing = [rid for rid in RULE_IDS if f"`{rid}`" not in docs]
    assert not missing, f"not in docs/rules.md: {missing}"
    assert markdown_table() in docs, "docs/rules.md's table differs from catalogue.markdown_table()"


def test_the_field_registry_names_record_fields():
    fields = set(Metadata.__dataclass_fields__)
    assert {f.name for f in DOC_FIELDS} <= fields


def test_public_functions_have_a_docstring():
    missing = []
    for path, text in _modules():
        tree = ast.parse(text)
        scopes = [("", tree)] + [(f"{n.name}.", n) for n in tree.body
                                 if isinstance(n, ast.ClassDef) and not n.name.startswith("_")]
        for prefix, scope in scopes:
            for node in scope.body:
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not node.name.startswith("_") \
                        and not ast.get_docstring(node):
                    missing.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {prefix}{node.name}")
    assert not missing, "public functions without a docstring:\n" + "\n".join(missing)


def test_old_module_names_re_export_the_real_objects():
    """Each shim still has the names it had, and each is the very object of the layered
    module the shim imports it from (no copy, no other shim)."""
    for name, names in SHIMS.items():
        shim = importlib.import_module(name)
        assert sorted(shim.__all__) == sorted(names.split()), name
        origin = {alias.asname or alias.name: ("cleaner." * node.level + node.module, alias.name)
                  for node in ast.parse(inspect.getsource(shim)).body if isinstance(node, ast.ImportFrom)
                  for alias in node.names}
        for public in shim.__all__:
            module, real = origin[public]
            assert module not in SHIMS, (name, public)
            assert getattr(shim, public) is getattr(importlib.import_module(module), real), (name, public)
