"""storywatch: follow a developing news story and the figures in it."""
