"""The print service: one function per printable thing, called by the UI and ``wuye print``.

Each checks the actor's role, loads the facts through the core's queries (roles and phone
masking as everywhere else) into the document's plain dataclass, renders it through
``documents/`` (which only draws), and writes the audit entry. What is counted or numbered
when printed (the commitment letter's original, blank callback forms' serials) is taken in
the transaction of ``core.printing.counted_print``, which commits only once the output has the
document, so a failed print uses up nothing.

One module per document, named as in ``documents/``:

- :mod:`signage` ``signage_pdf(db, actor, community, location=, size=, building_ids=,
  progress=)`` / ``write_signage``; ``channel_problems(community)`` says what must be filled
  in first;
- :mod:`commitment` ``preview_commitment(db, actor, order, copy=False)`` (counts nothing) and
  ``print_commitment(db, actor, order, output, copy=False)`` / ``write_commitment``: prints
  after the first are copies (副本);
- :mod:`closeout` ``closeout_pdf(db, actor, household)`` / ``write_closeout``;
- :mod:`callback_form` ``callback_pdf(db, actor, order)`` / ``write_callback``, and
  ``preview_blank(db, actor, community, count, progress=)`` / ``print_blank(..., output,
  progress=)`` / ``write_blank``: blank forms numbered when printed;
- :mod:`callback_log` ``callback_log_pdf(db, actor, period, community=None)`` /
  ``write_callback_log`` (a period is ``2026-11``, ``2026Q4`` or ``2026-11-01..2026-11-15``,
  ``parse_log_period``), and ``blank_log_pdf(db, actor, pages, community=None)`` /
  ``write_blank_log``: the 回访记录表;
- :mod:`slip` ``slip_pdf(db, actor, order)`` / ``write_slip``: the caller's phone masked unless
  the company chose the full number for the order's kind of handler (``core/slip_phone``);
- :mod:`weekly` ``weekly_pdf(db, actor, week=None, community=None, progress=)`` /
  ``write_weekly``;
- :mod:`disclosure` ``disclosure_pdf(db, actor, community, period)``;
- :mod:`monthly_report` the 月度通报: ``monthly_report_pdf(db, actor, month, community=None)``
  (a preview: neither written nor audited), ``print_monthly_report(db, actor, month,
  community, output)`` (audited once the output has it) / ``write_monthly_report``; *month*
  is ``2026-11`` or a month Period, *community* a code, an id or None for the company;
- :mod:`overview_export` ``export_overview_xlsx(db, actor, period, community, out,
  progress=None)``: the overview of any period as .xlsx with native Excel charts, and
  ``overview_workbook(overview, company)`` for an overview already computed.

``*_pdf`` returns the audited PDF's bytes (for a preview or a printer); ``write_*`` writes it
whole or not at all (``documents.output``). Batches take ``progress(done, total)``, which may
raise (``documents.output.Cancelled``) to stop; nothing is returned, written or counted then.
Errors are the core's (NotFound, StateError, ValidationError naming the fields to fill in,
PermissionDenied).
"""
