#!/usr/bin/env bash
# Installs the programs casebook drives or its tests read artifacts with:
# Chromium's headless shell (report.pdf and the slides handout; casebook prefers
# it to full Chromium, which also works), poppler (pdftotext/pdfinfo/pdffonts), qpdf (its --check), LibreOffice
# Writer (.docx checks), LibreOffice Impress (.pptx checks) and Noto CJK (so LibreOffice can show Chinese).
# Only what is missing is installed; on machines without apt it says what to get.
set -euo pipefail

missing=()
# A named browser (CHROME_PATH) is the one casebook uses; otherwise the headless shell is what it looks for first.
command -v chromium-headless-shell >/dev/null 2>&1 || [ -n "${CHROME_PATH:-}" ] || missing+=(chromium-headless-shell)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK\|Noto Serif CJK' || missing+=(fonts-noto-cjk)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer)
# Impress is its own package; soffice alone cannot open a .pptx. Its launcher marks it installed.
[ -e /usr/lib/libreoffice/program/simpress ] || [ -e /Applications/LibreOffice.app/Contents/MacOS/soffice ] || missing+=(libreoffice-impress)

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-tools: Chromium's headless shell, poppler, qpdf, LibreOffice (Writer, Impress) and CJK fonts are present"
  exit 0
fi

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "install-tools: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  regular=()
  lean=()
  for package in "${missing[@]}"; do
    case "$package" in libreoffice-*) lean+=("$package") ;; *) regular+=("$package") ;; esac
  done
  [ ${#regular[@]} -eq 0 ] || apt-get install -y -qq "${regular[@]}" >/dev/null
  # Without recommends LibreOffice Writer and Impress are ~300 MB lighter and convert .docx and .pptx just the same.
  [ ${#lean[@]} -eq 0 ] || apt-get install -y -qq --no-install-recommends "${lean[@]}" >/dev/null
  echo "install-tools: done"
else
  echo "install-tools: missing ${missing[*]}." >&2
  echo "  Debian/Ubuntu (as root): apt-get install chromium-headless-shell poppler-utils qpdf fonts-noto-cjk && apt-get install --no-install-recommends libreoffice-writer libreoffice-impress" >&2
  echo "  macOS: brew install --cask google-chrome libreoffice && brew install poppler qpdf" >&2
  echo "  Or set CHROME_PATH to a Chrome/Chromium executable. casebook builds HTML and .docx without them." >&2
  [ "${CI:-}" = true ] && exit 1
  exit 0
fi
