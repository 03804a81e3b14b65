"""Built-in outlet rule files (package data): one YAML per outlet plus _common.yaml."""
