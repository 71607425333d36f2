# shellcheck shell=bash
# access login: request roles (or reuse a request), wait for the decision, sign an SSH key and write
# its certificate next to it — tsh login --request-roles, for Airlock.

# Polling backoff while waiting: first interval, doubling up to the cap (seconds).
readonly LOGIN_POLL_FIRST=1
readonly LOGIN_POLL_MAX=10
# Consecutive network failures tolerated while waiting before giving up (the request stays pending).
readonly LOGIN_MAX_POLL_FAILURES=5
readonly LOGIN_DEFAULT_KEYS=(id_ed25519 id_ecdsa id_rsa)

login_help() {
  cat <<'EOF'
Usage: access login [--request-roles R1,R2 --reason TEXT [--ttl DUR] [--duration DUR]]
                    [--request-id ID] [--nowait] [--key PUBKEY] [--json]

Signs your SSH public key and writes the certificate next to it (<key>-cert.pub, mode 0644).

Without --request-roles or --request-id the certificate carries your base roles only. With
--request-roles, creates an access request, prints its id, and waits for a reviewer's decision
(polling 1s, 2s, 4s ... up to 10s); once approved, the certificate carries the granted roles too.
Ctrl-C stops waiting and leaves the request pending; resume with 'access login --request-id ID'.

  --request-roles R1,R2  roles to request (comma-separated)
  --reason TEXT          why you need them (required by most roles)
  --ttl DUR              how long the request may wait for approval (e.g. 30m; server default 1h)
  --duration DUR         how long the access should last once approved (at most the roles' max_duration)
  --request-id ID        use an existing request (full id or a unique prefix of 4+ characters):
                         wait for it if pending, sign at once if approved
  --nowait               create (or look up) the request but do not wait; prints how to resume
  --key PUBKEY           public key to sign (default: the first of ~/.ssh/id_ed25519.pub,
                         ~/.ssh/id_ecdsa.pub, ~/.ssh/id_rsa.pub); a private key path works if PUBKEY.pub exists
  --json                 print the certificate details as JSON on stdout (messages go to stderr)
  -h, --help             this help

Exit codes: 0 certificate written (or, with --nowait, request pending); 1 usage or bad key;
2 denied, expired, withdrawn, or not allowed; 3 no such request; 4 request not usable (conflict);
5 server or network failure; 130 interrupted (the request stays pending).

Environment: AIRLOCK_POLL_INTERVAL=SECONDS polls at this fixed interval instead of backing off.

Example:
  access login --request-roles=dba --reason "INC-4211: slow queries"
EOF
}

cmd_login() {
  local roles="" reason="" reason_set=0 request_id="" nowait=0 key="" ttl="" duration=""
  while [ $# -gt 0 ]; do
    case "$1" in
      -h | --help) login_help; exit 0 ;;
      --request-roles) need_value "$@"; roles=$2; shift 2 ;;
      --request-roles=*) roles=${1#*=}; shift ;;
      --reason) need_value "$@"; reason=$2; reason_set=1; shift 2 ;;
      --reason=*) reason=${1#*=}; reason_set=1; shift ;;
      --request-id) need_value "$@"; request_id=$2; shift 2 ;;
      --request-id=*) request_id=${1#*=}; shift ;;
      --key) need_value "$@"; key=$2; shift 2 ;;
      --key=*) key=${1#*=}; shift ;;
      --ttl) need_value "$@"; ttl=$2; shift 2 ;;
      --ttl=*) ttl=${1#*=}; shift ;;
      --duration) need_value "$@"; duration=$2; shift 2 ;;
      --duration=*) duration=${1#*=}; shift ;;
      --nowait) nowait=1; shift ;;
      --json) ACCESS_JSON=1; shift ;;
      *) usage_error "unknown argument '$1'" ;;
    esac
  done
  [ -n "$roles" ] && [ -n "$request_id" ] && usage_error "use either --request-roles or --request-id, not both"
  if [ -z "$roles" ]; then
    [ "$reason_set" = 1 ] && usage_error "--reason goes with --request-roles"
    [ -n "$ttl$duration" ] && usage_error "--ttl and --duration go with --request-roles"
    [ "$nowait" = 1 ] && [ -z "$request_id" ] && usage_error "--nowait goes with --request-roles or --request-id"
  fi
  [ -n "$ttl" ] && ! login_is_duration "$ttl" && usage_error "--ttl must be a duration such as 90s, 30m or 1h30m, was '$ttl'"
  [ -n "$duration" ] && ! login_is_duration "$duration" &&
    usage_error "--duration must be a duration such as 30m or 2h, was '$duration'"
  local interval
  interval=$(login_poll_interval)

  # Check the key before anything reaches the server: a typo must not leave a request behind.
  login_resolve_key "$key"
  access_acquire_token

  local id
  if [ -n "$roles" ]; then
    id=$(login_create_request "$roles" "$reason" "$reason_set" "$ttl" "$duration") || exit $?
  elif [ -n "$request_id" ]; then
    resolve_id "$request_id"
    id=$RESOLVED_ID
  else
    login_sign ""
    return 0
  fi
  # From here on an interrupt leaves the request pending and says how to resume; the handler is
  # in place before the id is printed, so whoever reacts to that line can interrupt safely.
  LOGIN_RESUME="access$(login_global_args) login --request-id $id${key:+ --key $(printf '%q' "$key")}"
  LOGIN_WAITING_ID=$id
  trap 'login_interrupted 130' INT
  trap 'login_interrupted 143' TERM
  [ -n "$roles" ] && say "Seeking request approval... (id: $id)"
  if [ "$nowait" = 1 ]; then
    api_json GET "/requests/$id"
    if [ "$(jq -r .state "$ACCESS_TMP/response")" = PENDING ]; then
      say "Request $id is pending; once it is approved, run: $LOGIN_RESUME"
      return 0
    fi
  fi
  login_wait "$id" "$interval"
  login_sign "$id"
}

