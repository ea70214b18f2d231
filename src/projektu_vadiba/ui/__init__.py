"""The PySide6 desktop UI. It imports the core; nothing in the core imports it. Entry point: `ui.app.run_gui`."""
