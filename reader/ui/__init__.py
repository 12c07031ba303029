"""The Qt desktop user interface: thin adapters over the core; the core never knows it."""
