"""Writes the handler's reply to their assignment mail, as a mail client would: answered to the
Reply-To (the case's signed address), in the thread, with commands on top. Reads a
`doveadm fetch ... text` dump of the handler's INBOX on stdin; used by demo.sh only."""
import email
import email.policy
import sys

dump = sys.stdin.read()
raw = dump.removeprefix("text:\n").rstrip("\f\n")
assignment = email.message_from_string(raw, policy=email.policy.default)
reply_to = assignment["Reply-To"].addresses[0].addr_spec
print(f"""From: Anna de Wit <behandelaar1@example.test>
To: {reply_to}
Subject: RE: {assignment["Subject"]}
Date: Tue, 17 Nov 2026 16:40:00 +0100
Message-ID: <demo-reply-petra@example.test>
In-Reply-To: {assignment["Message-ID"]}
References: {assignment["Message-ID"]}
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

#oordeel gegrond
#maatregel Bij sluitingstijd blijven twee medewerkers tot het laatste kind is opgehaald, en de mentor belt de ouder uiterlijk om 18:05.
#termijn 4 weken

Ik heb met het team van BSO Morel gesproken. Zoë had niet alleen bij de deur mogen staan: de afspraak is dat een
medewerker blijft tot het laatste kind is opgehaald. Dat is die donderdag niet gebeurd. Het spijt ons.

Anna de Wit
Locatiemanager Morel
""")
