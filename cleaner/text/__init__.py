"""Text without knowledge of rules or documents: decoding, normalisation, line
signals, dates, syndication notices and the per-record hygiene fields."""
