"""Loading and validating outlet rule files (``rules/*.yaml``).

A rule file is data, never code. Loading is strict: every key is checked against
the schema (``schema.py``), every scalar is read as the *string* the author wrote (so YAML
1.1 surprises such as ``no`` -> False or ``10:15`` -> 615 cannot happen), anchors
and aliases are refused (alias bombs), and every pattern is compiled with the
``regex`` module so it can later run with a timeout. Any problem raises
:class:`RuleError` naming the file, the line and the key.
"""
from __future__ import annotations

import difflib
import hashlib
import os
from pathlib import Path

import regex
import yaml

from .model import CAPTURE_FIELDS, COMMON_ID, Outlet, Rule, RuleCase, RuleError, RuleSet
from .schema import FILE_SCHEMA, builtin_rules_dir
from .selectors import compile_selector

# Top-level rule-file keys read as they are into the Outlet field of the same name.
OUTLET_KEYS = frozenset(FILE_SCHEMA) & set(Outlet.__dataclass_fields__) - {"id", "name", "match"}
# Nesting a rule file may have; the real ones nest 5 levels. Deeper nesting is
# refused before PyYAML's recursive composer can exhaust the stack.
MAX_NESTING = 32
# PyYAML's safe loader, its libyaml (C) build where the wheel has one: the rule
# files load ~4x faster (0.21 s -> 0.05 s for the built-in ones, paid by every
# process of a run); the pure-Python one otherwise. Both give nodes with line marks.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Nested counted repeats compile to expanded programs: "(?:.{1000}){1000}" takes
# 1 s and 260 MB to compile, one more level takes the machine. A pattern whose
# repeats multiply beyond this many items is refused (real rules stay under 500).
MAX_PATTERN_EXPANSION = 100_000


def _expansion(src: str) -> int:
    """A rough upper bound of how many items a pattern's counted repeats expand
    to: every atom counts 1, a group the sum of its contents, ``{m,n}`` multiplies
    the atom before it by its largest bound."""
    stack, last, i = [0], 0, 0
    while i < len(src):
        c = src[i]
        if c == "{":
            m = regex.match(r"\{(\d*)(?:,(\d*))?\}", src[i:])
            if m and any(m.groups()):
                n = max(int(g) for g in m.groups() if g)
                stack[-1] += last * (n - 1) if n else -last
                last *= n
                i += m.end()
                continue
        if c == "(":
            stack.append(0)
            last, i = 0, i + 1
            continue
        if c == ")" and len(stack) > 1:
            last = stack.pop()
        elif c == "\\":
            last, i = 1, i + 1
        elif c == "[":
            j = i + 2 if src[i + 1:i + 2] == "]" else i + 1
            while j < len(src) and src[j] != "]":
                j += 2 if src[j] == "\\" else 1
            last, i = 1, j
        else:
            last = 1
        stack[-1] += last
        i += 1
    return sum(stack)


def _compile(src: str, where: str) -> regex.Pattern:
    size = _expansion(src)
    if size > MAX_PATTERN_EXPANSION:
        raise RuleError(f"{where}: pattern's counted repeats expand to about {size} items "
                        f"(limit {MAX_PATTERN_EXPANSION}); write it without nesting {{n}} inside {{n}}")
    try:
        pat = regex.compile(src, regex.V0)
    except regex.error as exc:
        raise RuleError(f"{where}: pattern does not compile: {exc}") from None
    bad = set(pat.groupindex) - set(CAPTURE_FIELDS)
    if bad:
        raise RuleError(f"{where}: unknown capture group(s) {sorted(bad)}; "
                        f"allowed: {', '.join(CAPTURE_FIELDS)}")
    return pat


class RuleData(dict):
    """A checked rule file's plain data, and the line of each key and list item
    (``"extends"``, ``"drop[1].id"``, ``"tests[0]"``), so later checks name the line too."""

    def __init__(self, data: dict, lines: dict[str, int]):
        super().__init__(data)
        self.lines = lines


