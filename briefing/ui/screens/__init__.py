"""Screens: the reader, help and export dialogs."""
