"""``wuye owner-portal``: the owners' reporting page (扫码报修, DESIGN §3), a small web service
on the company's shared database, meant to sit behind the company's HTTPS reverse proxy.

Every rule is core's (core.portal, core.orders); this package is the web: the routes
(``app.py``), the pages (``pages.py``, escaped by ``markup.py``), the signed form tokens
(``forms.py``), photos (``photos.py``), limits on rates, sizes and time (``limits.py``), and
running it on a port (``runner.py``). It imports no Qt and nothing of the desktop's ui.
"""
