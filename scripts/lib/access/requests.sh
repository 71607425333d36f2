# shellcheck shell=bash
# access request ls|show|approve|deny|drop — tctl request, for Airlock.

readonly REQUEST_STATES="PENDING APPROVED DENIED EXPIRED REVOKED WITHDRAWN"
# Longest reason shown in the table; show prints it whole.
readonly REQUEST_REASON_WIDTH=40

# jq helpers shared by the human formats: instants as UTC text.
readonly REQUEST_JQ_DEFS='
  def instant: sub("\\.[0-9]+Z$"; "Z") | fromdateiso8601;
  def minute: instant | strftime("%Y-%m-%d %H:%M");
  def second: instant | strftime("%Y-%m-%d %H:%M:%S UTC");
  def oneline: gsub("[\\t\\r\\n]+"; " ");'

request_help() {
  cat <<'EOF'
Usage: access request COMMAND [options]

Work with access requests.

Commands:
  ls       list the requests you made and those you may review
  show     show one request
  approve  approve a request (as a reviewer)
  deny     deny a request (as a reviewer)
  drop     withdraw your own pending request

IDs may be the full UUID or a unique prefix of at least 4 characters (as 'ls' prints them).
Run 'access request COMMAND --help' for the options of each.
EOF
}

cmd_request() {
  [ $# -gt 0 ] || { request_help >&2; exit "$EX_USAGE"; }
  local sub=$1
  shift
  ACCESS_COMMAND="access request $sub"
  case "$sub" in
    -h | --help | help) request_help ;;
    ls | list) request_ls "$@" ;;
    show) request_show "$@" ;;
    approve) request_review APPROVE "$@" ;;
    deny) request_review DENY "$@" ;;
    drop | withdraw) request_drop "$@" ;;
    *) ACCESS_COMMAND="access request"; usage_error "unknown request command '$sub'" ;;
  esac
}

request_ls_help() {
  cat <<'EOF'
Usage: access request ls [--state STATE] [--user USER] [--json]

Lists the requests you made and those you may review, newest first as the server returns them,
following every page. Columns: ID (first 8 characters; any unique prefix works as an id),
REQUESTOR, ROLES, REASON (shortened), CREATED (UTC), STATE.

  --state STATE  only requests in STATE: PENDING, APPROVED, DENIED, EXPIRED, REVOKED, WITHDRAWN
  --user USER    only requests made by USER
  --json         a JSON array of the requests (docs/API.md representation) on stdout
  -h, --help     this help
EOF
}

request_ls() {
  local state="" user="" query=""
  while [ $# -gt 0 ]; do
    case "$1" in
      -h | --help) request_ls_help; exit 0 ;;
      --state) need_value "$@"; state=$2; shift 2 ;;
      --state=*) state=${1#*=}; shift ;;
      --user) need_value "$@"; user=$2; shift 2 ;;
      --user=*) user=${1#*=}; shift ;;
      --json) ACCESS_JSON=1; shift ;;
      *) usage_error "unknown argument '$1'" ;;
    esac
  done
  if [ -n "$state" ]; then
    state=$(printf '%s' "$state" | tr '[:lower:]' '[:upper:]')
    case " $REQUEST_STATES " in
      *" $state "*) query="state=$state" ;;
      *) usage_error "--state must be one of ${REQUEST_STATES// /, }, was '$state'" ;;
    esac
  fi
  [ -n "$user" ] && query="${query:+$query&}user=$(uri_encode "$user")"
  access_acquire_token
  list_requests "$query" "$ACCESS_TMP/list.json"
  if [ "${ACCESS_JSON:-0}" = 1 ]; then
    jq . "$ACCESS_TMP/list.json"
    return 0
  fi
  if jq -e 'length == 0' "$ACCESS_TMP/list.json" >/dev/null; then
    echo "No access requests${state:+ in state $state}${user:+ by $user}."
    return 0
  fi
  jq -r --argjson width "$REQUEST_REASON_WIDTH" "$REQUEST_JQ_DEFS"'
    def cut(n): if length > n then .[0:n - 3] + "..." else . end;
    def pad(n): if length < n then . + (" " * (n - length)) else . end;
    ["ID", "REQUESTOR", "ROLES", "REASON", "CREATED (UTC)", "STATE"] as $header
    | ([$header] + map([.id[0:8], .user, (.roles | join(",")), ((.reason // "") | oneline | cut($width)),
                        (.createdAt | minute), .state])) as $rows
    | [range(0; $header | length) as $i | $rows | map(.[$i] | length) | max] as $widths
    | $rows[] | . as $row
    | [range(0; $row | length) as $i | if $i == ($row | length) - 1 then $row[$i] else $row[$i] | pad($widths[$i]) end]
    | join("  ")' "$ACCESS_TMP/list.json"
}

request_show_help() {
  cat <<'EOF'
Usage: access request show ID [--json]

Shows one request: requestor, roles, reason, state, times, reviews and issued certificates.

  ID          the request id or a unique prefix of at least 4 characters
  --json      the request as JSON (docs/API.md representation) on stdout
  -h, --help  this help
EOF
}

request_show() {
  local id=""
  while [ $# -gt 0 ]; do
    case "$1" in
      -h | --help) request_show_help; exit 0 ;;
      --json) ACCESS_JSON=1; shift ;;
      -*) usage_error "unknown argument '$1'" ;;
      *) [ -z "$id" ] || usage_error "show takes one request id"; id=$1; shift ;;
    esac
  done
  [ -n "$id" ] || usage_error "show needs a request id"
  access_acquire_token
  resolve_id "$id"
  api_json GET "/requests/$RESOLVED_ID"
  if [ "${ACCESS_JSON:-0}" = 1 ]; then
    jq . "$ACCESS_TMP/response"
  else
    request_print "$ACCESS_TMP/response"
  fi
}

