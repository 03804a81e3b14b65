"""The package's version (read by setuptools, written into every record)."""
__version__ = "0.1.0"
