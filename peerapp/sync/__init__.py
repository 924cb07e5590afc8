"""Anonymous, end-to-end encrypted peer groups: protocol, local store and sync engine (no Qt)."""
