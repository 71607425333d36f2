# shellcheck shell=bash
# access: the HTTP API client (docs/API.md) over curl: one place that sends requests, retries
# throttled ones, maps statuses to exit codes, follows list pages and resolves short request ids.

readonly HTTP_CONNECT_TIMEOUT=5
readonly HTTP_MAX_TIME=60
# 429/503 carry Retry-After (docs/API.md "Errors"): honour it this many times, waiting at most this long.
readonly HTTP_THROTTLE_ATTEMPTS=4
readonly HTTP_MAX_RETRY_AFTER=10
# A safety net against a server that never ends a listing.
readonly HTTP_MAX_PAGES=10000

# http_send METHOD URL [BODY_FILE] [curl args...]: one HTTP exchange. Sets HTTP_STATUS; the body is
# in $ACCESS_TMP/response and the headers in $ACCESS_TMP/headers. Returns 1 on a network failure
# (curl's message in $ACCESS_TMP/curl.err), 0 for any HTTP status.
http_send() {
  local method=$1 url=$2 body=${3:-}
  shift 2
  [ $# -gt 0 ] && shift
  local args=(-sS -X "$method" -o "$ACCESS_TMP/response" -D "$ACCESS_TMP/headers" -w '%{http_code}'
    --connect-timeout "$HTTP_CONNECT_TIMEOUT" --max-time "$HTTP_MAX_TIME"
    -H 'Accept: application/json, application/problem+json;q=0.9, text/plain;q=0.8')
  if [ -n "$body" ]; then
    args+=(-H 'Content-Type: application/json' --data-binary "@$body")
  fi
  if [ -n "${ACCESS_TOKEN:-}" ] && [ -f "$ACCESS_TMP/auth.curlrc" ]; then
    args+=(-K "$ACCESS_TMP/auth.curlrc")
  fi
  : >"$ACCESS_TMP/response"
  HTTP_STATUS=$(curl "${args[@]}" "$@" -- "$url" 2>"$ACCESS_TMP/curl.err") || return 1
  return 0
}

# http_network_error URL: one line saying why URL could not be reached.
http_network_error() {
  local reason hint=""
  reason=$(sed -n 's/^curl: ([0-9]*) //p' "$ACCESS_TMP/curl.err" | head -n 1)
  case "$1" in
    http://127.0.0.1:* | http://localhost:*) hint="; is scripts/local-up running?" ;;
  esac
  printf 'cannot reach Airlock at %s: %s%s\n' "$ACCESS_URL" "${reason:-network failure}" "$hint"
}

# http_problem_text: the server's explanation of the last error (RFC 9457 detail), one line.
http_problem_text() {
  local text
  text=$(jq -r 'if type == "object" then
      (if .status == 500 and .correlationId then "the server failed (correlation id \(.correlationId))"
       else (.detail // .title // empty) end)
      else empty end' "$ACCESS_TMP/response" 2>/dev/null | head -n 1)
  if [ -z "$text" ]; then
    text="HTTP $HTTP_STATUS$( [ -s "$ACCESS_TMP/response" ] && printf ': %s' "$(head -c 200 "$ACCESS_TMP/response" | tr -d '\r' | head -n 1)")"
  fi
  printf '%s\n' "$text"
}

# http_exit_code STATUS: the CLI exit code for an HTTP error status.
http_exit_code() {
  case "$1" in
    401 | 403) echo "$EX_DENIED" ;;
    404) echo "$EX_NOT_FOUND" ;;
    409) echo "$EX_CONFLICT" ;;
    4??) echo "$EX_USAGE" ;;
    *) echo "$EX_UNAVAILABLE" ;;
  esac
}

# http_retry_after: seconds the server asked us to wait (Retry-After in seconds), capped.
http_retry_after() {
  local value
  value=$(tr -d '\r' <"$ACCESS_TMP/headers" | sed -n 's/^[Rr]etry-[Aa]fter:[[:space:]]*\([0-9][0-9]*\).*/\1/p' | tail -n 1)
  value=${value:-1}
  [ "$value" -gt "$HTTP_MAX_RETRY_AFTER" ] && value=$HTTP_MAX_RETRY_AFTER
  echo "$value"
}

# api METHOD PATH [BODY_FILE] [curl args...]: calls the Airlock API with the caller's token; retries
# throttled calls and, once, a 401 with a fresh token. Returns 0 on 2xx; 1 on an HTTP error (see
# HTTP_STATUS, api_fail); exits 5 on a network failure.
api() {
  local method=$1 path=$2 attempt=1 refreshed=0
  shift 2
  while :; do
    http_send "$method" "$ACCESS_URL$path" "$@" || die "$EX_UNAVAILABLE" "$(http_network_error "$ACCESS_URL")"
    case "$HTTP_STATUS" in
      2??) return 0 ;;
      401)
        if [ "$refreshed" = 0 ] && access_refresh_token; then
          refreshed=1
          continue
        fi
        ;;
      429 | 503)
        if [ "$attempt" -lt "$HTTP_THROTTLE_ATTEMPTS" ]; then
          attempt=$((attempt + 1))
          sleep "$(http_retry_after)"
          continue
        fi
        ;;
    esac
    return 1
  done
}

