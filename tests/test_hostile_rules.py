"""Hostile rule files: broken YAML, unknown keys, wrong types, YAML 1.1 surprises,
anchors and alias bombs, tags, deep nesting, compile bombs, patterns that
backtrack catastrophically, a file that drops everything. A file that cannot be
used stops the run with one line naming file, line and key; a pattern that is
too slow on a page is skipped for that page, and the page still comes out."""
import json
import re

import pytest
import yaml
from helpers import write

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.ruleset import PATTERN_TIMEOUT, RuleError, load_rule_file
from cleaner.ruleset import loader as rule_loader

PAGE = ("Judul Berita Yang Cukup Panjang Untuk Sebuah Judul\n"
        "JAKARTA, KOMPAS.com - Isi berita yang cukup panjang untuk satu paragraf pembuka.\n"
        "Paragraf kedua juga berisi kalimat yang panjang dan lengkap tentang kejadian itu.\n")
EVIL = r"^(\w|\w\w)*[^\w\s]\d$"   # exponential on a long run of word characters, then a digit
# Lines that trigger it and that the rule prefilter (cleaner/ruleset/prefilter.py, matcher.py) cannot
# skip: it knows the line must end with a digit, and this one does, while no character that is
# neither a word's nor a space stands before it, so the pattern fails after backtracking (the
# accented letters keep it from being an opaque token, which a shared rule would drop first).
BAIT = "a" * 29 + "\u00e9" * 29 + "1\n"


def rule_file(tmp_path, body, oid="site"):
    return write(tmp_path, f"id: {oid}\nmatch:\n  hosts: [{oid}.example]\n" + body, f"{oid}.yaml")


