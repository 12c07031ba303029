"""Writing cards and set files: edits that keep each file as its author wrote it.

Pure Python, no Qt: the window's editor, its set-wide tag and topic changes and the
``new``/``tag rename`` commands share this core. The public surface:

* :func:`apply_edits` (``reader.authoring.patch``): new text for new data, untouched parts
  byte for byte;
* :func:`load_for_edit`, :func:`save_atomically` (``reader.authoring.files``);
* :func:`new_card`, :func:`new_set` (``reader.authoring.skeleton``);
* :class:`Plan` and the tag and topic planners (``reader.authoring.plan``, ``.tags``,
  ``.topics``).
"""
