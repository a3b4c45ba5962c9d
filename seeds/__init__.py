"""The bundled seed corpus: five English articles on Russia–North Korea relations.

This folder is installed as ``framing.seeds`` so that ``framing.load_corpus()``
works from an installed package. See README.md here for the sources and the
web noise each file carries.
"""