# ------------------------------------------------------------------ files that do not load
@pytest.mark.parametrize("text, message", [
    # unknown keys, with the nearest valid one
    ("id: s\nmatch:\n  hostz: [a.com]\n", "site.yaml:3: match.hostz: unknown key 'hostz' (did you mean 'hosts'?)"),
    ("id: s\nhtml:\n  strip:\n    navv: ['.menu']\n", "site.yaml:4: html.strip.navv: 'navv' is not a category (did you mean 'nav'?)"),
    ("id: s\n<<: {name: x}\n", "site.yaml:2: <<: unknown key '<<'"),
    # wrong types and values
    ("id: s\ndrop:\n  - id: a\n    category: crosslnk\n    pattern: 'x'\n",
     "site.yaml:4: drop[0].category: 'crosslnk' is not one of"),
    ("id: s\ndrop:\n  - id: a\n    category: nav\n    pattern: ['x']\n", "site.yaml:5: drop[0].pattern: expected a text value"),
    ("id: s\ndrop: {id: a}\n", "site.yaml:2: drop: expected a list"),
    ("id: s\nmatch: [a.com]\n", "site.yaml:2: match: expected a mapping"),
    ("- id: s\n", "site.yaml:1: top level: expected a mapping"),
    ("just a sentence\n", "site.yaml:1: top level: expected a mapping"),
    ("id: s\n? [a, b]\n: c\n", "site.yaml:2: top level: expected a text value"),
    ("id: s\ntests:\n  - name: t\n    input: x\n    expect: {dropped: {nav: two}}\n",
     "site.yaml:5: tests[0].expect.dropped.nav: expected a whole number"),
    ("id: s\ndrop:\n  - id: a\n    category: nav\n    pattern: '(?P<bogus>x)'\n", "unknown capture group(s) ['bogus']"),
    ("id: s\ndrop:\n  - id: a\n    category: nav\n    pattern: '(unclosed'\n",
     "site.yaml:5: drop[0].pattern: pattern does not compile"),
    ("id: s\nhtml:\n  body: ['p[']\n", "site.yaml:3: html.body[0]: selector 'p[': unsupported CSS"),
    ("id: s\nhtml:\n  body: ['//p[']\n", "site.yaml:3: html.body[0]: selector '//p['"),
    ("id: S P\n", "site.yaml:1: id: 'S P' must be lower-case"),
    ("id: s\nid: t\n", "site.yaml:2: id: key given twice"),
    ("id: s\ndrop:\n  - id: a\n    category: nav\n    pattern: x\n  - id: a\n    category: nav\n    pattern: y\n",
     "site.yaml:6: drop[1].id: rule id 'a' is used twice"),
    # missing and empty values ("pattern:" is YAML's null, not a pattern matching every line)
    ("id: s\ndrop:\n  - id: a\n    category: nav\n", "site.yaml:3: drop[0]: missing required key 'pattern'"),
    ("id: s\ndrop:\n  - id: a\n    category: nav\n    pattern:\n", "site.yaml:5: drop[0].pattern: no value"),
    ("id: s\nname:\n", "site.yaml:2: name: no value"),
    ("", "site.yaml:1: empty rule file"),
    ("# only a comment\n", "site.yaml:1: empty rule file"),
    # YAML that does not parse
    ("id: s\ndrop: [\n", "site.yaml:3: invalid YAML"),
    ("id: s\n\tname: x\n", "site.yaml:2: invalid YAML"),
    ("id: s\n---\nid: t\n", "site.yaml:2: invalid YAML"),
    ("id: s\nname: \"a\x01b\"\n", "site.yaml:2: invalid YAML: "),
    # YAML 1.1: "no" stays the text "no", which is not a time zone
    ("id: s\ntimezone: no\n", "timezone: 'no' is not one of WIB, WITA, WIT"),
    ("id: s\nheader_caption: yes\n", "site.yaml:2: header_caption: expected true or false, got 'yes'"),
    ("id: s\ndrop:\n  - id: a\n    category: nav\n    scope: yes\n    pattern: x\n",
     "site.yaml:5: drop[0].scope: 'yes' is not one of line, span, to_end"),
    # anchors, aliases, tags
    ("id: s\nx: &a [1]\ny: *a\n", "site.yaml:2: anchors and aliases are not allowed"),
    ("id: s\nname: !!python/object/apply:os.system ['echo hi']\n", "site.yaml:2: YAML tags"),
    ("id: s\nname: !!str ok\n", "site.yaml:2: YAML tags"),
])
@pytest.mark.parametrize("loader", ["libyaml", "python"])
def test_file_errors_name_file_line_and_key(tmp_path, monkeypatch, text, message, loader):
    # The same messages whether PyYAML has its C loader (used when present) or not.
    if loader == "python":
        monkeypatch.setattr(rule_loader, "YAML_LOADER", yaml.SafeLoader)
    elif not yaml.__with_libyaml__:
        pytest.skip("this PyYAML has no libyaml")
    with pytest.raises(RuleError) as exc:
        load_rule_file(write(tmp_path, text))
    assert message in str(exc.value)
    assert "\n" not in str(exc.value)
    assert re.match(rf"{re.escape(str(tmp_path / 'site.yaml'))}:\d+: ", str(exc.value))   # file:line, always


def test_builtin_rule_files_load_alike_with_both_yaml_loaders(monkeypatch):
    from cleaner.ruleset import builtin_rules_dir, parse_rule_text
    files = sorted(builtin_rules_dir().glob("*.yaml"))
    assert files
    fast = [parse_rule_text(f.read_text(encoding="utf-8"), str(f)) for f in files]
    monkeypatch.setattr(rule_loader, "YAML_LOADER", yaml.SafeLoader)
    assert fast == [parse_rule_text(f.read_text(encoding="utf-8"), str(f)) for f in files]


def test_alias_bomb_is_refused_before_expansion(tmp_path):
    bomb = "id: s\na: &a ['lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol']\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
    with pytest.raises(RuleError, match="site.yaml:2: anchors and aliases are not allowed"):
        load_rule_file(write(tmp_path, bomb))


