"""Rendering helpers shared by the CLI and the app: Rich only, never Textual."""
