#!/bin/bash
# Installs what the private test mail server (start.sh) and the build need, on Debian 12 as root.
# Idempotent: does nothing when every package is already installed. The system's own
# Dovecot and Postfix services are not started: a policy-rc.d that denies service starts is
# in place only for the duration of the install (an existing one is kept and restored).
set -euo pipefail

PACKAGES=(dovecot-imapd dovecot-lmtpd postfix openssl curl ca-certificates tzdata python3 libcurl4-openssl-dev libsqlite3-dev libssl-dev
          chromium fonts-dejavu-core)  # chromium: the HTML mails are rendered and screenshotted in tests (issue 20)

if [ "$(id -u)" -ne 0 ]; then
    echo "install.sh: run as root (apt-get needs it)" >&2
    exit 1
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$pkg")
    fi
done
if [ "${#missing[@]}" -eq 0 ]; then
    echo "install.sh: all packages present: ${PACKAGES[*]}"
    exit 0
fi

POLICY=/usr/sbin/policy-rc.d
BACKUP=""
restore_policy() {
    if [ -n "$BACKUP" ]; then
        mv -f "$BACKUP" "$POLICY"
    else
        rm -f "$POLICY"
    fi
}
if [ -e "$POLICY" ]; then
    BACKUP="$(mktemp /usr/sbin/policy-rc.d.klachtd.XXXXXX)"
    cp -p "$POLICY" "$BACKUP"
fi
trap restore_policy EXIT
printf '#!/bin/sh\n# klachtd deploy/testmail/install.sh: no service starts during this install.\nexit 101\n' > "$POLICY"
chmod 755 "$POLICY"

export DEBIAN_FRONTEND=noninteractive
echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
echo "install.sh: installing ${missing[*]}"
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "install.sh: done"
