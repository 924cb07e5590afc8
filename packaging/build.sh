#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle into dist/peerapp and smoke-test it.
# Usage: packaging/build.sh   (from anywhere; needs `pip install pyinstaller` and the app's deps)
set -euo pipefail
cd "$(dirname "$0")/.."

python -m PyInstaller --noconfirm --clean \
  --distpath "${DISTPATH:-dist}" --workpath "${WORKPATH:-build/pyinstaller}" \
  packaging/peerapp.spec

app="${DISTPATH:-dist}/peerapp/peerapp"
QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" "$app" --version
QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" "$app" selfcheck
echo "built $app"
