"""Qt-free heart of peerapp: vault, journal, library and text handling."""
