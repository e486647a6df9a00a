"""Reader app tests: Pilot, snapshots."""
