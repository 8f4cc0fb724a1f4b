"""PDF documents (reportlab): one module per document, no Qt, no database.

A document module holds the plain frozen dataclass of what it prints and a ``render_*`` that
draws it to PDF bytes; nothing here loads, checks a role, counts, numbers or audits. That is
the print service's (``core/prints/``), which the UI and ``wuye print`` both call.
``tests/unit/test_layers.py`` holds the rule: no ``storage``, and of ``core`` only the pure
value helpers (clock, i18n, errors, vocab, progress, deadlines, money formatting).

- :mod:`signage` ``SignagePack`` → ``render_signage(pack, size, progress)``: "4个3" lobby
  posters, elevator notices and in-home cards, A4 or A3;
- :mod:`commitment` ``CommitmentLetter`` → ``render_commitment``: the 承诺书, marked 副本 when
  it is a copy;
- :mod:`closeout` ``CloseoutSheet`` → ``render_closeout``: the 销项表;
- :mod:`callback_form` ``facts.OrderFacts`` → ``render_filled``, and ``BlankBatch`` →
  ``render_blank(batch, progress)``: the 回访单, filled in or blank and numbered;
- :mod:`callback_log` ``CallbackLog`` → ``render_callback_log``: the 回访记录表, a period's
  callbacks many to a page, or blank pages;
- :mod:`slip` ``facts.OrderFacts`` → ``render_slip``: the technician's slip with the order's
  QR code;
- :mod:`weekly` ``WeeklyDocument`` → ``render_weekly``: the 每周五16:00前督办单;
- :mod:`disclosure` ``DisclosureSheet`` → ``render_disclosure``: the 公共收益公示;
- :mod:`output`: writing a PDF whole or not at all (``write_atomic``, ``PendingFile``),
  ``Cancelled`` for a ``progress`` callback to stop a batch, ``page_count``;
- :mod:`page`, :mod:`fonts`, :mod:`qr`, :mod:`words`: page furniture, the embedded fonts (rare
  characters fall back to Hanazono Mincho), QR codes and the Chinese words printed for the
  shared vocabulary;
- :mod:`coverage`: every ``render_*`` returns ``Rendered`` bytes that name the characters no
  font draws (printed as 〓), for the preview and ``wuye print`` to warn before printing.
"""
