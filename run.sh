#!/usr/bin/env bash
# The run command: builds everything and starts Keycloak with the kosmo providers, themes and realm,
# plus a local mail sink (SMTP 127.0.0.1:1025, web mailbox http://localhost:8025/) and the demo portal KOSMO Web
# (http://localhost:3000/). Stop with Ctrl-C.
#
#   ./run.sh                 build + start (data in .run/data is kept between runs)
#   ./run.sh --reset         start from a fresh database (the realm is imported again)
#   ./run.sh --db postgres   on the local PostgreSQL 127.0.0.1:5432 (database kosmo, user postgres) instead of H2
#   ./run.sh --help          all options (--http-port, --smtp-port, --mail-web-port, --management-port, --portal-port,
#                            --db, --db-name)
#
# Needs only JDK 17+ and Maven 3.8+; downloads from Maven Central on the first run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

die() { echo "run.sh: $*" >&2; exit 1; }

command -v java >/dev/null 2>&1 \
  || die "java not found. Install a JDK 17 or newer (Debian: sudo apt-get install openjdk-17-jdk-headless)."
command -v mvn >/dev/null 2>&1 \
  || die "mvn not found. Install Maven 3.8 or newer (Debian: sudo apt-get install maven)."

java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
case "$java_major" in
  1.*|[0-9]|1[0-6]) die "java on PATH is version ${java_major:-unknown}; JDK 17 or newer is needed." ;;
esac

jar=devserver/target/kosmo-keycloak-devserver.jar

# --help needs no fresh build once the launcher exists
for arg in "$@"; do
  if [[ ( "$arg" == -h || "$arg" == --help ) && -f "$jar" ]]; then skip_build=1; fi
done

if [[ -z "${skip_build:-}" ]]; then
  echo "[run] Building (mvn -B -q -DskipTests install; the first build downloads from Maven Central and takes a while) ..."
  mvn -B -q -DskipTests install || die "the Maven build failed (see above)."
fi

[[ -f "$jar" ]] || die "$jar is missing after the build."

exec java -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 \
  -Dkosmo.project.dir="$PWD" \
  -cp "$jar:devserver/target/lib/*" \
  jp.kosmo.keycloak.devserver.DevServer "$@"
