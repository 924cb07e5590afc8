"""The insights tab, its charts and the therapist report."""
