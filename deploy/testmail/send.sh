#!/bin/bash
# Injects one message through the test server's SMTP port (LF line endings become CRLF).
# Usage: deploy/testmail/send.sh FROM TO FILE     (server: KLACHTD_TEST_MAILDIR or DIR as $4)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
. "$HERE/common.sh"
if [ $# -lt 3 ]; then
    echo "usage: $0 FROM TO FILE [DIR]" >&2
    exit 2
fi
testmail_load "${4:-}"
curl --silent --show-error --crlf "smtp://127.0.0.1:$KLACHTD_TEST_SMTP_PORT" \
    --mail-from "$1" --mail-rcpt "$2" --upload-file "$3"
