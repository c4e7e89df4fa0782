#!/bin/bash
# Prints (or, when sourced, exports) the environment the tests read for a server under DIR:
#   eval "$(deploy/testmail/env.sh DIR)"    or    . deploy/testmail/env.sh DIR
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
. "$HERE/common.sh"
if testmail_load "${1:-}"; then
    for name in KLACHTD_TEST_MAILDIR KLACHTD_TEST_IMAP_PORT KLACHTD_TEST_IMAPS_PORT KLACHTD_TEST_SMTP_PORT \
        KLACHTD_TEST_SUBMISSION_PORT KLACHTD_TEST_LMTP KLACHTD_TEST_CA_FILE KLACHTD_TEST_PASSWORD KLACHTD_TEST_DOMAIN; do
        if [ "${BASH_SOURCE[0]}" != "$0" ]; then
            export "${name?}"
        else
            printf 'export %s=%q\n' "$name" "${!name}"
        fi
    done
fi