# login_is_duration TEXT: a Go/Teleport duration (90s, 30m, 1h30m).
login_is_duration() {
  [[ $1 =~ ^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$ ]]
}

# login_poll_interval: AIRLOCK_POLL_INTERVAL (fixed, seconds, may be fractional) or "backoff".
login_poll_interval() {
  local fixed=${AIRLOCK_POLL_INTERVAL:-}
  if [ -z "$fixed" ]; then
    echo backoff
  elif [[ $fixed =~ ^([0-9]+(\.[0-9]*)?|\.[0-9]+)$ ]] && [[ $fixed =~ [1-9] ]]; then
    echo "$fixed"
  else
    die "$EX_USAGE" "AIRLOCK_POLL_INTERVAL must be a positive number of seconds, was '$fixed'"
  fi
}

# login_global_args: the global options to repeat in a resume hint (--user/--groups/--url).
login_global_args() {
  local text=""
  [ -n "${ACCESS_OPT_URL:-}" ] && text+=" --url $(printf '%q' "$ACCESS_OPT_URL")"
  [ -n "${ACCESS_OPT_USER:-}" ] && text+=" --user $(printf '%q' "$ACCESS_OPT_USER")"
  [ "${ACCESS_OPT_GROUPS_SET:-0}" = 1 ] && text+=" --groups $(printf '%q' "$ACCESS_OPT_GROUPS")"
  printf '%s' "$text"
}

# login_resolve_key [PATH]: sets LOGIN_PUBKEY_FILE and LOGIN_CERT_FILE, or exits 1 saying what is wrong.
login_resolve_key() {
  local path=$1 name
  if [ -z "$path" ]; then
    for name in "${LOGIN_DEFAULT_KEYS[@]}"; do
      if [ -f "$HOME/.ssh/$name.pub" ]; then
        path="$HOME/.ssh/$name.pub"
        break
      fi
    done
    [ -n "$path" ] || die "$EX_USAGE" "no SSH public key found (looked for ~/.ssh/id_ed25519.pub, ~/.ssh/id_ecdsa.pub, ~/.ssh/id_rsa.pub); create one with 'ssh-keygen -t ed25519' or pass --key PATH"
  else
    case "$path" in "~/"*) path="$HOME/${path#"~/"}" ;; esac
    if [ -d "$path" ]; then
      die "$EX_USAGE" "--key $path is a directory; give the public key file (e.g. ~/.ssh/id_ed25519.pub)"
    fi
    if [ "${path%.pub}" = "$path" ] && [ -f "$path.pub" ]; then
      path="$path.pub"
    fi
    [ -e "$path" ] || die "$EX_USAGE" "no such public key file: $path"
  fi
  [ -f "$path" ] && [ -r "$path" ] || die "$EX_USAGE" "cannot read the public key file $path"
  local line
  line=$(head -n 1 "$path" | tr -d '\r')
  case "$line" in
    *-cert-v01@openssh.com\ *) die "$EX_USAGE" "$path is a certificate, not a public key; give the .pub key it was issued for" ;;
    *PRIVATE\ KEY*) die "$EX_USAGE" "$path is a private key; give its public half (${path}.pub)" ;;
  esac
  if ! [[ $line =~ ^[a-z0-9@.-]+\ [A-Za-z0-9+/]+=*(\ .*)?$ ]]; then
    die "$EX_USAGE" "$path is not an OpenSSH public key (expected a line like 'ssh-ed25519 AAAA... comment')"
  fi
  local dir
  dir=$(dirname "$path")
  [ -w "$dir" ] || die "$EX_USAGE" "cannot write the certificate next to the key: $dir is not writable"
  LOGIN_PUBKEY_LINE=$line
  LOGIN_PUBKEY_FILE=$path
  LOGIN_CERT_FILE="${path%.pub}-cert.pub"
}

