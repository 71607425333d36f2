# shellcheck shell=bash
# access: exit codes, messages, option helpers, configuration and credentials.
# Sourced by scripts/access; every function here is prefixed so the command files stay readable.

# Exit codes (docs/CLI.md "Exit codes"); one place maps HTTP statuses onto them (http.sh).
readonly EX_OK=0
readonly EX_USAGE=1         # bad command line, bad input (also HTTP 400), local setup problem
readonly EX_DENIED=2        # 401/403, no credentials, or login ended denied/expired/withdrawn
readonly EX_NOT_FOUND=3     # 404, or no request matches an id prefix
readonly EX_CONFLICT=4      # 409: the request is not in a state that allows this
readonly EX_UNAVAILABLE=5   # network failure, 5xx, throttled after retries, unexpected reply
readonly EX_AUDIT_BROKEN=6  # audit verify: at least one chain is broken
readonly EX_INTERRUPTED=130 # Ctrl-C (143 for SIGTERM)
export EX_OK EX_USAGE EX_DENIED EX_NOT_FOUND EX_CONFLICT EX_UNAVAILABLE EX_AUDIT_BROKEN EX_INTERRUPTED

readonly ACCESS_DEFAULT_URL="http://127.0.0.1:8080"
# Request ids are UUIDs; a prefix must be at least this long to be looked up.
readonly ACCESS_MIN_PREFIX=4

# --- messages -------------------------------------------------------------------------------------

# die CODE MESSAGE...: one line on stderr, then exit CODE.
die() {
  local code=$1
  shift
  access_clear_progress
  printf 'access: error: %s\n' "$*" >&2
  exit "$code"
}

# usage_error MESSAGE: a bad command line (exit 1) with a pointer to the help of the command.
usage_error() {
  access_clear_progress
  printf 'access: error: %s\n' "$1" >&2
  printf "Try '%s --help'.\n" "${ACCESS_COMMAND:-access}" >&2
  exit "$EX_USAGE"
}

# say TEXT: a line for people; on stdout, or on stderr when stdout carries --json output.
say() {
  if [ "${ACCESS_JSON:-0}" = 1 ]; then
    printf '%s\n' "$*" >&2
  else
    printf '%s\n' "$*"
  fi
}

