"""Outlet rule files: their schema, the loader, the loaded model, the prefilter that
keeps patterns off lines they cannot match, HTML selectors, and outlet detection.

``from cleaner.ruleset import load_ruleset, RuleError, ...`` names the public parts.
"""
from .loader import (
    build_outlet,
    builtin_rules_dir,
    load_rule_file,
    load_ruleset,
    parse_rule_text,
    rule_dirs,
    rule_files,
    ruleset_from,
)
from .model import (
    CAPTURE_FIELDS,
    CATEGORIES,
    COMMON_ID,
    PATTERN_TIMEOUT,
    SCOPES,
    TIMEZONES,
    ZONES,
    Outlet,
    Rule,
    RuleCase,
    RuleError,
    RuleSet,
    StructureInputs,
)

__all__ = ["CAPTURE_FIELDS", "CATEGORIES", "COMMON_ID", "PATTERN_TIMEOUT", "SCOPES", "TIMEZONES", "ZONES",
           "Outlet", "Rule", "RuleCase", "RuleError", "RuleSet", "StructureInputs", "build_outlet",
           "builtin_rules_dir", "load_rule_file", "load_ruleset", "parse_rule_text", "rule_dirs", "rule_files",
           "ruleset_from"]
