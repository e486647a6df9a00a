"""Widgets: the panes of the reader screen."""
