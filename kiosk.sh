#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine: `./kiosk.sh demo` or `./kiosk.sh test`.
# Each first installs what it needs (scripts/setup.sh, idempotent).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cmd="${1:-}"; shift || true
"$ROOT/scripts/setup.sh"
VENV="${KIOSK_VENV:-$ROOT/.venv}"
case "$cmd" in
  demo)
    exec "$VENV/bin/kiosk" demo "$@" ;;
  test)
    cd "$ROOT"
    set +e
    "$VENV/bin/python" -m pytest -n "${KIOSK_TEST_WORKERS:-2}" "$@"
    rc=$?
    set -e
    if [ "$rc" = 5 ]; then echo "kiosk.sh: no tests were collected - treating as failure" >&2; exit 1; fi
    exit "$rc" ;;
  *)
    echo "usage: ./kiosk.sh demo [args] | ./kiosk.sh test [pytest args]" >&2; exit 2 ;;
esac
