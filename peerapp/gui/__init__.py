"""The Qt desktop interface; imports core, never the other way round."""
