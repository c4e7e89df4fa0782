#!/bin/bash
# Renders the HTML part of a mail (an .eml file, as klachtd sends it) in headless Chromium and
# saves a PNG: how the weekly overview and the desk's replies look in a browser engine.
# Usage: deploy/scripts/mail-screenshot.sh MAIL.eml OUT.png [WIDTH]
# Needs Debian's chromium (deploy/testmail/install.sh installs it; or apt-get install chromium).
# Chromium is started with networking off, so a mail that tried to load remote content
# would show it missing; nothing leaves the machine.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 MAIL.eml OUT.png [WIDTH]" >&2; exit 2; }
MAIL="$1" OUT="$2" WIDTH="${3:-760}"
BROWSER="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$BROWSER" ] || { echo "$0: chromium is not installed (apt-get install chromium)" >&2; exit 1; }
WORK="$(mktemp -d /tmp/klachtd-shot.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
python3 - "$MAIL" "$WORK/mail.html" <<'PY'
import email, email.policy, sys
message = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.default)
parts = [p for p in message.walk() if p.get_content_type() == "text/html" and p.get_content_disposition() != "attachment"]
if not parts:
    sys.exit(f"{sys.argv[1]}: no text/html part")
open(sys.argv[2], "w", encoding="utf-8").write(parts[0].get_content())
PY
# The page's height: tall enough for the whole mail (Chromium cuts at the window).
HEIGHT="${HEIGHT:-1400}"
"$BROWSER" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions \
    --proxy-server='http://127.0.0.1:9' --proxy-bypass-list='<-loopback>' --user-data-dir="$WORK/profile" \
    --window-size="$WIDTH,$HEIGHT" --screenshot="$OUT" "file://$WORK/mail.html" >"$WORK/chromium.log" 2>&1 || {
    cat "$WORK/chromium.log" >&2; exit 1; }
[ -s "$OUT" ] || { echo "$0: no screenshot written" >&2; cat "$WORK/chromium.log" >&2; exit 1; }
echo "$OUT"
