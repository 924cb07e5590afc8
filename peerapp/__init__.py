"""peerapp: a private mood and coping journal with a bilingual library and peer groups."""

__version__ = "0.1.0"
APP_ID = "org.peerapp.PeerApp"