# request_print FILE: one request for people.
request_print() {
  jq -r "$REQUEST_JQ_DEFS"'
    def line($name; value): $name + (" " * (14 - ($name | length))) + value;
    line("ID:"; .id),
    line("Requestor:"; .user),
    line("Roles:"; .roles | join(", ")),
    line("Reason:"; (.reason // "-") | oneline),
    line("State:"; .state + (if .resolutionReason then " (" + (.resolutionReason | oneline) + ")" else "" end)),
    line("Created:"; .createdAt | second),
    (if .state == "PENDING" then line("Pending until:"; .pendingExpiresAt | second) else empty end),
    line("Access:"; (.accessDuration // "-")
      + (if .accessExpiresAt then ", until " + (.accessExpiresAt | second) else "" end)),
    (if (.reviews | length) == 0 then line("Reviews:"; "none")
     else line("Reviews:"; ""), (.reviews[] | "  \(.verdict) by \(.reviewer) at \(.at | second)"
       + (if .reason then ": " + (.reason | oneline) else "" end)) end),
    line("Certificates:"; if (.certificateSerials | length) == 0 then "none"
      else .certificateSerials | join(", ") end)' "$1"
}

request_review_help() {
  local verb=$1 does
  if [ "$verb" = approve ]; then does="Approves"; else does="Denies"; fi
  cat <<EOF
Usage: access request $verb ID [--reason TEXT] [--json]

$does an access request as a reviewer. You need a role whose review_requests cover every requested
role, you may review a request once, and never your own.

  ID             the request id or a unique prefix of at least 4 characters
  --reason TEXT  why (shown to the requester and kept in the audit log)
  --json         the request after the review as JSON on stdout
  -h, --help     this help

Exit codes: 0 reviewed; 2 not allowed (your own request, no covering reviewer role); 3 no such
request; 4 not pending any more, or you already reviewed it.
EOF
}

request_review() {
  local verdict=$1 verb id="" reason="" reason_set=0
  shift
  verb=$(printf '%s' "$verdict" | tr '[:upper:]' '[:lower:]')
  while [ $# -gt 0 ]; do
    case "$1" in
      -h | --help) request_review_help "$verb"; exit 0 ;;
      --reason) need_value "$@"; reason=$2; reason_set=1; shift 2 ;;
      --reason=*) reason=${1#*=}; reason_set=1; shift ;;
      --json) ACCESS_JSON=1; shift ;;
      -*) usage_error "unknown argument '$1'" ;;
      *) [ -z "$id" ] || usage_error "$verb takes one request id"; id=$1; shift ;;
    esac
  done
  [ -n "$id" ] || usage_error "$verb needs a request id"
  access_acquire_token
  resolve_id "$id"
  jq -n --arg verdict "$verdict" --arg reason "$reason" --argjson set "$reason_set" \
    '{verdict: $verdict} + (if $set == 1 then {reason: $reason} else {} end)' >"$ACCESS_TMP/review.json"
  api POST "/requests/$RESOLVED_ID/reviews" "$ACCESS_TMP/review.json" || api_fail
  if [ "${ACCESS_JSON:-0}" = 1 ]; then
    jq . "$ACCESS_TMP/response"
    return 0
  fi
  local done_verb=approved
  [ "$verdict" = DENY ] && done_verb=denied
  jq -r --arg verb "$done_verb" '
    "\($verb) request \(.id[0:8]) (\(.user): \(.roles | join(", ")))"
    + (if .state == "PENDING" then "; it stays PENDING until more reviewers agree"
       else "; it is now \(.state)" end)' "$ACCESS_TMP/response"
}

request_drop_help() {
  cat <<'EOF'
Usage: access request drop ID [--json]

Withdraws your own pending request (it becomes WITHDRAWN; requests are never deleted).

  ID          the request id or a unique prefix of at least 4 characters
  --json      the withdrawn request as JSON on stdout
  -h, --help  this help

Exit codes: 0 withdrawn; 2 not your request; 3 no such request; 4 not pending any more.
EOF
}

request_drop() {
  local id=""
  while [ $# -gt 0 ]; do
    case "$1" in
      -h | --help) request_drop_help; exit 0 ;;
      --json) ACCESS_JSON=1; shift ;;
      -*) usage_error "unknown argument '$1'" ;;
      *) [ -z "$id" ] || usage_error "drop takes one request id"; id=$1; shift ;;
    esac
  done
  [ -n "$id" ] || usage_error "drop needs a request id"
  access_acquire_token
  resolve_id "$id"
  api DELETE "/requests/$RESOLVED_ID" || api_fail
  if [ "${ACCESS_JSON:-0}" = 1 ]; then
    jq . "$ACCESS_TMP/response"
  else
    jq -r '"withdrew request \(.id[0:8]) (\(.roles | join(", "))); it is now \(.state)"' "$ACCESS_TMP/response"
  fi
}
