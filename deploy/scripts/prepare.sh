#!/bin/bash
# Installs what klachtd needs to build and to run its tests and demo, on Debian 12 as root:
# Debian's packages (libcurl, SQLite, Dovecot, Postfix, python3 for the benchmarks) and a
# check for the Swift toolchain. Prints the PATH line to use; sourced by test.sh and demo.sh.
set -euo pipefail
PREPARE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [ "$(id -u)" -ne 0 ]; then
    echo "prepare.sh: run as root (apt-get needs it), e.g. sudo $0" >&2
    exit 1
fi

echo "==> Updating the package lists and installing build and test dependencies"
DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
"$PREPARE_DIR/../testmail/install.sh"

# Swift is not a Debian 12 package: klachtd expects the toolchain at /opt/swift (Swift 6.x
# from swift.org, unpacked there) or a `swift` already on PATH.
if [ -x /opt/swift/usr/bin/swift ]; then
    export PATH="/opt/swift/usr/bin:$PATH"
fi
if ! command -v swift >/dev/null 2>&1; then
    echo "prepare.sh: no Swift toolchain found. Unpack Swift 6 from swift.org into /opt/swift" >&2
    echo "            (so that /opt/swift/usr/bin/swift exists), then run this again." >&2
    exit 1
fi
echo "==> Using $(swift --version 2>/dev/null | head -n 1)"