@pytest.mark.parametrize("text", [
    "id: s\nname: " + "[" * 20_000 + "]" * 20_000 + "\n",
    "id: s\nmatch:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 2000)),
], ids=["flow", "block"])
def test_deep_nesting_is_refused_not_a_recursion_error(tmp_path, text):
    with pytest.raises(RuleError, match="nested more than 32 levels deep"):
        load_rule_file(write(tmp_path, text))


@pytest.mark.parametrize("pattern", [r"(?:a{1000}){1000}", r"(?:(?:x{100}){100}){100}", r"a{4294967295}"])
def test_compile_bomb_is_refused(tmp_path, pattern):
    with pytest.raises(RuleError, match=r"site.yaml:5: drop\[0\].pattern: pattern's counted repeats expand"):
        load_rule_file(write(tmp_path, f"id: s\ndrop:\n  - id: a\n    category: nav\n    pattern: '{pattern}'\n"))


def test_not_utf8_names_the_line(tmp_path):
    p = tmp_path / "site.yaml"
    p.write_bytes("id: s\nname: Caf\u00e9\n".encode("latin-1"))
    with pytest.raises(RuleError, match=r"site.yaml:2: not UTF-8 \(byte 0xe9\)"):
        load_rule_file(p)


def test_bom_is_accepted(tmp_path):
    assert load_rule_file(write(tmp_path, "\ufeffid: s\n")).id == "s"


def test_yaml_11_scalars_stay_text(tmp_path):
    # Unquoted 10:15, no, a date, an octal and a float: read exactly as written.
    o = load_rule_file(write(tmp_path, "id: s\nname: no\ndrop:\n  - id: t\n    category: nav\n    pattern: 10:15\n"
                                       "  - id: d\n    category: date\n    pattern: 2023-09-13\n"
                                       "  - id: 0o17\n    category: nav\n    pattern: 012\n"
                                       "  - id: f\n    category: nav\n    pattern: 1e3\n"))
    assert o.name == "no"
    assert [r.pattern.pattern for r in o.rules] == ["10:15", "2023-09-13", "012", "1e3"]
    assert [r.id for r in o.rules] == ["t", "d", "0o17", "f"]


