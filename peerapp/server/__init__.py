"""The group server: an ASGI app that stores sealed posts for rooms it cannot read (docs/PROTOCOL.md)."""
