#!/usr/bin/env bash
# Debian packages the tests need and pip cannot give: Chromium's headless build (Playwright
# cannot download its own browser on these machines), a Korean font (without
# one, Hangul renders as boxes) and Node.js (the calculator's module tests).
# Installs what is missing when run as root.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium-headless-shell ] || missing+=(chromium-headless-shell)
command -v node >/dev/null || missing+=(nodejs)
if ! command -v fc-list >/dev/null || [ -z "$(fc-list :lang=ko 2>/dev/null)" ]; then
  missing+=(fonts-noto-cjk)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "The browser tests need Debian packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
