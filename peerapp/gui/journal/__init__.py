"""The journal tab: timeline, entry editor and reader."""
