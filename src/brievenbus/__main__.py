"""The `brief` console script, also as `python -m brievenbus`.

Start-up creates objects that live until exit: some 460 modules, then the
workspace's data. Python's cyclic garbage collector would walk them again and
again for nothing (a sixth of a one-letter run), so it stays off until the data
is loaded; what exists then is frozen and never walked (cli.common.data_loaded).
"""

import gc


def main() -> None:
    """Run `brief` with garbage collection off during start-up."""
    gc.disable()
    from brievenbus.cli import main as run_cli  # the imports are most of start-up

    run_cli()


if __name__ == "__main__":
    main()
