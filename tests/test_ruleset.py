"""Strict loading of rule files: clear errors naming file, line and key."""
import pytest

from cleaner import Cleaner
from cleaner.ruleset import RuleError, load_rule_file, load_ruleset


def write(tmp_path, text, name="site.yaml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize("text, message", [
    ("id: s\nmatch:\n  hostz: [a.com]\n", "site.yaml:3: match.hostz: unknown key 'hostz' (did you mean 'hosts'?)"),
    ("id: s\ndrop:\n  - id: a\n    category: crosslnk\n    pattern: 'x'\n",
     "site.yaml:4: drop[0].category: 'crosslnk' is not one of"),
    ("id: s\ndrop:\n  - id: a\n    category: nav\n    pattern: ['x']\n", "site.yaml:5: drop[0].pattern: expected a text value"),
    ("id: s\ndrop:\n  - id: a\n    category: nav\n    pattern: '(?P<bogus>x)'\n", "unknown capture group(s) ['bogus']"),
    ("id: s\ndrop:\n  - id: a\n    category: nav\n", "site.yaml:3: drop[0]: missing required key 'pattern'"),
    ("id: s\nx: &a [1]\ny: *a\n", "anchors and aliases are not allowed"),
    ("id: s\ndrop: [\n", "site.yaml:3: invalid YAML"),
    ("id: S P\n", "must be lower-case"),
    ("id: s\ntimezone: no\n", "timezone: 'no' is not one of WIB, WITA, WIT"),
    ("id: s\nheader_caption: yes\n", "site.yaml:2: header_caption: expected true or false, got 'yes'"),
])
def test_errors(tmp_path, text, message):
    with pytest.raises(RuleError) as exc:
        load_rule_file(write(tmp_path, text))
    assert message in str(exc.value)


def test_yaml_11_scalars_stay_text(tmp_path):
    # Unquoted 10:15, no and a date: read exactly as written, never as numbers/bools/dates.
    o = load_rule_file(write(tmp_path, "id: s\nname: no\ndrop:\n  - id: t\n    category: nav\n    pattern: 10:15\n"
                                       "  - id: d\n    category: date\n    pattern: 2023-09-13\n"))
    assert o.name == "no"
    assert [r.pattern.pattern for r in o.rules] == ["10:15", "2023-09-13"]


def test_user_folder_overrides_builtin(tmp_path):
    write(tmp_path, "id: klikwartaku\nmatch:\n  hosts: [example.org]\n", "kw.yaml")
    rs = load_ruleset([tmp_path])
    assert rs.outlets["klikwartaku"].hosts == ["example.org"]
    assert "tribun" in rs.outlets


def test_extends_unknown(tmp_path):
    write(tmp_path, "id: child\nextends: nobody\n")
    with pytest.raises(RuleError, match="extends unknown outlet 'nobody'"):
        load_ruleset([tmp_path])


def test_extends_chain_applies_parent_rules(tmp_path):
    write(tmp_path, "id: child\nextends: tribun\nmatch:\n  hosts: [child.example]\n")
    c = Cleaner([tmp_path])
    rec = c.clean_text("Judul Berita Hari Ini Tentang Sesuatu\nTRIBUNNEWS.COM - Isi berita yang cukup panjang di sini ya.\n"
                       "Nikmati berita interaktif dan LIVE report 24 jam hanya di TribunX",
                       url="https://child.example/a")
    assert rec.metadata.outlet == "child"
    assert rec.metadata.dropped.get("ad") == 1


def test_catastrophic_pattern_is_skipped_not_fatal(tmp_path):
    write(tmp_path, "id: slow\nmatch:\n  hosts: [slow.example]\ndrop:\n  - id: evil\n    category: other\n"
                    "    pattern: '^(\\w|\\w\\w)*\\d$'\n")
    c = Cleaner([tmp_path])
    page = "JAKARTA, KOMPAS.com - Isi berita yang cukup panjang untuk satu paragraf.\n" + "a" * 60 + "\n"
    rec = c.clean_text(page, url="https://slow.example/x")
    assert any("slow:evil timed out" in w for w in rec.metadata.warnings)
    assert "Isi berita" in rec.text


def test_builtin_rules_load():
    rs = load_ruleset()
    assert {"tribun", "galamedia", "klikwartaku"} <= set(rs.outlets)


def test_body_start_marker(tmp_path):
    write(tmp_path, "id: marked\nmatch:\n  hosts: [marked.example]\nbody_start:\n  - '^-- ISI --$'\n"
                    "drop:\n  - id: isi\n    category: other\n    pattern: '^-- ISI --$'\n")
    c = Cleaner([tmp_path])
    page = ("Menu Satu\nBerita ini punya kalimat pembuka yang panjang sekali untuk menipu.\n-- ISI --\n"
            "Paragraf pertama artikel yang sebenarnya ada di sini dan cukup panjang.\n")
    rec = c.clean_text(page, url="https://marked.example/a")
    assert rec.text == "Paragraf pertama artikel yang sebenarnya ada di sini dan cukup panjang."
