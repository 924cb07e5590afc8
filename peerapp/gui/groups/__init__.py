"""The peer groups tab: feed, posting, dialogs and background sync."""
