"""Protection: duress, wipe, wrong passphrases, discreet mode and quick exit."""
