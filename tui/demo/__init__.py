"""The bundled replay behind `storywatch demo`: a scripted story served over loopback HTTP.

Nothing here imports Textual at import time; the dashboard is loaded lazily by
`runner.run_demo_tui` only.
"""
