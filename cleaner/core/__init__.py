"""The cleaning core: the stages (stages.py), rule marking, the structure passes,
the metadata decisions (metadata.py) and the record's assembly. Knows rules and
text; never reads files or HTML."""