# login_create_request ROLES REASON REASON_SET TTL DURATION: POST /requests; prints the new id.
login_create_request() {
  local body="$ACCESS_TMP/request.json" key
  jq -n --arg roles "$1" --arg reason "$2" --argjson reasonSet "$3" --arg ttl "$4" --arg duration "$5" '
    {roles: ($roles | split(",") | map(gsub("^ +| +$"; "")) | map(select(. != "")))}
    + (if $reasonSet == 1 then {reason: $reason} else {} end)
    + (if $ttl != "" then {pendingTtl: $ttl} else {} end)
    + (if $duration != "" then {accessDuration: $duration} else {} end)' >"$body"
  jq -e '.roles | length > 0' "$body" >/dev/null || usage_error "--request-roles names no role"
  # A retry after a lost reply must not create a second request (docs/API.md, Idempotency-Key).
  key=$(cat /proc/sys/kernel/random/uuid 2>/dev/null || date +%s%N)
  api POST /requests "$body" -H "Idempotency-Key: access-login-$key" || api_fail
  jq -er '.id | strings' "$ACCESS_TMP/response" 2>/dev/null ||
    die "$EX_UNAVAILABLE" "unexpected reply to POST /requests (no id)"
}

# login_wait ID INTERVAL: polls the request until it leaves PENDING; returns when APPROVED, exits
# with a clear message otherwise (Ctrl-C is handled by login_interrupted, set up by cmd_login).
login_wait() {
  local id=$1 interval=$2 delay=$LOGIN_POLL_FIRST failures=0 started state
  started=$(date +%s)
  while :; do
    if login_fetch "$id"; then
      failures=0
      state=$(jq -r .state "$ACCESS_TMP/response")
      case "$state" in
        PENDING) ;;
        APPROVED) break ;;
        *) login_ended "$id" "$state" ;;
      esac
    else
      failures=$((failures + 1))
      [ "$failures" -ge "$LOGIN_MAX_POLL_FAILURES" ] &&
        die "$EX_UNAVAILABLE" "$(http_network_error "$ACCESS_URL") (request $id may still be pending; resume with: $LOGIN_RESUME)"
    fi
    if [ "$interval" = backoff ]; then
      login_pause "$delay" "$id" "$started"
      delay=$((delay * 2))
      [ "$delay" -gt "$LOGIN_POLL_MAX" ] && delay=$LOGIN_POLL_MAX
    else
      login_pause "$interval" "$id" "$started"
    fi
  done
  access_clear_progress
  trap - INT TERM
  LOGIN_WAITING_ID=""
}

# login_fetch ID: GET /requests/ID into the response file; 1 on a network failure or throttling
# (retried by the caller), exits on an HTTP error. A 401 gets one fresh token (a long wait can
# outlive a development token).
login_fetch() {
  http_send GET "$ACCESS_URL/requests/$1" || return 1
  if [ "$HTTP_STATUS" = 401 ] && access_refresh_token; then
    http_send GET "$ACCESS_URL/requests/$1" || return 1
  fi
  case "$HTTP_STATUS" in
    2??) ;;
    429 | 503) return 1 ;;
    *) api_fail ;;
  esac
  jq -e '.state | strings' "$ACCESS_TMP/response" >/dev/null 2>&1 ||
    die "$EX_UNAVAILABLE" "unexpected reply for request $1 (no state)"
}

