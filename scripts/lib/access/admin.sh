# shellcheck shell=bash
# access ca | audit verify | token: the operator and plumbing commands.

# The runnable jar local-up builds; its manifest class path carries airlock-aws (AdminMain).
readonly ADMIN_JAR_PATH="localstack/runner/target/airlock-local-runnable.jar"
readonly ADMIN_MAIN="dev.airlock.aws.admin.AdminMain"
# AdminMain's exit codes (functions/aws/.../admin/AdminMain.java).
readonly ADMIN_OK=0 ADMIN_BREAKS=1 ADMIN_USAGE=2 ADMIN_INVALID=3

ca_help() {
  cat <<'EOF'
Usage: access ca

Prints the CA public key as one authorized_keys line (GET /ca). A host trusts Airlock's
certificates with it:

  access ca | sudo tee /etc/ssh/airlock_user_ca.pub
  echo 'TrustedUserCAKeys /etc/ssh/airlock_user_ca.pub' | sudo tee -a /etc/ssh/sshd_config

Uses your credentials when configured (the API sits behind the JWT authorizer).
EOF
}

cmd_ca() {
  while [ $# -gt 0 ]; do
    case "$1" in
      -h | --help) ca_help; exit 0 ;;
      *) usage_error "unknown argument '$1'" ;;
    esac
  done
  access_acquire_token optional
  api GET /ca || api_fail
  local line
  line=$(head -n 1 "$ACCESS_TMP/response" | tr -d '\r')
  [[ $line =~ ^[a-z0-9@.-]+\ [A-Za-z0-9+/]+=* ]] ||
    die "$EX_UNAVAILABLE" "unexpected reply from $ACCESS_URL/ca (not an authorized_keys line)"
  printf '%s\n' "$line"
}

audit_help() {
  cat <<'EOF'
Usage: access audit verify

Walks every audit hash chain in DynamoDB and reports any break (dev.airlock.aws.admin.AdminMain
verify). Talks to DynamoDB directly, not to the HTTP API: endpoint, region and table names come from
the environment or .airlock/local.env (written by scripts/local-up):

  AWS_ENDPOINT_URL         DynamoDB endpoint (unset: AWS itself, with the SDK's default credentials)
  AWS_REGION               region (default us-east-1)
  AIRLOCK_REQUESTS_TABLE   requests table name
  AIRLOCK_AUDIT_TABLE      audit table name
  AIRLOCK_ADMIN_CLASSPATH  Java class path holding AdminMain (default: the runnable jar that
                           scripts/local-up builds, localstack/runner/target/airlock-local-runnable.jar)

Needs Java 17+. Exit codes: 0 every chain intact; 6 at least one chain is broken (one BREAK line
each); 1 usage or setup (no java, jar not built); 5 DynamoDB unreachable or refused the reads.
EOF
}

cmd_audit() {
  [ $# -gt 0 ] || { audit_help >&2; exit "$EX_USAGE"; }
  case "$1" in
    -h | --help | help) audit_help; exit 0 ;;
    verify) shift ;;
    *) ACCESS_COMMAND="access audit"; usage_error "unknown audit command '$1'" ;;
  esac
  ACCESS_COMMAND="access audit verify"
  while [ $# -gt 0 ]; do
    case "$1" in
      -h | --help) audit_help; exit 0 ;;
      *) usage_error "unknown argument '$1'" ;;
    esac
  done
  command -v java >/dev/null 2>&1 || die "$EX_USAGE" "java not found; audit verify needs a JDK 17 or later"
  local classpath=${AIRLOCK_ADMIN_CLASSPATH:-$ACCESS_ROOT/$ADMIN_JAR_PATH}
  if [ -z "${AIRLOCK_ADMIN_CLASSPATH:-}" ] && [ ! -f "$classpath" ]; then
    die "$EX_USAGE" "$classpath is missing; build it with scripts/local-up (first run) or: mvn -B -q -pl localstack/runner -am package -DskipTests"
  fi
  local args=(verify) value
  value=$(setting AWS_ENDPOINT_URL) && [ -n "$value" ] && args+=(--endpoint "$value")
  value=$(setting AWS_REGION) && [ -n "$value" ] && args+=(--region "$value")
  value=$(setting AIRLOCK_REQUESTS_TABLE) && [ -n "$value" ] && args+=(--requests-table "$value")
  value=$(setting AIRLOCK_AUDIT_TABLE) && [ -n "$value" ] && args+=(--audit-table "$value")
  local rc=0
  java -XX:TieredStopAtLevel=1 -cp "$classpath" "$ADMIN_MAIN" "${args[@]}" || rc=$?
  case "$rc" in
    "$ADMIN_OK") exit "$EX_OK" ;;
    "$ADMIN_BREAKS") printf 'access: the audit log is NOT intact (see the BREAK lines above)\n' >&2; exit "$EX_AUDIT_BROKEN" ;;
    "$ADMIN_USAGE" | "$ADMIN_INVALID") exit "$EX_USAGE" ;;
    *) exit "$EX_UNAVAILABLE" ;;
  esac
}

token_help() {
  cat <<'EOF'
Usage: access token

Prints the bearer token the CLI would use (from --user, AIRLOCK_TOKEN, AIRLOCK_TOKEN_COMMAND or
AIRLOCK_USER), so other tools can call the API:

  curl -H "Authorization: Bearer $(access --user bob token)" http://127.0.0.1:8080/requests

This is the only command that prints a token. Treat it as a password.
EOF
}

cmd_token() {
  while [ $# -gt 0 ]; do
    case "$1" in
      -h | --help) token_help; exit 0 ;;
      *) usage_error "unknown argument '$1'" ;;
    esac
  done
  access_acquire_token
  printf '%s\n' "$ACCESS_TOKEN"
}
