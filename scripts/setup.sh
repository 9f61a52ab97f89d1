#!/usr/bin/env bash
# Installs everything the kiosk and its tests need on Debian 12 (run as root). Safe to run again:
# apt skips what is installed, the venv is reused, pip only adds what is missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${KIOSK_VENV:-$ROOT/.venv}"
STAMP="$VENV/.kiosk-setup-stamp"

APT_PACKAGES=(
  python3 python3-venv python3-dev gcc
  # card reader: PC/SC daemon, headers for pyscard, the virtual reader driver for the emulated card
  pcscd libpcsclite-dev vsmartcard-vpcd
  # printing: CUPS with a PDF queue; poppler for rendering and text extraction
  cups cups-client cups-bsd printer-driver-cups-pdf poppler-utils
  # scanning: SANE with its test backend
  sane-utils libsane1
  # branch database for the PostgreSQL tests
  postgresql
  # Qt offscreen + xcb (real X / Xvfb)
  libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0
  libxkbcommon-x11-0 libpulse0 libcups2 fonts-dejavu-core xvfb xauth
  iproute2 procps
  # spoken guidance: offline Vietnamese text-to-speech; sox for the voice tests' audio checks
  espeak-ng sox
)

need_apt=0
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || { need_apt=1; break; }
done
if [ "$need_apt" = 1 ]; then
  if [ "$(id -u)" != 0 ]; then echo "setup: apt packages missing; run as root" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" >/dev/null
fi

PY="${KIOSK_PYTHON:-}"
if [ -z "$PY" ]; then
  for cand in python3.11 python3; do command -v "$cand" >/dev/null && { PY="$(command -v "$cand")"; break; }; done
fi
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"

# reinstall the package only when its metadata changed
HASH="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$HASH" ]; then
  "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
  "$VENV/bin/python" -m pip install -q -e "$ROOT[test]"
  echo "$HASH" > "$STAMP"
fi
