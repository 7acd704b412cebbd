#!/usr/bin/env bash
# Runs the whole Linkage suite locally with nothing but a JDK 17+: builds what is missing, then starts an
# embedded PostgreSQL, a Kafka broker, the fakes of the push and SMS providers, Keycloak (when a JDK 21+ is found:
# LINKAGE_KEYCLOAK_JAVA_HOME, or /usr/lib/jvm; without one the services take dev tokens only) and the four services
# (on a JDK 25+ when one is found, LINKAGE_SERVICE_JAVA_HOME or /usr/lib/jvm, from ahead-of-time caches it writes once
# per build).
# Ctrl-C stops everything.
#   deploy/local/run.sh               start (data kept in deploy/local/data)
#   deploy/local/run.sh --demo        start and seed a small demo district
#   deploy/local/run.sh --wipe        start from empty data
#   deploy/local/run.sh --no-keycloak start without Keycloak
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

needs_build() {
  for module in volunteer-service activity-service matching-service notification-service; do
    jar="$module/target/quarkus-app/quarkus-run.jar"
    [[ -f "$jar" ]] || return 0
    [[ -z "$(find "$module/src/main" common -newer "$jar" -type f -print -quit)" ]] || return 0
  done
  [[ -d deploy/local/kafka-dist/target/lib && -d deploy/local/target/lib ]] || return 0
  [[ -f deploy/local/target/keycloak/keycloak-dist.tar.gz ]] || return 0
  ls deploy/keycloak-sms-login/target/linkage-keycloak-sms-login-*.jar >/dev/null 2>&1 || return 0
  return 1
}

if needs_build; then
  echo "Building Linkage (first time: a few minutes) ..."
  ./mvnw -B -q -DskipTests install
fi
exec java -Dlinkage.root="$root" -cp "deploy/local/target/classes:deploy/local/target/lib/*" \
  org.linkage.local.LocalSuite "$@"