class _Checker:
    def __init__(self, path: str):
        self.path = path
        self.lines: dict[str, int] = {}

    def where(self, node: yaml.Node, key: str) -> str:
        return f"{self.path}:{node.start_mark.line + 1}: {key or 'top level'}"

    def scalar(self, node, key) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise RuleError(f"{self.where(node, key)}: expected a text value")
        if node.value == "" and not node.style:     # plain: None (Python loader), "" (libyaml)
            # "pattern:" with nothing after it: YAML's null, not a pattern that matches every line.
            raise RuleError(f"{self.where(node, key)}: no value (write '' for an empty text)")
        return node.value

    def value(self, node, key, kind, extra):
        if kind in ("str", "pattern", "choice", "selector"):
            text = self.scalar(node, key)
            if kind == "pattern":
                return _compile(text, self.where(node, key))
            if kind == "selector":
                try:
                    compile_selector(text)
                except RuleError as exc:
                    raise RuleError(f"{self.where(node, key)}: {exc}") from None
                return text
            if kind == "choice" and text not in extra:
                near = difflib.get_close_matches(text, extra, n=1)
                hint = f" (did you mean {near[0]!r}?)" if near else ""
                raise RuleError(f"{self.where(node, key)}: {text!r} is not one of "
                                f"{', '.join(extra)}{hint}")
            return text
        if kind == "bool":
            text = self.scalar(node, key)
            if text not in ("true", "false"):
                raise RuleError(f"{self.where(node, key)}: expected true or false, got {text!r}")
            return text == "true"
        if kind.startswith("list["):
            if not isinstance(node, yaml.SequenceNode):
                raise RuleError(f"{self.where(node, key)}: expected a list")
            inner = kind[5:-1]
            for i, item in enumerate(node.value):
                self.lines[f"{key}[{i}]"] = item.start_mark.line + 1
            return [self.value(item, f"{key}[{i}]", inner, extra) for i, item in enumerate(node.value)]
        if kind == "map":
            return self.mapping(node, key, extra)
        if kind.startswith("map["):
            if not isinstance(node, yaml.MappingNode):
                raise RuleError(f"{self.where(node, key)}: expected a mapping")
            inner = kind[4:-1]
            out = {}
            for k, v in node.value:
                name = self.scalar(k, key)
                if extra and name not in extra:      # the keys are categories
                    near = difflib.get_close_matches(name, extra, n=1)
                    hint = f" (did you mean {near[0]!r}?)" if near else ""
                    raise RuleError(f"{self.where(k, key + '.' + name)}: {name!r} is not a category{hint}; "
                                    f"categories: {', '.join(extra)}")
                if inner == "int":
                    text = self.scalar(v, f"{key}.{name}")
                    if not text.isdigit():
                        raise RuleError(f"{self.where(v, key + '.' + name)}: expected a whole number")
                    out[name] = int(text)
                else:
                    out[name] = self.value(v, f"{key}.{name}", inner, None)
            return out
        if kind == "any":
            return _plain(node)
        raise AssertionError(kind)

    def mapping(self, node, key, schema) -> dict:
        if not isinstance(node, yaml.MappingNode):
            raise RuleError(f"{self.where(node, key)}: expected a mapping")
        out = {}
        for knode, vnode in node.value:
            name = self.scalar(knode, key)
            full = f"{key}.{name}" if key else name
            if name not in schema:
                near = difflib.get_close_matches(name, list(schema), n=1)
                hint = f" (did you mean {near[0]!r}?)" if near else ""
                raise RuleError(f"{self.where(knode, full)}: unknown key {name!r}{hint}; "
                                f"valid keys: {', '.join(schema)}")
            if name in out:
                raise RuleError(f"{self.where(knode, full)}: key given twice")
            self.lines[full] = knode.start_mark.line + 1
            kind, _req, extra = schema[name]
            out[name] = self.value(vnode, full, kind, extra)
        for name, (_kind, req, _extra) in schema.items():
            if req and name not in out:
                raise RuleError(f"{self.where(node, key or 'file')}: missing required key {name!r}")
        return out


def _plain(node):
    """Node -> plain Python (strings, lists, dicts) without YAML 1.1 typing."""
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_plain(n) for n in node.value]
    return {_plain(k): _plain(v) for k, v in node.value}


def parse_rule_text(text: str, path: str) -> dict:
    """Validate one rule file's text; returns the checked plain structure."""
    try:
        node = _compose(text, path, YAML_LOADER)
    except yaml.YAMLError as exc:
        if YAML_LOADER is yaml.SafeLoader:
            raise _yaml_error(exc, path, text) from None
        # libyaml (the C loader) reads ahead and applies limits of its own, which
        # change between releases (PyYAML 6.0.4's stops deep flow nesting before our
        # check sees it). A file it refuses is read again by PyYAML's pure-Python
        # parser, which streams: the error a user sees is ours, whatever the version.
        try:
            node = _compose(text, path, yaml.SafeLoader)
        except yaml.YAMLError as again:
            raise _yaml_error(again, path, text) from None
    if node is None:
        raise RuleError(f"{path}:1: empty rule file")
    checker = _Checker(path)
    data = checker.mapping(node, "", FILE_SCHEMA)
    return RuleData(data, checker.lines)


