"""Allow ``python -m reader``."""

import sys

try:
    from reader.cli import main
except KeyboardInterrupt:  # Ctrl+C while starting: what main() says for it later
    print("briefing-reader: interrupted (SIGINT)", file=sys.stderr)
    raise SystemExit(130) from None

raise SystemExit(main())
