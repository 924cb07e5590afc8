"""Group protocol version 2 (docs/PROTOCOL.md, "Version 2"): member keys, signed events, epochs, admins."""