def test_broken_file_stops_the_run_with_one_line(tmp_path, capsys, root, monkeypatch):
    monkeypatch.chdir(root)
    write(tmp_path, "id: s\nname: " + "[" * 5000 + "]" * 5000 + "\n")
    assert main(["seeds", "--rules", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "site.yaml:2: nested more than" in err


# ------------------------------------------------------------------ patterns that backtrack
def test_catastrophic_pattern_is_skipped_not_fatal(tmp_path):
    rule_file(tmp_path, f"drop:\n  - id: evil\n    category: other\n    pattern: '{EVIL}'\n", "slow")
    c = Cleaner([tmp_path])
    page = "JAKARTA, KOMPAS.com - Isi berita yang cukup panjang untuk satu paragraf.\n" + BAIT
    rec = c.clean_text(page, url="https://slow.example/x")
    assert any("slow:evil timed out" in w for w in rec.metadata.warnings)
    assert "Isi berita" in rec.text


class AlwaysTimesOut:
    """Stands in for a compiled pattern that hits the timeout on every call."""
    pattern = EVIL
    flags = 0
    groupindex: dict = {}

    def __init__(self):
        self.calls = 0

    def _timeout(self, *args, timeout=None):
        self.calls += 1
        assert timeout == PATTERN_TIMEOUT
        raise TimeoutError("regex timed out")

    search = match = finditer = _timeout


@pytest.mark.parametrize("scope", ["line", "span", "to_end"])
def test_a_timed_out_rule_costs_one_timeout_per_page(tmp_path, scope):
    # Many lines that would each trigger it: the rule is off after its first
    # timeout, so a page costs at most one timeout per rule.
    rule_file(tmp_path, f"drop:\n  - id: evil\n    category: other\n    scope: {scope}\n    pattern: '\\w'\n", "slow")
    c = Cleaner([tmp_path])
    fake = AlwaysTimesOut()
    rule = c.ruleset.outlets["slow"].rules[0]
    object.__setattr__(rule, "pattern", fake)
    page = PAGE + BAIT * 300
    rec = c.clean_text(page, url="https://slow.example/x")
    assert fake.calls == 1
    assert [w for w in rec.metadata.warnings if "timed out" in w] == [
        "rule slow:evil timed out (0.25 s on one line: a backtracking pattern or a huge line); "
        "skipped for the rest of this page"]
    assert "Isi berita yang cukup panjang" in rec.text
    # the next page tries the rule again
    c.clean_text(page, url="https://slow.example/y")
    assert fake.calls == 2


@pytest.mark.parametrize("key", ["datelines", "body_start"])
def test_timed_out_structure_patterns_cost_one_timeout_per_page(tmp_path, key):
    rule_file(tmp_path, f"{key}: ['\\w']\n", "slow")
    c = Cleaner([tmp_path])
    fake = AlwaysTimesOut()
    patterns = getattr(c.ruleset.outlets["slow"], key)
    patterns[0] = fake
    rec = c.clean_text(PAGE + BAIT * 300, url="https://slow.example/x")
    assert fake.calls == 1
    assert any(w.startswith(f"{key} pattern") and "timed out" in w for w in rec.metadata.warnings)
    assert "Isi berita yang cukup panjang" in rec.text


def test_real_catastrophic_rules_on_many_lines(tmp_path):
    # Every kind of user pattern backtracking at once, on 200 lines that trigger it.
    rule_file(tmp_path, f"datelines: ['{EVIL}']\nbody_start: ['{EVIL}']\n"
                        f"drop:\n  - id: evil\n    category: other\n    pattern: '{EVIL}'\n"
                        f"  - id: evil-span\n    category: other\n    scope: span\n    pattern: '(\\w|\\w\\w)*\\d\\d'\n",
              "slow")
    c = Cleaner([tmp_path])
    rec = c.clean_text(PAGE + BAIT * 200, url="https://slow.example/x")
    timed_out = [w for w in rec.metadata.warnings if "timed out" in w]
    assert len(timed_out) == 4, timed_out
    assert "Isi berita yang cukup panjang" in rec.text


# ------------------------------------------------------------------ rules that drop everything
@pytest.mark.parametrize("rule", [
    "  - id: all\n    category: other\n    pattern: ''\n",
    "  - id: all\n    category: other\n    pattern: '(?s).'\n",
    "  - id: all\n    category: other\n    scope: to_end\n    pattern: '^'\n",
    "  - id: all\n    category: other\n    scope: span\n    pattern: '.+'\n",
])
def test_a_file_that_drops_everything_still_gives_records(tmp_path, capsys, rule):
    rules = tmp_path / "rules"
    rules.mkdir()
    rule_file(rules, "drop:\n" + rule, "greedy")
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = main([str(page), "--rules", str(rules), "--outlet", "greedy", "--keep-dropped", "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    rec = json.loads(out.read_text(encoding="utf-8"))
    assert rec["text"] == ""
    # and every line is accounted for
    assert {d["rule"] for d in rec["metadata"]["dropped_lines"]} >= {"greedy:all"}
    assert len(rec["metadata"]["dropped_lines"]) >= 3


def test_extends_cycle_does_not_loop(tmp_path):
    rule_file(tmp_path, "extends: b\ndrop:\n  - id: x\n    category: ad\n    pattern: '^IKLAN$'\n", "a")
    rule_file(tmp_path, "extends: a\n", "b")
    rule_file(tmp_path, "extends: c\n", "c")
    c = Cleaner([tmp_path])
    for oid in ("a", "b", "c"):
        rec = c.clean_text(PAGE + "IKLAN\n", url=f"https://{oid}.example/x")
        assert rec.metadata.outlet == oid and "Isi berita" in rec.text
    assert c.clean_text(PAGE + "IKLAN\n", url="https://b.example/x").metadata.dropped.get("ad") == 1
