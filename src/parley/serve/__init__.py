"""The web server: JSON API, dashboard and exports over a Parley store (``create_app(settings)``)."""

from parley.serve.app import ServeOptions, create_app

__all__ = ["ServeOptions", "create_app"]
