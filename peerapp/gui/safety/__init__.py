"""The safety plan tab."""
