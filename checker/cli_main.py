"""`python -m checker.cli_main`: the console entry point without an installed script."""
from checker.cli import main

if __name__ == "__main__":
    main()
