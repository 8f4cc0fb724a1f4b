"""The Regulator tab (``tab``), the session's background sync (``scheduler``) and the regulator
parts of other views. Nothing is imported here: the main window loads the scheduler at start-up
and the tab only when it is first shown."""