def _compose(text: str, path: str, loader) -> yaml.Node | None:
    """The file's node tree, refusing aliases, tags and deep nesting on the way."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise RuleError(f"{path}:{line}: anchors and aliases are not allowed in rule files")
        if getattr(event, "tag", None):          # !!str, !!python/object...: explicit tags only
            raise RuleError(f"{path}:{line}: YAML tags ({event.tag}) are not allowed in rule files")
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_NESTING:
                raise RuleError(f"{path}:{line}: nested more than {MAX_NESTING} levels deep")
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return yaml.compose(text, Loader=loader)


def _yaml_error(exc: yaml.YAMLError, path: str, text: str) -> RuleError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        line = mark.line + 1
    else:       # a reader error (a control character): its position in the text
        line = text[:max(getattr(exc, "position", 0) or 0, 0)].count("\n") + 1
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return RuleError(f"{path}:{line}: invalid YAML: {problem}")


def build_outlet(data: dict, path: str) -> Outlet:
    """An Outlet from a checked rule file's data."""
    oid = data["id"]
    lines = getattr(data, "lines", {})

    def at(key: str) -> str:
        return f"{path}:{lines[key]}" if key in lines else path
    if not regex.fullmatch(r"_?[a-z0-9][a-z0-9_-]*", oid):
        raise RuleError(f"{at('id')}: id: {oid!r} must be lower-case letters, digits, '-' or '_'")
    match = data.get("match", {})
    # A top-level key of the same name as an Outlet field is copied as checked (a new
    # rule-file key: its schema entry and its Outlet field, nothing here).
    plain = {k: v for k, v in data.items() if k in OUTLET_KEYS}
    outlet = Outlet(
        id=oid, name=data.get("name", oid), source=path,
        hosts=[h.lower().lstrip(".") for h in match.get("hosts", [])],
        url_patterns=match.get("url_patterns", []), text_markers=match.get("text_markers", []), **plain,
        lines=dict(lines),
    )
    seen = set()
    for i, raw in enumerate(data.get("drop", [])):
        if raw["id"] in seen:
            raise RuleError(f"{at(f'drop[{i}].id')}: drop[{i}].id: rule id {raw['id']!r} is used twice")
        seen.add(raw["id"])
        outlet.rules.append(Rule(id=raw["id"], outlet=oid, pattern=raw["pattern"],
                                 category=raw["category"], scope=raw.get("scope", "line"),
                                 zone=raw.get("zone", "any"), source=path, label=raw.get("label", False)))
    for case in data.get("tests", []):
        outlet.cases.append(RuleCase(outlet=oid, name=case["name"], input=case.get("input"),
                                     seed=case.get("seed"), url=case.get("url"),
                                     expect=case["expect"], source=path))
    return outlet


def load_rule_file(path: str | os.PathLike) -> Outlet:
    """One rule file, loaded and checked (RuleError names file, line and key)."""
    path = str(path)
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except OSError as exc:
        raise RuleError(f"{path}: cannot read rule file: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        with open(path, "rb") as fh:
            line = fh.read(exc.start).count(b"\n") + 1
        raise RuleError(f"{path}:{line}: not UTF-8 (byte 0x{exc.object[exc.start]:02x}); "
                        "rule files are UTF-8") from None
    outlet = build_outlet(parse_rule_text(text, path), path)
    outlet.digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return outlet


def rule_dirs(extra_dirs: list[str | os.PathLike] | None = None) -> list[Path]:
    """Built-in rules, then ``CLEANER_RULES_PATH``, then each extra folder (or rule file), in that order."""
    dirs = [builtin_rules_dir()]
    env = os.environ.get("CLEANER_RULES_PATH")
    if env:
        dirs += [Path(d) for d in env.split(os.pathsep) if d]
    return dirs + [Path(d) for d in extra_dirs or []]


def rule_files(dirs: list[Path]) -> list[Path]:
    """The rule files of the folders, each folder's in sorted order; a file among them
    (``--rules my-rules/detik.yaml``) stands for itself."""
    files = []
    for d in dirs:
        if d.is_file():
            files.append(d)
        elif d.is_dir():
            files += sorted(d.glob("*.yaml")) + sorted(d.glob("*.yml"))
        else:
            raise RuleError(f"{d}: no such rules folder or rule file")
    return files


def load_ruleset(extra_dirs: list[str | os.PathLike] | None = None) -> RuleSet:
    """Built-in rules, then each extra folder in order; a later file with the same id wins."""
    dirs = rule_dirs(extra_dirs)
    return ruleset_from([load_rule_file(path) for path in rule_files(dirs)], dirs)


def ruleset_from(outlets: list[Outlet], dirs: list[Path] | None = None) -> RuleSet:
    """Resolve loaded files into a rule set: a later file with the same id wins (an
    override, recorded in ``RuleSet.overridden``), unless both are in one folder."""
    files: dict[str, Outlet] = {}
    overridden: dict[str, list[str]] = {}
    for outlet in outlets:
        earlier = files.get(outlet.id)
        if earlier is not None:
            if os.path.dirname(os.path.abspath(earlier.source)) == os.path.dirname(os.path.abspath(outlet.source)):
                raise RuleError(f"{outlet.source}: id {outlet.id!r} is also the id of {earlier.source} in the same "
                                "folder; one of them would be silently ignored: give each file its own id")
            overridden.setdefault(outlet.id, []).append(earlier.source)
        files[outlet.id] = outlet
    if COMMON_ID not in files:
        raise RuleError(f"no {COMMON_ID}.yaml among the rule folders {', '.join(map(str, dirs or []))}")
    common = files.pop(COMMON_ID)
    for outlet in files.values():
        if outlet.extends and outlet.extends not in files:
            raise RuleError(f"{outlet.where('extends')}: extends: unknown outlet {outlet.extends!r}")
    digest = hashlib.sha1("".join(sorted(o.digest for o in [common, *files.values()]))
                          .encode()).hexdigest()[:10]
    return RuleSet(common=common, outlets=files, version=digest, overridden=overridden)
