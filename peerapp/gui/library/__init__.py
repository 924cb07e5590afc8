"""The library tab and the crisis pages."""