# api_fail: exits with the code and message (the problem's detail) for the last HTTP error.
api_fail() {
  die "$(http_exit_code "$HTTP_STATUS")" "$(http_problem_text)"
}

# api_json METHOD PATH [BODY_FILE]: api, then fails on an HTTP error or a body that is not JSON.
api_json() {
  api "$@" || api_fail
  jq -e 'type == "object"' "$ACCESS_TMP/response" >/dev/null 2>&1 ||
    die "$EX_UNAVAILABLE" "unexpected reply from $ACCESS_URL$2 (HTTP $HTTP_STATUS, not a JSON object)"
}

# list_requests QUERY OUT_FILE: every request of GET /requests?QUERY, following nextCursor until it is
# null (a page may be short, even empty, while more follow), as one JSON array in OUT_FILE.
list_requests() {
  local query=$1 out=$2 cursor="" pages=0 seen="$ACCESS_TMP/cursors" page_query
  : >"$out.pages"
  : >"$seen"
  if [ -n "${AIRLOCK_PAGE_SIZE:-}" ]; then
    [[ $AIRLOCK_PAGE_SIZE =~ ^[0-9]+$ ]] || die "$EX_USAGE" "AIRLOCK_PAGE_SIZE must be a number from 1 to 100"
    query="${query:+$query&}limit=$AIRLOCK_PAGE_SIZE"
  fi
  while :; do
    page_query=$query
    [ -n "$cursor" ] && page_query="${page_query:+$page_query&}cursor=$(uri_encode "$cursor")"
    api_json GET "/requests${page_query:+?$page_query}"
    jq -e '(.items | type == "array") and (.nextCursor == null or (.nextCursor | type == "string"))' \
      "$ACCESS_TMP/response" >/dev/null 2>&1 ||
      die "$EX_UNAVAILABLE" "unexpected reply from $ACCESS_URL/requests (no items array)"
    jq -c '.items' "$ACCESS_TMP/response" >>"$out.pages"
    cursor=$(jq -r '.nextCursor // empty' "$ACCESS_TMP/response")
    [ -z "$cursor" ] && break
    if grep -qxF -- "$cursor" "$seen"; then
      die "$EX_UNAVAILABLE" "the server returned the same list cursor twice; giving up"
    fi
    printf '%s\n' "$cursor" >>"$seen"
    pages=$((pages + 1))
    [ "$pages" -ge "$HTTP_MAX_PAGES" ] && die "$EX_UNAVAILABLE" "more than $HTTP_MAX_PAGES pages of requests; narrow the listing with --state or --user"
  done
  jq -s 'add // []' "$out.pages" >"$out"
}

# resolve_id ID: sets RESOLVED_ID to the full request id for ID, a full UUID or a unique prefix of at
# least four characters (looked up in the caller's listing). No match exits 3; an ambiguous prefix
# exits 1 listing the candidates.
resolve_id() {
  local given=$1 id matches count
  id=$(printf '%s' "$given" | tr 'A-F' 'a-f')
  if ! [[ $id =~ ^[0-9a-f-]+$ ]]; then
    usage_error "'$given' is not a request id (a UUID, or a prefix of one such as bc8ca931)"
  fi
  if [[ $id =~ ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ ]]; then
    RESOLVED_ID=$id
    return 0
  fi
  if [ "${#id}" -lt "$ACCESS_MIN_PREFIX" ]; then
    usage_error "request id prefix '$given' is too short: give at least $ACCESS_MIN_PREFIX characters"
  fi
  list_requests "" "$ACCESS_TMP/all-requests.json"
  matches=$(jq -r --arg p "$id" '[.[] | .id | select(ascii_downcase | startswith($p))] | unique | .[]' \
    "$ACCESS_TMP/all-requests.json")
  count=$(printf '%s' "$matches" | grep -c . || true)
  case "$count" in
    0) die "$EX_NOT_FOUND" "no request with an id starting with '$given' (among the requests you may see)" ;;
    1) RESOLVED_ID=$matches ;;
    *) die "$EX_USAGE" "request id prefix '$given' is ambiguous; it matches $count requests: $(printf '%s' "$matches" | paste -sd ' ' -); give more characters" ;;
  esac
}
