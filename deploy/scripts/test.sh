#!/bin/bash
# The test command: installs what it needs, starts a private Dovecot + Postfix on 127.0.0.1,
# builds klachtd, runs every test (unit, corpus and integration), and stops the servers.
#
#   sudo deploy/scripts/test.sh [extra swift test arguments, e.g. --filter ComplaintSpineTests]
#
# Ports follow KLACHTD_TEST_IMAP_PORT, _IMAPS_PORT, _SMTP_PORT, _SUBMISSION_PORT and
# KLACHTD_TEST_OAUTH_PORT and KLACHTD_TEST_GRAPH_PORT (defaults 10143, 10993, 10025, 10587,
# 10880, 10443). Only the processes
# started here are stopped.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
. "$HERE/prepare.sh"

MAILDIR="$(mktemp -d /tmp/klachtd-test-mail.XXXXXX)"
cleanup() {
    "$ROOT/deploy/testmail/stop.sh" "$MAILDIR" >/dev/null 2>&1 || true
    rm -rf "$MAILDIR"
}
trap cleanup EXIT

# Dovecot checks OAuth2 tokens at a local token service the OAuth tests start on this port.
export KLACHTD_TEST_OAUTH_URL="http://127.0.0.1:${KLACHTD_TEST_OAUTH_PORT:-10880}"
# The Graph tests start their Microsoft Graph stand-in (deploy/testmail/graph) on this port.
export KLACHTD_TEST_GRAPH_PORT="${KLACHTD_TEST_GRAPH_PORT:-10443}"
echo "==> Starting the private test mail server in $MAILDIR (OAuth2 tokens checked at $KLACHTD_TEST_OAUTH_URL)"
"$ROOT/deploy/testmail/start.sh" "$MAILDIR"
eval "$("$ROOT/deploy/testmail/env.sh" "$MAILDIR")"

if [ -d "$ROOT/../shared/corpora" ]; then
    echo "==> Corpus tests read $ROOT/../shared/corpora"
else
    echo "==> ../shared/corpora is absent: the corpus tests will say so and skip"
fi

echo "==> Building klachtd and its tests"
if ! swift build --build-tests >"$MAILDIR/build.log" 2>&1; then
    cat "$MAILDIR/build.log"
    exit 1
fi

echo "==> Running the tests"
swift test "$@"
