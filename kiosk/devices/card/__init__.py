"""card package."""
