"""Step 1, load: the user's YAML files → validated models, every problem at ``file:line``."""
