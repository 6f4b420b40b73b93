#!/usr/bin/env python3
"""Writes realm-export/kosmo-realm-production.json from the demo realm kosmo-realm.json.

Same realm settings, flows, required actions, policies, user profile and themes; no users (so no passwords), no
demo portal client (kosmo-portal);
SMTP host/port/from and the realm's frontend URL become ${KOSMO_...} placeholders. Keycloak replaces
${ENV_VAR} placeholders from the environment when it imports a file at startup (kc.sh start --import-realm,
kc.sh import; the operator's KeycloakRealmImport maps them through spec.placeholders). The admin console and
admin REST API substitute nothing and refuse the literal ${KOSMO_SMTP_FROM} (not an email address): replace the
placeholders in a copy first (docs/admin-guide.md).

    python3 realm-export/make-production-realm.py           # (re)write the production template
    python3 realm-export/make-production-realm.py --check   # exit 1 if the committed template is stale
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
DEMO = HERE / "kosmo-realm.json"
PRODUCTION = HERE / "kosmo-realm-production.json"

PLACEHOLDERS_SMTP = {
    "host": "${KOSMO_SMTP_HOST}",
    "port": "${KOSMO_SMTP_PORT}",
    "from": "${KOSMO_SMTP_FROM}",
}
FRONTEND_URL = "${KOSMO_FRONTEND_URL}"
DEMO_CLIENTS = {"kosmo-portal"}


def production(demo: dict) -> dict:
    realm = dict(demo)
    realm.pop("users", None)  # demo members and their passwords stay in the demo realm
    # the demo portal (portal/, http://localhost:3000) is a client of the demo realm only
    clients = [c for c in realm.get("clients", []) if c.get("clientId") not in DEMO_CLIENTS]
    if clients:
        realm["clients"] = clients
    else:
        realm.pop("clients", None)
    smtp = dict(realm.get("smtpServer", {}))
    smtp.update(PLACEHOLDERS_SMTP)
    smtp["starttls"] = "true"
    realm["smtpServer"] = smtp
    attributes = dict(realm.get("attributes", {}))
    attributes["frontendUrl"] = FRONTEND_URL
    realm["attributes"] = attributes
    realm["sslRequired"] = "external"
    return realm


def render(realm: dict) -> str:
    return json.dumps(realm, ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    text = render(production(json.loads(DEMO.read_text(encoding="utf-8"))))
    if "--check" in sys.argv[1:]:
        if not PRODUCTION.exists() or PRODUCTION.read_text(encoding="utf-8") != text:
            print(f"{PRODUCTION.name} is stale: run python3 realm-export/make-production-realm.py", file=sys.stderr)
            return 1
        return 0
    PRODUCTION.write_text(text, encoding="utf-8")
    print(f"wrote {PRODUCTION}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
