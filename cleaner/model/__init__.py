"""The data every layer shares: the marked document, the output record, a page read
from the inputs, and the one registry of metadata fields. Imports nothing else of
the project."""
