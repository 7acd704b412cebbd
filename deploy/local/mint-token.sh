#!/usr/bin/env bash
# Prints a bearer token signed with the dev key for the audience linkage-api, which only the dev, test and local
# profiles trust (any other profile refuses to start with the dev key), as the issuer the local run trusts (its
# Keycloak when it runs one, else the dev issuer):
#   deploy/local/mint-token.sh volunteer <uuid>
#   deploy/local/mint-token.sh social-worker <staff-id> <community>
#   deploy/local/mint-token.sh admin <staff-id>
#   deploy/local/mint-token.sh integrator <client-id> <scope>...
# e.g. curl -H "Authorization: Bearer $(deploy/local/mint-token.sh admin admin-1)" localhost:8081/api/v1/volunteers
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
# When the local run started Keycloak, the services trust its issuer; Keycloak signs with the same dev key.
issuer_file="$root/deploy/local/data/token-issuer"
issuer=()
[[ -f "$issuer_file" ]] && issuer=("-Dlinkage.token.issuer=$(cat "$issuer_file")")
exec java "${issuer[@]}" -cp "$root/deploy/local/target/lib/*" org.linkage.testing.Tokens "$@"