# login_ended ID STATE: the request will never be approved: say why and exit 2.
login_ended() {
  local id=$1 state=$2 text
  text=$(jq -r '
    def who: [.reviews[]? | select(.verdict == "DENY") | .reviewer] | unique | join(", ");
    def why: (.resolutionReason // ([.reviews[]? | select(.verdict == "DENY") | .reason // empty] | last) // "");
    def utc: sub("\\.[0-9]+Z$"; "Z") | fromdateiso8601 | strftime("%Y-%m-%d %H:%M UTC");
    def utc_seconds: sub("\\.[0-9]+Z$"; "Z") | fromdateiso8601 | strftime("%Y-%m-%d %H:%M:%S UTC");
    if .state == "DENIED" then "request \(.id) was denied" + (if who != "" then " by \(who)" else "" end)
        + (if why != "" then ": \(why)" else "" end)
    elif .state == "EXPIRED" and .accessExpiresAt then "the access granted by request \(.id) ended at \(.accessExpiresAt | utc); request it again"
    elif .state == "EXPIRED" then "request \(.id) expired before it was approved (it was pending until \(.pendingExpiresAt | utc_seconds))"
    elif .state == "WITHDRAWN" then "request \(.id) was withdrawn"
    elif .state == "REVOKED" then "the access granted by request \(.id) was revoked"
    else "request \(.id) is \(.state)" end' "$ACCESS_TMP/response")
  die "$EX_DENIED" "$text"
}

# login_pause SECONDS ID STARTED: waits, showing a live progress line when stderr is a terminal.
# Sleeps in the background and waits for it, so Ctrl-C is handled at once.
login_pause() {
  local seconds=$1 id=$2 started=$3 tick
  if ! [ -t 2 ]; then
    login_sleep "$seconds"
  elif [[ $seconds =~ ^[0-9]+$ ]]; then
    for ((tick = 0; tick < seconds; tick++)); do
      login_progress "$id" "$started"
      login_sleep 1
    done
  else
    login_progress "$id" "$started"
    login_sleep "$seconds"
  fi
}

login_sleep() {
  sleep "$1" &
  LOGIN_SLEEP_PID=$!
  wait "$LOGIN_SLEEP_PID" || true
  LOGIN_SLEEP_PID=""
}

login_progress() {
  local elapsed
  elapsed=$(($(date +%s) - $2))
  printf '\r\033[KWaiting for approval of %s... %dm%02ds (Ctrl-C to stop waiting)' \
    "${1:0:8}" $((elapsed / 60)) $((elapsed % 60)) >&2
  ACCESS_PROGRESS_SHOWN=1
}

login_interrupted() {
  [ -n "${LOGIN_SLEEP_PID:-}" ] && kill "$LOGIN_SLEEP_PID" 2>/dev/null
  access_clear_progress
  printf '\nStopped waiting; request %s is still pending.\nResume with: %s\n' "$LOGIN_WAITING_ID" "$LOGIN_RESUME" >&2
  exit "$1"
}

# login_sign REQUEST_ID: POST /certificates (base roles only when REQUEST_ID is empty) and writes the
# certificate next to the key, atomically, mode 0644.
login_sign() {
  local id=$1 body="$ACCESS_TMP/sign.json" tmp
  jq -n --arg key "$LOGIN_PUBKEY_LINE" --arg id "$id" \
    '{publicKey: $key} + (if $id != "" then {requestId: $id} else {} end)' >"$body"
  api POST /certificates "$body" || api_fail
  jq -e '(.certificate | strings) and (.principals | arrays) and (.validBefore | strings)' \
    "$ACCESS_TMP/response" >/dev/null 2>&1 || die "$EX_UNAVAILABLE" "unexpected reply to POST /certificates"
  cp "$ACCESS_TMP/response" "$ACCESS_TMP/certificate.json"
  tmp=$(mktemp "$(dirname "$LOGIN_CERT_FILE")/.access-cert.XXXXXX") ||
    die "$EX_USAGE" "cannot write the certificate in $(dirname "$LOGIN_CERT_FILE")"
  if ! { jq -r .certificate "$ACCESS_TMP/certificate.json" >"$tmp" && chmod 0644 "$tmp" && mv -f "$tmp" "$LOGIN_CERT_FILE"; }; then
    rm -f "$tmp"
    die "$EX_USAGE" "cannot write the certificate to $LOGIN_CERT_FILE"
  fi
  if [ "${ACCESS_JSON:-0}" = 1 ]; then
    jq --arg file "$LOGIN_CERT_FILE" '{certificateFile: $file} + del(.certificate)' "$ACCESS_TMP/certificate.json"
  else
    jq -r --arg file "$(display_path "$LOGIN_CERT_FILE")" '
      def t: sub("\\.[0-9]+Z$"; "Z") | fromdateiso8601;
      (.validBefore | t) as $until
      | (if ($until | strftime("%Y-%m-%d")) == (now | strftime("%Y-%m-%d")) then $until | strftime("%H:%M UTC")
         else $until | strftime("%Y-%m-%d %H:%M UTC") end) as $when
      | "certificate written to \($file) (principals: \(.principals | join(", ")), valid until \($when))"' \
      "$ACCESS_TMP/certificate.json"
  fi
}
