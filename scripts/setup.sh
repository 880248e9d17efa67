#!/usr/bin/env bash
# One command from a fresh clone to the default briefing pack in out/:
# system tools (where it can), npm packages, then `casebook build`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-tools.sh
npm ci --no-audit --no-fund
npm start
