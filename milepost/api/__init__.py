"""The JSON API, version 1, under ``/api/v1/``: see ``api.py``."""