# need_value "$@": the option in $1 must be followed by a value.
need_value() {
  [ $# -ge 2 ] || usage_error "$1 needs a value"
}

# access_clear_progress: erases a live progress line (login) before anything else goes to stderr.
access_clear_progress() {
  if [ "${ACCESS_PROGRESS_SHOWN:-0}" = 1 ]; then
    printf '\r\033[K' >&2
    ACCESS_PROGRESS_SHOWN=0
  fi
}

# json_string TEXT: TEXT as a JSON string literal.
json_string() {
  jq -cn --arg v "$1" '$v'
}

# uri_encode TEXT: TEXT percent-encoded for a query parameter.
uri_encode() {
  jq -rn --arg v "$1" '$v | @uri'
}

# display_path PATH: PATH with the home directory shown as ~ (as the issue's example prints it).
display_path() {
  case "$1" in
    "$HOME"/*) printf '~/%s\n' "${1#"$HOME"/}" ;;
    *) printf '%s\n' "$1" ;;
  esac
}

# --- configuration --------------------------------------------------------------------------------

# access_env_file: the local.env that scripts/local-up writes ($AIRLOCK_HOME or <repo>/.airlock).
access_env_file() {
  if [ -n "${AIRLOCK_HOME:-}" ]; then
    printf '%s/local.env\n' "$AIRLOCK_HOME"
  else
    printf '%s/.airlock/local.env\n' "$ACCESS_ROOT"
  fi
}

# env_file_value FILE NAME: the value of NAME in a local.env file, which local-up writes as
# NAME='value' with a quote inside written '\'' (POSIX single quoting). Read, never sourced.
env_file_value() {
  local file=$1 name=$2 line value
  [ -r "$file" ] || return 1
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      "$name="*)
        value=${line#"$name"=}
        if [ "${#value}" -ge 2 ] && [ "${value:0:1}" = "'" ] && [ "${value: -1}" = "'" ]; then
          value=${value:1:${#value}-2}
          value=${value//"'\''"/"'"}
        fi
        printf '%s\n' "$value"
        return 0
        ;;
    esac
  done <"$file"
  return 1
}

# setting NAME [DEFAULT]: the environment variable NAME, else its value in local.env, else DEFAULT.
setting() {
  local name=$1 default=${2:-} value
  value=${!name:-}
  if [ -z "$value" ]; then
    value=$(env_file_value "$(access_env_file)" "$name") || value=""
  fi
  printf '%s\n' "${value:-$default}"
}

# access_load_config: ACCESS_URL from --url, AIRLOCK_URL, local.env, or the local-up default.
access_load_config() {
  local url=${ACCESS_OPT_URL:-}
  if [ -z "$url" ]; then
    url=$(setting AIRLOCK_URL "$ACCESS_DEFAULT_URL")
  fi
  case "$url" in
    http://?* | https://?*) ;;
    *) die "$EX_USAGE" "AIRLOCK_URL must be an http(s) URL such as $ACCESS_DEFAULT_URL, was '$url'" ;;
  esac
  ACCESS_URL=${url%/}
}

# --- credentials ----------------------------------------------------------------------------------

# access_token_source: which credential the CLI uses, in order: --user (development issuer),
# AIRLOCK_TOKEN, AIRLOCK_TOKEN_COMMAND, AIRLOCK_USER (development issuer); "none" when nothing is set.
access_token_source() {
  if [ -n "${ACCESS_OPT_USER:-}" ]; then
    echo dev
  elif [ -n "${AIRLOCK_TOKEN:-}" ]; then
    echo env
  elif [ -n "${AIRLOCK_TOKEN_COMMAND:-}" ]; then
    echo command
  elif [ -n "${AIRLOCK_USER:-}" ]; then
    echo dev
  else
    echo none
  fi
}

# access_acquire_token [optional]: sets ACCESS_TOKEN and writes the curl config holding the
# Authorization header (a private temp file, so the token never appears in a process listing).
# With "optional", a missing credential is not an error (ACCESS_TOKEN stays empty).
access_acquire_token() {
  local source
  access_setup
  source=$(access_token_source)
  case "$source" in
    dev) ACCESS_TOKEN=$(access_dev_token) || exit $? ;;
    env) ACCESS_TOKEN=$AIRLOCK_TOKEN ;;
    command) ACCESS_TOKEN=$(access_command_token) || exit $? ;;
    none)
      [ "${1:-}" = optional ] && { ACCESS_TOKEN=""; return 0; }
      die "$EX_DENIED" "no credentials: run 'access --user NAME ...' against scripts/local-up, or set AIRLOCK_TOKEN or AIRLOCK_TOKEN_COMMAND"
      ;;
  esac
  ACCESS_TOKEN_KIND=$source
  # A bearer token is token68 (RFC 6750); anything else would break the header, so refuse it
  # without echoing it.
  if ! [[ $ACCESS_TOKEN =~ ^[A-Za-z0-9._~+/-]+=*$ ]]; then
    die "$EX_DENIED" "the token from $(access_token_origin "$source") is not a bearer token (empty, or unexpected characters)"
  fi
  printf 'header = "Authorization: Bearer %s"\n' "$ACCESS_TOKEN" >"$ACCESS_TMP/auth.curlrc"
}

access_token_origin() {
  case "$1" in
    dev) echo "the development issuer" ;;
    env) echo "AIRLOCK_TOKEN" ;;
    command) echo "AIRLOCK_TOKEN_COMMAND" ;;
  esac
}

# access_refresh_token: after a 401, mint again when the token came from the development issuer or
# a command (a long login wait can outlive a token); returns 1 when a fresh token cannot help.
access_refresh_token() {
  case "${ACCESS_TOKEN_KIND:-}" in
    dev | command) access_acquire_token && return 0 ;;
  esac
  return 1
}

# access_command_token: runs AIRLOCK_TOKEN_COMMAND (like kubectl's exec credentials) and prints the
# first line it prints.
access_command_token() {
  local out rc=0
  out=$(sh -c "$AIRLOCK_TOKEN_COMMAND" 2>"$ACCESS_TMP/token-command.err" </dev/null) || rc=$?
  if [ "$rc" -ne 0 ]; then
    die "$EX_DENIED" "AIRLOCK_TOKEN_COMMAND failed with exit code $rc: $(head -n 1 "$ACCESS_TMP/token-command.err")"
  fi
  out=$(printf '%s\n' "$out" | head -n 1)
  printf '%s\n' "${out//[[:space:]]/}"
}

# access_dev_token: a token from local-up's development issuer (POST /dev/token) for --user, with
# --groups when given (else the server's demo groups for that user).
access_dev_token() {
  local user=${ACCESS_OPT_USER:-${AIRLOCK_USER:-}} body status
  local groups_set=${ACCESS_OPT_GROUPS_SET:-0} groups=${ACCESS_OPT_GROUPS:-}
  if [ "$groups_set" = 0 ] && [ -n "${AIRLOCK_GROUPS+x}" ] && [ -z "${ACCESS_OPT_USER:-}" ]; then
    groups_set=1
    groups=$AIRLOCK_GROUPS
  fi
  body="$ACCESS_TMP/dev-token-request.json"
  jq -n --arg user "$user" --arg groups "$groups" --argjson set "$groups_set" \
    '{user: $user} + (if $set == 1 then {groups: ($groups | split(",") | map(gsub("^ +| +$"; "")) | map(select(. != "")))} else {} end)' \
    >"$body"
  local url=${AIRLOCK_DEV_TOKEN_URL:-$ACCESS_URL/dev/token}
  http_send POST "$url" "$body" || die "$EX_UNAVAILABLE" "$(http_network_error "$url")"
  status=$HTTP_STATUS
  case "$status" in
    200) ;;
    404 | 405) die "$EX_DENIED" "$ACCESS_URL has no development issuer (--user works only against scripts/local-up); set AIRLOCK_TOKEN or AIRLOCK_TOKEN_COMMAND instead" ;;
    4??) die "$EX_USAGE" "the development issuer refused the token request: $(http_problem_text)" ;;
    *) die "$EX_UNAVAILABLE" "the development issuer failed: $(http_problem_text)" ;;
  esac
  jq -er '.token | strings' "$ACCESS_TMP/response" 2>/dev/null ||
    die "$EX_UNAVAILABLE" "the development issuer answered without a token"
}
