"""Adapters that run cleaner inside other engines.

- :mod:`cleaner.integrations.datatrove`: a datatrove pipeline step (``pip install 'cleaner[datatrove]'``).

Each adapter imports its engine only when it is imported itself, so ``import cleaner``
never needs them.
"""
