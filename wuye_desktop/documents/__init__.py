"""PDF documents (reportlab): one module per document, no Qt.

Each document module offers the same three layers, so the UI and ``wuye print`` call the same
functions:

- ``*_pdf(db, actor, ...) -> bytes``: load through the core (roles enforced, phones masked),
  render, audit the print, and return the PDF's bytes (for a preview or a printer);
- ``write_*(db, actor, path, ...) -> Path``: the same, written whole or not at all;
- for what is counted or numbered when printed (the commitment letter, blank callback forms),
  ``preview_*`` renders what the next print would be without counting, and ``print_*(...,
  output)`` counts, audits and renders in one transaction that commits only once *output*
  (a ``output.PendingFile``, or the UI's printer) has the document (``core/printing.py``);
- ``load_*`` / ``render_*``: the data as plain frozen dataclasses, and rendering without a
  database (tests, previews of unsaved data).

Batches take ``progress(done, total)``, which may raise (e.g. :class:`output.Cancelled`) to
stop; nothing is returned or written then. Errors are the core's (NotFound, StateError,
ValidationError naming the fields to fill in, PermissionDenied).

- :mod:`signage` ``signage_pdf(db, actor, community, location=, size=, building_ids=,
  progress=)``: "4个3" lobby posters, elevator notices and in-home cards, A4 or A3;
- :mod:`commitment` ``preview_commitment(db, actor, order, copy=False)`` (counts nothing) and
  ``print_commitment(db, actor, order, output, copy=False)`` / ``write_commitment``: the 承诺书;
  prints after the first are copies, counted only once *output* has the letter;
- :mod:`closeout` ``closeout_pdf(db, actor, household)``: the 销项表 (data in core.closeout);
- :mod:`callback_form` ``callback_pdf(db, actor, order)``, and ``preview_blank(db, actor,
  community, count, progress=)`` / ``print_blank(..., output, progress=)`` / ``write_blank``:
  the 回访单, filled in or blank and numbered (numbers taken only once *output* has them);
- :mod:`slip` ``slip_pdf(db, actor, order)``: the technician's slip with the order's QR code;
- :mod:`weekly` ``weekly_pdf(db, actor, week=None, community=None, progress=)``: the
  每周五16:00前督办单.
"""
