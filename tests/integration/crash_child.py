"""Child process for the kill -9 test: submits dossiers in a loop, printing each code once committed.

Usage: python crash_child.py DATABASE_URL START_N
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repository root

from kiosk.models.database import open_database  # noqa: E402
from tests.integration.branch_support import service, submission  # noqa: E402


def main() -> None:
    url, start = sys.argv[1], int(sys.argv[2])
    _, factory = open_database(url, migrate=False)
    svc = service(factory)
    print("ready", flush=True)
    n = start
    while True:
        code = svc.submit(submission(n)).code
        print(code, flush=True)
        n += 1


if __name__ == "__main__":
    main()
