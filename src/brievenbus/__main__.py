"""`python -m brievenbus` runs the `brief` command line."""

from brievenbus.cli import main

main()
