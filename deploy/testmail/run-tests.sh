#!/bin/bash
# Starts a throwaway test mail server, runs `swift test` against it, and stops and removes it.
# Usage: deploy/testmail/run-tests.sh [swift test arguments…]
#   e.g. deploy/testmail/run-tests.sh --scratch-path .build-transport --filter MailTransportTests
# Ports follow the KLACHTD_TEST_*_PORT variables (defaults 10143, 10993, 10025, 10587); the Graph
# tests run when KLACHTD_TEST_GRAPH_PORT names a port for their stand-in, and skip otherwise.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DIR="$(mktemp -d /tmp/klachtd-testmail.XXXXXX)"
cleanup() {
    "$HERE/stop.sh" "$DIR" >/dev/null || true
    rm -rf "$DIR"
}
trap cleanup EXIT
"$HERE/start.sh" "$DIR"
eval "$("$HERE/env.sh" "$DIR")"
cd "$HERE/../.."
swift test "$@"
