"""The Evaluate page's parts: the setup form and progress (view), the run comparison (results_panel)."""
