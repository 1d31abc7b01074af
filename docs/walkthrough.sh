#!/usr/bin/env bash
# Capledger API walkthrough: records two companies through the REST API, reads their cap tables today and as of
# earlier dates, prints the audit trail, invites a board member, and checks the figures. Exits non-zero if any check
# fails.
#
#   BASE_URL=http://localhost:8080 CAPLEDGER_EMAIL=admin@example.com CAPLEDGER_PASSWORD=... docs/walkthrough.sh
#
# It signs in first (POST /api/auth/login) and sends the access token on every request. CAPLEDGER_EMAIL and
# CAPLEDGER_PASSWORD default to CAPLEDGER_ADMIN_EMAIL and CAPLEDGER_ADMIN_PASSWORD, the variables the application
# creates its platform administrator from.
#
# Needs curl and jq. Every POST carries an Idempotency-Key derived from RUN_ID (fresh per run by default), so the
# script can run again and again against the same server; running it again with the same RUN_ID replays the
# stored responses instead of recording anything twice. Every GET after a command carries the highest
# Capledger-Position seen so far, so the query side answers only once it has processed those commands: the
# script never sleeps. Extra curl options go in CURL_EXTRA_OPTS, for example "--cacert capledger-root.crt" behind
# the TLS proxy of docker-compose.yml.
set -euo pipefail

BASE_URL="${BASE_URL:-http://localhost:8080}"
BASE_URL="${BASE_URL%/}"
RUN_ID="${RUN_ID:-walkthrough-$(date -u +%Y%m%dT%H%M%SZ)-$RANDOM}"
EMAIL="${CAPLEDGER_EMAIL:-${CAPLEDGER_ADMIN_EMAIL:-}}"
PASSWORD="${CAPLEDGER_PASSWORD:-${CAPLEDGER_ADMIN_PASSWORD:-}}"
if [[ -z "$EMAIL" || -z "$PASSWORD" ]]; then
    echo "walkthrough: set CAPLEDGER_EMAIL and CAPLEDGER_PASSWORD (or CAPLEDGER_ADMIN_EMAIL/PASSWORD)" >&2
    exit 2
fi
TOKEN=""
read -r -a CURL_EXTRA <<<"${CURL_EXTRA_OPTS:-}"

for tool in curl jq; do
    command -v "$tool" >/dev/null || { echo "walkthrough: $tool is required" >&2; exit 2; }
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

POSITION=-1        # highest Capledger-Position any command answered with
STATUS=""          # HTTP status of the last request
RESPONSE=""        # body of the last request
LAST_ID=""         # id of what the last command created
LAST_ETAG=""       # ETag of the last command (the issuer's version)
PASSED=0
FAILED=0

# ------------------------------------------------------------------------------------------------ HTTP helpers

# request METHOD PATH [BODY [HEADER...]]: one HTTP exchange; sets STATUS and RESPONSE.
request() {
    local method=$1 path=$2 body=${3-}
    shift $(($# < 3 ? $# : 3))
    local args=(-sS -X "$method" -D "$WORK/headers" -o "$WORK/body" -w '%{http_code}' -H 'Accept: application/json')
    if [[ -n "$TOKEN" ]]; then
        args+=(-H "Authorization: Bearer $TOKEN")
    fi
    local header
    for header in "$@"; do
        args+=(-H "$header")
    done
    if [[ -n "$body" ]]; then
        args+=(-H 'Content-Type: application/json' --data-binary "$body")
    fi
    STATUS=$(curl ${CURL_EXTRA[@]+"${CURL_EXTRA[@]}"} "${args[@]}" "$BASE_URL$path")
    RESPONSE=$(cat "$WORK/body")
}

# response_header NAME: a header of the last response.
response_header() {
    grep -i "^$1:" "$WORK/headers" | tail -n 1 | cut -d' ' -f2- | tr -d '\r'
}

# send KEY METHOD PATH BODY [HEADER...]: a command with Idempotency-Key "$RUN_ID:KEY", without judging the answer.
send() {
    local key=$1 method=$2 path=$3 body=$4
    shift 4
    request "$method" "$path" "$body" "Idempotency-Key: $RUN_ID:$key" "$@"
}

# run_command KEY METHOD PATH BODY [HEADER...]: a command that must succeed; remembers id, ETag and position.
run_command() {
    send "$@"
    if [[ "$STATUS" != 2* ]]; then
        echo "    refused: $2 $3 answered $STATUS" >&2
        jq . <<<"$RESPONSE" >&2 || echo "$RESPONSE" >&2
        exit 1
    fi
    LAST_ID=$(jq -r '.id // empty' <<<"$RESPONSE")
    LAST_ETAG=$(response_header ETag)
    local position
    position=$(response_header Capledger-Position)
    if ((position > POSITION)); then
        POSITION=$position
    fi
    printf '    -> %s, version %s, position %s%s\n' "$STATUS" "$(jq -r .version <<<"$RESPONSE")" "$position" \
        "${LAST_ID:+, id $LAST_ID}"
}

# query PATH: a GET that must answer 200 once the read models have reached every command sent so far.
query() {
    request GET "$1" "" "Capledger-Position: $POSITION"
    if [[ "$STATUS" != 200 ]]; then
        echo "GET $1 answered $STATUS" >&2
        echo "$RESPONSE" >&2
        exit 1
    fi
    printf '%s' "$RESPONSE"
}

# check DESCRIPTION EXPECTED ACTUAL
check() {
    if [[ "$2" == "$3" ]]; then
        PASSED=$((PASSED + 1))
        printf '  ok    %s: %s\n' "$1" "$3"
    else
        FAILED=$((FAILED + 1))
        printf '  FAIL  %s: expected %s, got %s\n' "$1" "$2" "$3"
    fi
}

say() {
    printf '  %s\n' "$*"
}

section() {
    printf '\n== %s\n' "$*"
}

# ------------------------------------------------------------------------------------------------ sign in

section "Sign in as $EMAIL"
request POST /api/auth/login "$(jq -nc --arg email "$EMAIL" --arg password "$PASSWORD" \
    '{email: $email, password: $password}')"
if [[ "$STATUS" != 200 ]]; then
    echo "walkthrough: sign-in answered $STATUS" >&2
    exit 1
fi
TOKEN=$(jq -r .accessToken <<<"$RESPONSE")
say "access token valid for $(jq -r .expiresIn <<<"$RESPONSE") s"

# ------------------------------------------------------------------------------------------------ command helpers

# register KEY DATE TYPE LEGAL_NAME RELATIONSHIP [EMAIL]
register() {
    local body
    body=$(jq -nc --arg date "$2" --arg type "$3" --arg name "$4" --arg rel "$5" --arg email "${6-}" \
        '{date: $date, type: $type, name: {legalName: $name}, relationship: $rel}
         + (if $email == "" then {} else {email: $email} end)')
    say "Register $4 ($3, $5), effective $2"
    run_command "$1" POST "/api/issuers/$ISSUER/stakeholders" "$body"
}

# create_class KEY DATE NAME TYPE PREFIX PAR SENIORITY AUTHORIZED (PAR empty: no-par stock)
create_class() {
    local body
    body=$(jq -nc --arg date "$2" --arg name "$3" --arg type "$4" --arg prefix "$5" --arg par "$6" \
        --argjson seniority "$7" --arg authorized "$8" \
        '{date: $date, name: $name, classType: $type, certificatePrefix: $prefix, votesPerShare: "1",
          seniority: $seniority, initialSharesAuthorized: $authorized}
         + (if $par == "" then {} else {parValue: {amount: $par, currency: "USD"}} end)')
    say "Create stock class $3 ($4, prefix $5, $8 authorized), effective $2"
    run_command "$1" POST "/api/issuers/$ISSUER/stock-classes" "$body"
}

# issue_body DATE HOLDER_ID CLASS_ID QUANTITY PRICE [CONSIDERATION]
issue_body() {
    jq -nc --arg date "$1" --arg holder "$2" --arg class "$3" --arg quantity "$4" --arg price "$5" \
        --arg consideration "${6-}" \
        '{date: $date, stakeholderId: $holder, stockClassId: $class, quantity: $quantity,
          pricePerShare: {amount: $price, currency: "USD"}}
         + (if $consideration == "" then {} else {consideration: $consideration} end)'
}

# issue KEY DATE HOLDER_ID HOLDER_NAME CLASS_ID CLASS_NAME QUANTITY PRICE [CONSIDERATION]
issue() {
    say "Issue $7 $6 to $4 at $8 USD, effective $2"
    run_command "$1" POST "/api/issuers/$ISSUER/stock-issuances" "$(issue_body "$2" "$3" "$5" "$7" "$8" "${9-}")"
}

# print_cap_table JSON: classes, then holders with their outstanding and fully diluted positions, the plans' pools,
# and the warrants and convertibles listed apart because their share count is not known yet.
print_cap_table() {
    jq -r '
        def lpad(n): tostring | if length < n then (" " * (n - length)) + . else . end;
        def rpad(n): tostring | if length < n then . + (" " * (n - length)) else . end;
        "  \(.issuerLegalName), " + (if .asOf then "as of \(.asOf)" else "everything recorded" end)
            + "; issuer-wide authorized: \(.issuerSharesAuthorized // "no limit")",
        "  " + ("Stock class" | rpad(24)) + ("Authorized" | lpad(12)) + ("Outstanding" | lpad(13))
            + ("% shares" | lpad(10)) + ("% votes" | lpad(10)),
        (.stockClasses[] | "  " + (.name | rpad(24)) + (.sharesAuthorized | lpad(12))
            + (.sharesOutstanding | lpad(13)) + (.percentOfOutstanding | lpad(10)) + (.percentOfVotes | lpad(10))),
        "  " + ("Holder" | rpad(24)) + ("Shares" | lpad(10)) + ("% shares" | lpad(10)) + ("% votes" | lpad(10))
            + ("Grants" | lpad(9)) + ("Warrants" | lpad(10)) + ("Convert." | lpad(10)) + ("Fully dil." | lpad(12))
            + ("% f.d." | lpad(10)) + "  Positions",
        (.holders[] | "  " + (.name | rpad(24)) + (.sharesOutstanding | lpad(10)) + (.percentOfOutstanding | lpad(10))
            + (.percentOfVotes | lpad(10)) + (.grantsOutstanding | lpad(9)) + (.warrantsOutstanding | lpad(10))
            + (.convertiblesAsConverted | lpad(10)) + (.fullyDiluted | lpad(12)) + (.percentFullyDiluted | lpad(10))
            + "  " + ([.positions[] | "\(.stockClassName) \(.shares) (\(.percentOfClass)%)"] | join(", "))),
        (.stockPlans[] | "  " + ("Pool: " + .name | rpad(83)) + (.sharesAvailable | lpad(12))
            + "  available of \(.sharesReserved)"),
        "  " + ("Total" | rpad(24)) + (.totals.sharesOutstanding | lpad(10)) + (" " * 20)
            + (.totals.grantsOutstanding | lpad(9)) + (.totals.warrantsOutstanding | lpad(10))
            + (.totals.convertiblesAsConverted | lpad(10)) + (.totals.fullyDiluted | lpad(12))
            + "  votes \(.totals.votes)",
        (.notCounted[] | "  Not counted: \(.label) of \(.holderName), "
            + (if .kind == "CONVERTIBLE"
               then "\(.convertibleType) of \(.investmentAmount.amount) \(.investmentAmount.currency)"
                   + (if .valuationCap then ", cap \(.valuationCap.amount)" else "" end)
               else "warrant over a number of shares set by formula" end))
    ' <<<"$1"
}

holder_shares() { # CAP_TABLE_JSON NAME
    jq -r --arg name "$2" '[.holders[] | select(.name == $name) | .sharesOutstanding][0] // "none"' <<<"$1"
}

class_field() { # CAP_TABLE_JSON CLASS_NAME FIELD
    jq -r --arg name "$2" --arg field "$3" '[.stockClasses[] | select(.name == $name) | .[$field]][0] // "none"' <<<"$1"
}

echo "Capledger walkthrough against $BASE_URL (run $RUN_ID)"

# ================================================================================================ (a) OCF quickstart
section "(a) The OCF quickstart package: Aperture Science, Inc."

say "Create issuer Aperture Science, Inc., formed 1940-09-25 in US-MI"
run_command aperture:issuer POST /api/issuers '{
  "legalName": "Aperture Science, Inc.",
  "formationDate": "1940-09-25",
  "countryOfFormation": "US",
  "subdivisionOfFormation": "MI"
}'
ISSUER=$LAST_ID
APERTURE=$ISSUER

# The package names no relationship for Jim Jangles and no dates for him or the class; the API requires both, so
# they take effect on the issuance date.
register aperture:jim 2022-01-01 INDIVIDUAL "Jim Jangles" OTHER
JIM=$LAST_ID

# No par value in the package. OCF writes the authorized count as "100000.00"; Capledger normalises it to "100000".
create_class aperture:preferred 2022-01-01 "Preferred Shares" PREFERRED PS- "" 1 100000.00
PREFERRED=$LAST_ID

issue aperture:ps-1 2022-01-01 "$JIM" "Jim Jangles" "$PREFERRED" "Preferred Shares" 5000 1.00
PS1=$LAST_ID

SECURITY=$(query "/api/issuers/$APERTURE/securities/$PS1")
APERTURE_TABLE=$(query "/api/issuers/$APERTURE/cap-table")
echo
print_cap_table "$APERTURE_TABLE"
echo
check "Aperture: label of the issuance" "PS-1" "$(jq -r .label <<<"$SECURITY")"
check "Aperture: PS-1 quantity" "5000" "$(jq -r .quantity <<<"$SECURITY")"
check "Aperture: PS-1 price per share (1.00 normalised)" "1 USD" \
    "$(jq -r '"\(.pricePerShare.amount) \(.pricePerShare.currency)"' <<<"$SECURITY")"
check "Aperture: Preferred Shares authorized (100000.00 normalised)" "100000" \
    "$(class_field "$APERTURE_TABLE" "Preferred Shares" sharesAuthorized)"
check "Aperture: Jim Jangles holds" "5000 shares, 100.0000%" \
    "$(jq -r '.holders[0] | "\(.sharesOutstanding) shares, \(.percentOfOutstanding)%"' <<<"$APERTURE_TABLE")"
check "Aperture: total outstanding" "5000" "$(jq -r .totals.sharesOutstanding <<<"$APERTURE_TABLE")"

# ================================================================================================ (b) a larger company
section "(b) Halvorsen Tidal Systems, Inc.: three classes, twelve stakeholders, four years"

say "Create issuer Halvorsen Tidal Systems, Inc., formed 2019-02-11 in US-DE, 12000000 shares authorized issuer-wide"
run_command halvorsen:issuer POST /api/issuers '{
  "legalName": "Halvorsen Tidal Systems, Inc.",
  "formationDate": "2019-02-11",
  "countryOfFormation": "US",
  "subdivisionOfFormation": "DE",
  "initialSharesAuthorized": "12000000"
}'
ISSUER=$LAST_ID
HALVORSEN=$ISSUER

echo
say "2019: incorporation, founders, first employee"
create_class halvorsen:common 2019-02-11 "Common Stock" COMMON CS- 0.0001 1 10000000
COMMON=$LAST_ID
register halvorsen:ada 2019-02-11 INDIVIDUAL "Ada Okafor" FOUNDER ada@halvorsen.example
ADA=$LAST_ID
register halvorsen:marek 2019-02-11 INDIVIDUAL "Marek Novak" FOUNDER marek@halvorsen.example
MAREK=$LAST_ID
register halvorsen:priya 2019-02-11 INDIVIDUAL "Priya Raman" FOUNDER priya@halvorsen.example
PRIYA=$LAST_ID
issue halvorsen:issue-ada 2019-02-15 "$ADA" "Ada Okafor" "$COMMON" "Common Stock" 4000000 0.0001 \
    "Cash and assignment of technology"
ADA_CS=$LAST_ID
ADA_CS_BODY=$(issue_body 2019-02-15 "$ADA" "$COMMON" 4000000 0.0001 "Cash and assignment of technology")
issue halvorsen:issue-marek 2019-02-15 "$MAREK" "Marek Novak" "$COMMON" "Common Stock" 3000000 0.0001 \
    "Cash and assignment of technology"
register halvorsen:lucas 2019-09-01 INDIVIDUAL "Lucas Ferreira" EMPLOYEE lucas@halvorsen.example
LUCAS=$LAST_ID
issue halvorsen:issue-lucas 2019-09-01 "$LUCAS" "Lucas Ferreira" "$COMMON" "Common Stock" 200000 0.05

echo
say "2020-2021: Seed round, then the Seed authorization is cut back to 1200000"
create_class halvorsen:seed 2020-06-15 "Series Seed Preferred" PREFERRED SS- 0.0001 2 1500000
SEED=$LAST_ID
register halvorsen:lighthouse 2020-06-15 INSTITUTION "Lighthouse Seed Fund I, L.P." INVESTOR
LIGHTHOUSE=$LAST_ID
register halvorsen:kestrel 2020-06-15 INSTITUTION "Kestrel Angels LLC" INVESTOR
KESTREL=$LAST_ID
issue halvorsen:issue-lighthouse-seed 2020-06-30 "$LIGHTHOUSE" "Lighthouse Seed Fund I, L.P." "$SEED" \
    "Series Seed Preferred" 800000 1.25 "Cash"
issue halvorsen:issue-kestrel-seed 2020-06-30 "$KESTREL" "Kestrel Angels LLC" "$SEED" "Series Seed Preferred" \
    200000 1.25 "Cash"
say "Set Series Seed Preferred authorized shares to 1200000, effective 2021-03-01"
run_command halvorsen:seed-authorized POST "/api/issuers/$HALVORSEN/stock-classes/$SEED/authorized-shares-adjustments" '{
  "date": "2021-03-01",
  "newSharesAuthorized": "1200000",
  "boardApprovalDate": "2021-02-20",
  "stockholderApprovalDate": "2021-02-26",
  "comments": "Charter amendment after the final Seed closing"
}'
register halvorsen:hana 2021-04-01 INDIVIDUAL "Hana Sato" EMPLOYEE hana@halvorsen.example
HANA=$LAST_ID
issue halvorsen:issue-hana 2021-04-01 "$HANA" "Hana Sato" "$COMMON" "Common Stock" 150000 0.20

echo
say "A stakeholder update guarded by If-Match: Lucas Ferreira becomes an executive"
say "Update Lucas Ferreira, effective 2022-01-10, If-Match: $LAST_ETAG"
STALE_ETAG=$LAST_ETAG
run_command halvorsen:lucas-executive PATCH "/api/issuers/$HALVORSEN/stakeholders/$LUCAS" \
    '{"date": "2022-01-10", "relationship": "EXECUTIVE"}' "If-Match: $STALE_ETAG"
say "The same If-Match again is now stale:"
send halvorsen:lucas-email PATCH "/api/issuers/$HALVORSEN/stakeholders/$LUCAS" \
    '{"date": "2022-01-10", "email": "lucas.ferreira@halvorsen.example"}' "If-Match: $STALE_ETAG"
printf '    -> %s %s\n' "$STATUS" "$(jq -c '{code, detail, currentVersion}' <<<"$RESPONSE")"
check "Halvorsen: stale If-Match" "412 VERSION_MISMATCH" "$STATUS $(jq -r .code <<<"$RESPONSE")"

echo
say "2022-2023: Series A"
say "Set issuer-wide authorized shares to 16000000, effective 2022-09-01"
run_command halvorsen:issuer-authorized POST "/api/issuers/$HALVORSEN/authorized-shares-adjustments" '{
  "date": "2022-09-01",
  "newSharesAuthorized": "16000000",
  "boardApprovalDate": "2022-08-20",
  "stockholderApprovalDate": "2022-08-25",
  "comments": "Amended and restated charter for the Series A"
}'
create_class halvorsen:series-a 2022-09-01 "Series A Preferred" PREFERRED SA- 0.0001 3 3000000
SERIES_A=$LAST_ID
register halvorsen:meridian 2022-09-01 INSTITUTION "Meridian Ventures III, L.P." INVESTOR
MERIDIAN=$LAST_ID
register halvorsen:northbank 2022-09-01 INSTITUTION "Northbank Growth Partners LLC" INVESTOR
NORTHBANK=$LAST_ID
issue halvorsen:issue-meridian-a 2022-09-15 "$MERIDIAN" "Meridian Ventures III, L.P." "$SERIES_A" \
    "Series A Preferred" 1600000 2.50 "Cash"
issue halvorsen:issue-northbank-a 2022-09-15 "$NORTHBANK" "Northbank Growth Partners LLC" "$SERIES_A" \
    "Series A Preferred" 800000 2.50 "Cash"
issue halvorsen:issue-lighthouse-a 2022-09-15 "$LIGHTHOUSE" "Lighthouse Seed Fund I, L.P." "$SERIES_A" \
    "Series A Preferred" 200000 2.50 "Cash (pro-rata right)"
register halvorsen:tomas 2023-02-01 INDIVIDUAL "Tomás Ruiz" EMPLOYEE tomas@halvorsen.example
TOMAS=$LAST_ID
issue halvorsen:issue-tomas 2023-02-01 "$TOMAS" "Tomás Ruiz" "$COMMON" "Common Stock" 100000 0.45

echo
say "Paperwork found later: back-dated entries, recorded after everything above"
register halvorsen:elena 2020-07-01 INDIVIDUAL "Elena Petrova" INVESTOR
ELENA=$LAST_ID
issue halvorsen:issue-elena-seed 2020-07-15 "$ELENA" "Elena Petrova" "$SEED" "Series Seed Preferred" 200000 1.25 \
    "Cash"
issue halvorsen:issue-priya 2019-02-15 "$PRIYA" "Priya Raman" "$COMMON" "Common Stock" 1000000 0.0001 \
    "Cash and assignment of technology"
PRIYA_CS=$LAST_ID
register halvorsen:grace 2021-10-01 INDIVIDUAL "Dr. Grace Whitfield" ADVISOR grace@whitfield.example
GRACE=$LAST_ID
issue halvorsen:issue-grace 2021-10-01 "$GRACE" "Dr. Grace Whitfield" "$COMMON" "Common Stock" 50000 0.20

AUDIT_BEFORE=$(query "/api/issuers/$HALVORSEN/audit-trail?size=1" | jq -r .totalItems)

echo
say "Refused: 100000 more Series Seed Preferred to Kestrel Angels LLC, back-dated to 2020-08-01."
say "On 2020-08-01 it fits (1300000 of 1500000), but from 2021-03-01 only 1200000 are authorized:"
send halvorsen:issue-kestrel-late POST "/api/issuers/$HALVORSEN/stock-issuances" \
    "$(issue_body 2020-08-01 "$KESTREL" "$SEED" 100000 1.25 "Cash (side letter)")"
printf '    -> %s\n' "$STATUS"
jq . <<<"$RESPONSE" | sed 's/^/       /'
check "Halvorsen: back-dated issuance over a later authorization" "422 AUTHORIZED_SHARES_EXCEEDED 2021-03-01" \
    "$STATUS $(jq -r '"\(.code) \(.breachDate)"' <<<"$RESPONSE")"
check "Halvorsen: the refusal recorded nothing (audit entries)" "$AUDIT_BEFORE" \
    "$(query "/api/issuers/$HALVORSEN/audit-trail?size=1" | jq -r .totalItems)"

echo
say "Idempotency: Ada Okafor's issuance sent again with its original Idempotency-Key"
send halvorsen:issue-ada POST "/api/issuers/$HALVORSEN/stock-issuances" "$ADA_CS_BODY"
printf '    -> %s, id %s\n' "$STATUS" "$(jq -r .id <<<"$RESPONSE")"
check "Halvorsen: replay answers with the first response" "201 $ADA_CS" "$STATUS $(jq -r .id <<<"$RESPONSE")"
check "Halvorsen: replay recorded nothing (audit entries)" "$AUDIT_BEFORE" \
    "$(query "/api/issuers/$HALVORSEN/audit-trail?size=1" | jq -r .totalItems)"
say "The same key with a different body:"
send halvorsen:issue-ada POST "/api/issuers/$HALVORSEN/stock-issuances" \
    "$(issue_body 2019-02-15 "$ADA" "$COMMON" 4000001 0.0001 "Cash and assignment of technology")"
printf '    -> %s %s\n' "$STATUS" "$(jq -r .code <<<"$RESPONSE")"
check "Halvorsen: key reused for another request" "422 IDEMPOTENCY_KEY_REUSED" \
    "$STATUS $(jq -r .code <<<"$RESPONSE")"

# ================================================================================================ (c) reading it back
section "(c) Halvorsen Tidal Systems, Inc.: cap tables, securities, audit trail"

TODAY=$(query "/api/issuers/$HALVORSEN/cap-table")
AS_OF_2019=$(query "/api/issuers/$HALVORSEN/cap-table?asOf=2019-12-31")
AS_OF_2020=$(query "/api/issuers/$HALVORSEN/cap-table?asOf=2020-12-31")
AS_OF_2022=$(query "/api/issuers/$HALVORSEN/cap-table?asOf=2022-06-30")
REPLAYED_TODAY=$(query "/api/issuers/$HALVORSEN/cap-table?asOf=$(date -u +%Y-%m-%d)")
STAKEHOLDERS=$(query "/api/issuers/$HALVORSEN/stakeholders?size=200")
CLASSES=$(query "/api/issuers/$HALVORSEN/stock-classes?sort=seniority")
SECURITIES=$(query "/api/issuers/$HALVORSEN/securities?sort=issueDate&size=200")
AUDIT=$(query "/api/issuers/$HALVORSEN/audit-trail?size=200")
ISSUER_VIEW=$(query "/api/issuers/$HALVORSEN")

echo
say "Today (from the read models):"
print_cap_table "$TODAY"
for table in "$AS_OF_2022" "$AS_OF_2020" "$AS_OF_2019"; do
    echo
    say "Replayed from the event store:"
    print_cap_table "$table"
done

echo
say "Securities by effective date (labels are numbered in recording order, so back-dated ones carry later numbers):"
jq -r --argjson holders "$STAKEHOLDERS" '
    def lpad(n): tostring | if length < n then (" " * (n - length)) + . else . end;
    def rpad(n): tostring | if length < n then . + (" " * (n - length)) else . end;
    ($holders.items | map({key: .stakeholderId, value: .name.legalName}) | from_entries) as $name
    | .items[] | "    \(.issueDate)  " + (.label | rpad(6)) + (.quantity | lpad(9)) + "  "
        + ($name[.stakeholderId] | rpad(31)) + "recorded \(.recordedAt)"
' <<<"$SECURITIES"

echo
say "Audit trail (recording order; effective date first):"
jq -r '.items[] | "    #\(.position)  \(.effectiveDate)  \(.actor)  \(.summary)"' <<<"$AUDIT"

echo
check "Halvorsen: stakeholders" "12" "$(jq -r .totalItems <<<"$STAKEHOLDERS")"
check "Halvorsen: stock classes by seniority" "Common Stock,Series Seed Preferred,Series A Preferred" \
    "$(jq -r '[.items[].name] | join(",")' <<<"$CLASSES")"
check "Halvorsen: issuer-wide authorized today" "16000000" "$(jq -r .sharesAuthorized <<<"$ISSUER_VIEW")"
check "Halvorsen: issuer version (events - 1)" "$(($(jq -r .totalItems <<<"$AUDIT") - 1))" \
    "$(jq -r .version <<<"$ISSUER_VIEW")"
check "Halvorsen: back-dated founder issuance label" "CS-6" \
    "$(jq -r --arg id "$PRIYA_CS" '.items[] | select(.securityId == $id) | .label' <<<"$SECURITIES")"
check "Halvorsen: first security by effective date" "2019-02-15" "$(jq -r '.items[0].issueDate' <<<"$SECURITIES")"
check "Halvorsen: total outstanding today" "12300000" "$(jq -r .totals.sharesOutstanding <<<"$TODAY")"
check "Halvorsen: holders today" "12" "$(jq -r '.holders | length' <<<"$TODAY")"
check "Halvorsen: Ada Okafor today" "4000000 32.5203" \
    "$(jq -r '.holders[] | select(.name == "Ada Okafor") | "\(.sharesOutstanding) \(.percentOfOutstanding)"' <<<"$TODAY")"
check "Halvorsen: Lighthouse across two classes" "1000000" "$(holder_shares "$TODAY" "Lighthouse Seed Fund I, L.P.")"
check "Halvorsen: Series Seed Preferred today" "1200000 of 1200000" \
    "$(class_field "$TODAY" "Series Seed Preferred" sharesOutstanding) of $(class_field "$TODAY" "Series Seed Preferred" sharesAuthorized)"
check "Halvorsen: read models and replay agree today" "true" \
    "$(jq -n --argjson a "$TODAY" --argjson b "$REPLAYED_TODAY" '($a | del(.asOf)) == ($b | del(.asOf))')"
check "Halvorsen: total as of 2022-06-30" "9600000" "$(jq -r .totals.sharesOutstanding <<<"$AS_OF_2022")"
check "Halvorsen: classes as of 2022-06-30" "2" "$(jq -r '.stockClasses | length' <<<"$AS_OF_2022")"
check "Halvorsen: issuer-wide authorized as of 2022-06-30" "12000000" \
    "$(jq -r .issuerSharesAuthorized <<<"$AS_OF_2022")"
check "Halvorsen: Seed authorized as of 2022-06-30" "1200000" \
    "$(class_field "$AS_OF_2022" "Series Seed Preferred" sharesAuthorized)"
check "Halvorsen: total as of 2020-12-31" "9400000" "$(jq -r .totals.sharesOutstanding <<<"$AS_OF_2020")"
check "Halvorsen: Seed authorized as of 2020-12-31" "1500000" \
    "$(class_field "$AS_OF_2020" "Series Seed Preferred" sharesAuthorized)"
check "Halvorsen: back-dated Elena Petrova as of 2020-12-31" "200000" "$(holder_shares "$AS_OF_2020" "Elena Petrova")"
check "Halvorsen: total as of 2019-12-31" "8200000" "$(jq -r .totals.sharesOutstanding <<<"$AS_OF_2019")"
check "Halvorsen: back-dated Priya Raman as of 2019-12-31" "1000000" "$(holder_shares "$AS_OF_2019" "Priya Raman")"
check "Halvorsen: Hana Sato not yet a holder on 2019-12-31" "none" "$(holder_shares "$AS_OF_2019" "Hana Sato")"

# ================================================================================================ (d) people
section "(d) Halvorsen Tidal Systems, Inc.: inviting a board member"

ADMIN_TOKEN=$TOKEN
# Addresses are kept in lower case, so the run id (which has upper-case letters) is lowered here.
BOARD_EMAIL="$(tr "[:upper:]" "[:lower:]" <<<"board-$RUN_ID@halvorsen.example")"
BOARD_PASSWORD="tidal board passphrase $RUN_ID"

# invite EMAIL ROLE: an invitation to Halvorsen; sets INVITATION_ID and INVITATION_TOKEN (shown only now)
invite() {
    request POST "/api/issuers/$HALVORSEN/invitations" "$(jq -nc --arg email "$1" --arg role "$2" \
        '{email: $email, role: $role}')"
    check "Halvorsen: invited $1 as $2" "201" "$STATUS"
    INVITATION_ID=$(jq -r .invitationId <<<"$RESPONSE")
    INVITATION_TOKEN=$(jq -r .token <<<"$RESPONSE")
}

# accept TOKEN: the invitee's side, without signing in
accept() {
    TOKEN=""
    request POST /api/invitations/accept "$(jq -nc --arg token "$1" --arg password "$BOARD_PASSWORD" \
        '{token: $token, password: $password}')"
    TOKEN=$ADMIN_TOKEN
}

invite "$BOARD_EMAIL" VIEWER
FIRST_TOKEN=$INVITATION_TOKEN
request GET "/api/issuers/$HALVORSEN/invitations"
check "Halvorsen: the invitation is listed, without its token" "$BOARD_EMAIL VIEWER false" \
    "$(jq -r --arg id "$INVITATION_ID" '.[] | select(.invitationId == $id) | "\(.email) \(.role) \(has("token"))"' \
        <<<"$RESPONSE")"
say "The token went to the wrong person: revoke the invitation and invite again."
request DELETE "/api/issuers/$HALVORSEN/invitations/$INVITATION_ID"
check "Halvorsen: invitation revoked" "200" "$STATUS"
invite "$BOARD_EMAIL" VIEWER

accept "$FIRST_TOKEN"
check "Halvorsen: the revoked token is refused" "404 NOT_FOUND" "$STATUS $(jq -r .code <<<"$RESPONSE")"
# A new account (201) the first time; with the same RUN_ID again, the account exists and the same password proves
# it (200). Invitations take no Idempotency-Key, so this section invites anew on every run.
accept "$INVITATION_TOKEN"
check "Halvorsen: the board member joins" "joined" \
    "$(jq -r --arg status "$STATUS" 'if ($status == "201" and .accountCreated) or ($status == "200"
        and (.accountCreated | not)) then "joined" else $status end' <<<"$RESPONSE")"
POSITION=$(jq -r .position <<<"$RESPONSE")

request POST /api/auth/login "$(jq -nc --arg email "$BOARD_EMAIL" --arg password "$BOARD_PASSWORD" \
    '{email: $email, password: $password}')"
TOKEN=$(jq -r .accessToken <<<"$RESPONSE")
BOARD_VIEW=$(query "/api/issuers/$HALVORSEN/cap-table")
check "Halvorsen: the board member reads the cap table" "12300000" "$(jq -r .totals.sharesOutstanding <<<"$BOARD_VIEW")"
send halvorsen:board-member-issues POST "/api/issuers/$HALVORSEN/stock-issuances" \
    "$(issue_body 2023-01-01 "$ADA" "$COMMON" 1 0.0001)"
check "Halvorsen: a VIEWER records nothing" "403 FORBIDDEN" "$STATUS $(jq -r .code <<<"$RESPONSE")"
TOKEN=$ADMIN_TOKEN
TRAIL=$(query "/api/issuers/$HALVORSEN/audit-trail?size=200")
say "Audit trail of the invitations:"
jq -r '.items[] | select(.eventType | test("Invit|Role")) | "    #\(.position)  \(.summary)"' <<<"$TRAIL"

# ================================================================================================ (e) lifecycle
section "(e) Stock lifecycle: transfer with a balance certificate, split, conversion, cancellation"

say "Create Tidewater Lifecycle Ltd with two holders, Ordinary and Preference (converting 1:1 into Ordinary)"
run_command lifecycle-issuer POST /api/issuers '{"legalName": "Tidewater Lifecycle Ltd", "formationDate": "2020-01-01",
    "countryOfFormation": "GB"}'
LIFE=$(jq -r .issuerId <<<"$RESPONSE")
run_command lifecycle-ana POST "/api/issuers/$LIFE/stakeholders" '{"date": "2020-01-01", "type": "INDIVIDUAL",
    "name": {"legalName": "Ana Alves"}, "relationship": "FOUNDER"}'
ANA=$LAST_ID
run_command lifecycle-ben POST "/api/issuers/$LIFE/stakeholders" '{"date": "2020-01-01", "type": "INDIVIDUAL",
    "name": {"legalName": "Ben Brook"}, "relationship": "EMPLOYEE"}'
BEN=$LAST_ID
run_command lifecycle-ordinary POST "/api/issuers/$LIFE/stock-classes" '{"date": "2020-01-01", "name": "Ordinary",
    "classType": "COMMON", "certificatePrefix": "ORD-", "votesPerShare": "1", "seniority": 1,
    "initialSharesAuthorized": "100000"}'
ORDINARY=$LAST_ID
run_command lifecycle-preference POST "/api/issuers/$LIFE/stock-classes" '{"date": "2020-01-01", "name": "Preference",
    "classType": "PREFERRED", "certificatePrefix": "PRF-", "votesPerShare": "1", "seniority": 2,
    "initialSharesAuthorized": "10000", "conversionRights": [{"convertsToStockClassId": "'"$ORDINARY"'",
    "ratio": {"numerator": "1", "denominator": "1"}}]}'
PREFERENCE=$LAST_ID
run_command lifecycle-ord1 POST "/api/issuers/$LIFE/stock-issuances" '{"date": "2020-02-01", "stakeholderId": "'"$ANA"'",
    "stockClassId": "'"$ORDINARY"'", "quantity": "10000", "pricePerShare": {"amount": "0.01", "currency": "GBP"}}'
ORD1=$LAST_ID
run_command lifecycle-prf1 POST "/api/issuers/$LIFE/stock-issuances" '{"date": "2020-02-01", "stakeholderId": "'"$BEN"'",
    "stockClassId": "'"$PREFERENCE"'", "quantity": "1000", "pricePerShare": {"amount": "1", "currency": "GBP"}}'
PRF1=$LAST_ID

say "Ana transfers 2,500 of ORD-1 to Ben on 2021-03-01: ORD-1 ends, Ben gets ORD-2, Ana keeps 7,500 as ORD-3"
run_command lifecycle-transfer POST "/api/issuers/$LIFE/securities/$ORD1/transfers" '{"date": "2021-03-01",
    "transferees": [{"stakeholderId": "'"$BEN"'", "quantity": "2500"}], "consideration": "GBP 1,000 paid to Ana"}'
ORD3=$(jq -r '.securityIds[1]' <<<"$RESPONSE")
ORD1_VIEW=$(query "/api/issuers/$LIFE/securities/$ORD1")
ORD3_VIEW=$(query "/api/issuers/$LIFE/securities/$ORD3")
check "Lifecycle: ORD-1 after the transfer" "TRANSFERRED 2021-03-01" \
    "$(jq -r '"\(.status) \(.extinguishedOn)"' <<<"$ORD1_VIEW")"
check "Lifecycle: Ana's balance certificate" "ORD-3 7500" "$(jq -r '"\(.label) \(.quantity)"' <<<"$ORD3_VIEW")"
send lifecycle-cancel-extinguished POST "/api/issuers/$LIFE/securities/$ORD1/cancellations" '{"date": "2021-04-01",
    "quantity": "1", "reason": "Too late"}'
check "Lifecycle: ORD-1 accepts nothing more" "422 SECURITY_NOT_OUTSTANDING" "$STATUS $(jq -r .code <<<"$RESPONSE")"

BEFORE_SPLIT=$(query "/api/issuers/$LIFE/cap-table")
say "Ordinary splits 2-for-1 on 2022-01-01; Ben converts 400 Preference into Ordinary on 2022-06-01"
run_command lifecycle-split POST "/api/issuers/$LIFE/stock-classes/$ORDINARY/splits" '{"date": "2022-01-01",
    "ratio": {"numerator": "2", "denominator": "1"}, "comments": "Board resolution of 2021-12-15"}'
run_command lifecycle-convert POST "/api/issuers/$LIFE/securities/$PRF1/conversions" '{"date": "2022-06-01",
    "quantity": "400", "toStockClassId": "'"$ORDINARY"'"}'
send lifecycle-backdated POST "/api/issuers/$LIFE/securities/$ORD3/cancellations" '{"date": "2021-06-01",
    "quantity": "100", "reason": "Back-dated after the split"}'
check "Lifecycle: cancelling pre-split shares after the split" "422 SECURITY_NOT_OUTSTANDING" \
    "$STATUS $(jq -r .code <<<"$RESPONSE")"

AFTER=$(query "/api/issuers/$LIFE/cap-table")
AS_OF_2021=$(query "/api/issuers/$LIFE/cap-table?asOf=2021-12-31")
echo
say "Before the split (2021-12-31, replayed):"
print_cap_table "$AS_OF_2021"
echo
say "Today:"
print_cap_table "$AFTER"
check "Lifecycle: outstanding before the split" "11000" "$(jq -r .totals.sharesOutstanding <<<"$BEFORE_SPLIT")"
check "Lifecycle: Ana today" "15000" "$(holder_shares "$AFTER" "Ana Alves")"
check "Lifecycle: Ben today (5,000 + 400 Ordinary + 600 Preference)" "6000" "$(holder_shares "$AFTER" "Ben Brook")"
check "Lifecycle: Ben as of 2021-12-31" "3500" "$(holder_shares "$AS_OF_2021" "Ben Brook")"
ANA_NOW=$(query "/api/issuers/$LIFE/securities?stakeholderId=$ANA&status=OUTSTANDING")
CHAIN=$(query "/api/issuers/$LIFE/securities/$(jq -r '.items[0].securityId' <<<"$ANA_NOW")/chain")
check "Lifecycle: chain of Ana's certificate" "TRANSFER,SPLIT" "$(jq -r '[.transactions[].kind] | join(",")' <<<"$CHAIN")"
say "Chain of $(jq -r '.items[0].label' <<<"$ANA_NOW"):"
jq -r '.transactions[] | "    \(.effectiveDate)  \(.kind)"' <<<"$CHAIN"

say "The register of members of this British company (Companies Act 2006 s.113) and its stock ledger as CSV"
MEMBERS=$(query "/api/issuers/$LIFE/register-of-members")
check "Lifecycle: members on the register" "Ana Alves,Ben Brook" \
    "$(jq -r '[.members.items[].name] | join(",")' <<<"$MEMBERS")"
check "Lifecycle: paid up on Ana's Ordinary (10,000 at GBP 0.01, less the 2,500 she transferred)" "15000 75 GBP" \
    "$(jq -r '.members.items[0].holdings[0] | "\(.shares) \(.amountPaidUp[0].amount) \(.amountPaidUp[0].currency)"' \
    <<<"$MEMBERS")"
LEDGER_CSV=$(query "/api/issuers/$LIFE/stock-ledger.csv")
check "Lifecycle: stock ledger rows (2 issuances, 2 transfer, 2 split, 2 conversion lines)" "8" \
    "$(($(wc -l <<<"$LEDGER_CSV") - 1))"

say "Adopt a 2021 plan of 5,000 Ordinary; grant Ben 4,800 options vesting monthly over four years with a one-year cliff"
run_command lifecycle-plan POST "/api/issuers/$LIFE/stock-plans" '{"date": "2021-01-01",
    "planName": "2021 Share Option Plan", "initialSharesReserved": "5000", "stockClassIds": ["'"$ORDINARY"'"]}'
PLAN=$LAST_ID
FOUR_YEARS='{"id": "4y-1y-cliff", "name": "Four years monthly, one-year cliff", "allocationType": "CUMULATIVE_ROUNDING",
  "vestingConditions": [
    {"id": "start", "quantity": "0", "trigger": {"type": "VESTING_START_DATE"}, "nextConditionIds": ["cliff"]},
    {"id": "cliff", "portion": {"numerator": "12", "denominator": "48"}, "trigger": {"type": "VESTING_SCHEDULE_RELATIVE",
      "relativeToConditionId": "start", "period": {"length": 12, "type": "MONTHS", "occurrences": 1,
      "dayOfMonth": "VESTING_START_DAY_OR_LAST_DAY_OF_MONTH"}}, "nextConditionIds": ["monthly"]},
    {"id": "monthly", "portion": {"numerator": "1", "denominator": "48"}, "trigger": {"type": "VESTING_SCHEDULE_RELATIVE",
      "relativeToConditionId": "cliff", "period": {"length": 1, "type": "MONTHS", "occurrences": 36,
      "dayOfMonth": "VESTING_START_DAY_OR_LAST_DAY_OF_MONTH"}}, "nextConditionIds": []}]}'
run_command lifecycle-grant POST "/api/issuers/$LIFE/equity-compensation-issuances" '{"date": "2022-01-15",
    "stakeholderId": "'"$BEN"'", "stockPlanId": "'"$PLAN"'", "stockClassId": "'"$ORDINARY"'",
    "compensationType": "OPTION_NSO", "quantity": "4800", "exercisePrice": {"amount": "0.10", "currency": "GBP"},
    "vestingTerms": '"$FOUR_YEARS"', "vestingStartDate": "2022-01-15", "expirationDate": "2032-01-14"}'
OPTION=$LAST_ID
send lifecycle-early-exercise POST "/api/issuers/$LIFE/grants/$OPTION/exercises" '{"date": "2023-01-14", "quantity": "1"}'
check "Lifecycle: exercising before the cliff" "422 SHARES_NOT_VESTED 0" \
    "$STATUS $(jq -r '"\(.code) \(.vested)"' <<<"$RESPONSE")"
run_command lifecycle-exercise POST "/api/issuers/$LIFE/grants/$OPTION/exercises" '{"date": "2023-03-01",
    "quantity": "1000", "consideration": "GBP 100"}'
OPTION_BALANCE=$(jq -r '.securityIds[1]' <<<"$RESPONSE")
BALANCE_VIEW=$(query "/api/issuers/$LIFE/grants/$OPTION_BALANCE?asOf=2023-03-01")
check "Lifecycle: the option's balance after exercising 1,000" "OPT-2 3800 vested 300" \
    "$(jq -r '"\(.label) \(.quantity) vested \(.vested)"' <<<"$BALANCE_VIEW")"
FULLY=$(query "/api/issuers/$LIFE/cap-table")
echo
say "Outstanding and fully diluted after the exercise (fully diluted = outstanding + options + the pool's rest):"
print_cap_table "$FULLY"
check "Lifecycle: fully diluted total" "22000 + 3800 + 200 = 26000" \
    "$(jq -r '"\(.totals.sharesOutstanding) + \(.totals.grantsOutstanding) + \(.totals.sharesAvailableForGrant) = \(.totals.fullyDiluted)"' <<<"$FULLY")"

say "A SAFE of GBP 150,000 (cap GBP 3m, 20% discount) for Ben: listed apart from the fully diluted total until it converts"
run_command lifecycle-safe POST "/api/issuers/$LIFE/convertible-issuances" '{"date": "2023-04-01",
    "stakeholderId": "'"$BEN"'", "convertibleType": "SAFE", "investmentAmount": {"amount": "150000", "currency": "GBP"},
    "terms": {"valuationCap": {"amount": "3000000", "currency": "GBP"}, "discount": "0.2", "timing": "POST_MONEY"}}'
SAFE=$LAST_ID
WITH_SAFE=$(query "/api/issuers/$LIFE/cap-table")
echo
say "Before the SAFE converts:"
print_cap_table "$WITH_SAFE"
check "Lifecycle: the SAFE is listed, not counted" "SAFE-1 150000 26000" \
    "$(jq -r '"\(.notCounted[0].label) \(.notCounted[0].investmentAmount.amount) \(.totals.fullyDiluted)"' <<<"$WITH_SAFE")"
run_command lifecycle-safe-conversion POST "/api/issuers/$LIFE/convertibles/$SAFE/conversions" '{"date": "2023-09-01",
    "stockClassId": "'"$PREFERENCE"'", "quantity": "1500", "reason": "Series A at GBP 100 per Preference share"}'
CONVERTED=$(query "/api/issuers/$LIFE/cap-table")
echo
say "After it converts into 1,500 Preference shares:"
print_cap_table "$CONVERTED"
check "Lifecycle: after the SAFE converts" "0 Preference 2100 27500" \
    "$(jq -r '"\(.notCounted | length) Preference \([.stockClasses[] | select(.name == "Preference") | .sharesOutstanding][0]) \(.totals.fullyDiluted)"' <<<"$CONVERTED")"

# ================================================================================================ (f) certificates
section "(f) Share certificates: officers, legends, a PDF, public verification, a lost certificate"

say "Tidewater's officers sign its certificates; Ordinary certificates carry the Securities Act legend"
run_command certificates-officers PUT "/api/issuers/$LIFE/certificate-officers" '{"date": "2020-01-01",
    "officers": [{"name": "Ana Alves", "title": "Director"}, {"name": "Ben Brook", "title": "Secretary"}]}'
run_command certificates-legends PUT "/api/issuers/$LIFE/stock-classes/$ORDINARY/legends" '{"date": "2020-01-01",
    "legends": [{"template": "SECURITIES_ACT_1933"}, {"text": "Subject to the Articles of Association."}]}'
CERTIFICATES=$(query "/api/issuers/$LIFE/certificates?sort=label&size=200")
say "Certificates:"
jq -r '.items[] | "    \(.label)  \(.status)  \(.holderName)  \(.quantity)\(if .endedBy then "  (" + .endedBy + " " + .endedOn + ")" else "" end)"' \
    <<<"$CERTIFICATES"
ORD1_CERT=$(query "/api/issuers/$LIFE/certificates/ORD-1")
check "Certificates: ORD-1 cancelled by the transfer, balance ORD-3" "CANCELLED TRANSFER ORD-3" \
    "$(jq -r '"\(.status) \(.endedBy) \(.balance.label)"' <<<"$ORD1_CERT")"
check "Certificates: the 2022 split replaced ORD-2 with ORD-4" "REPLACED SPLIT ORD-4" \
    "$(query "/api/issuers/$LIFE/certificates/ORD-2" | jq -r '"\(.status) \(.endedBy) \(.replacement.label)"')"
ACTIVE_LABEL=$(jq -r '[.items[] | select(.status == "ACTIVE" and .stockClassId == "'"$ORDINARY"'")][0].label' <<<"$CERTIFICATES")
CERT_PDF="${CERTIFICATE_OUT:-$WORK/certificate.pdf}"
curl ${CURL_EXTRA[@]+"${CURL_EXTRA[@]}"} -sS -o "$CERT_PDF" -H "Authorization: Bearer $TOKEN" \
    -H "Capledger-Position: $POSITION" "$BASE_URL/api/issuers/$LIFE/certificates/$ACTIVE_LABEL.pdf"
check "Certificates: $ACTIVE_LABEL downloads as a PDF" "%PDF-" "$(head -c 5 "$CERT_PDF")"
say "Saved $ACTIVE_LABEL to $CERT_PDF"
CODE=$(query "/api/issuers/$LIFE/certificates/$ACTIVE_LABEL" | jq -r .verificationCode)
SAVED_TOKEN=$TOKEN
TOKEN=""
request GET "/api/verify/$CODE"
check "Certificates: anyone verifies $CODE" "VALID $ACTIVE_LABEL Tidewater Lifecycle Ltd" \
    "$(jq -r '"\(.status) \(.label) \(.issuerLegalName)"' <<<"$RESPONSE")"
request GET "/api/verify/$(jq -r .verificationCode <<<"$ORD1_CERT")"
check "Certificates: ORD-1's code says it is cancelled" "CANCELLED" "$(jq -r .status <<<"$RESPONSE")"
TOKEN=$SAVED_TOKEN
ACTIVE_ID=$(query "/api/issuers/$LIFE/certificates/$ACTIVE_LABEL" | jq -r .securityId)
say "Its holder loses $ACTIVE_LABEL and swears an affidavit on 2024-02-20: it is replaced on 2024-03-01"
run_command certificates-lost POST "/api/issuers/$LIFE/securities/$ACTIVE_ID/lost-certificate-replacements" \
    '{"date": "2024-03-01", "affidavitDate": "2024-02-20", "reason": "Lost in a move"}'
REPLACED=$(query "/api/issuers/$LIFE/certificates/$ACTIVE_LABEL")
check "Certificates: $ACTIVE_LABEL replaced" "REPLACED 2024-02-20" \
    "$(jq -r '"\(.status) \(.affidavitDate)"' <<<"$REPLACED")"
say "Replacement: $(jq -r .replacement.label <<<"$REPLACED")"

# ================================================================================================ (g) reports
section "(g) Reports: ledger integrity, the cap table as a workbook, Delaware franchise tax, holders of record"

INTEGRITY=$(query "/api/issuers/$HALVORSEN/reports/integrity")
say "Integrity checks of Halvorsen's ledger:"
jq -r '.checks[] | "    \(if .passed then "pass" else "FAIL" end)  \(.name)  (\(.examined) examined)"' <<<"$INTEGRITY"
check "Reports: every integrity check passes" "true" "$(jq -r '[.checks[].passed] | all' <<<"$INTEGRITY")"
REPORT_OUT="${REPORT_OUT:-$WORK}"
curl ${CURL_EXTRA[@]+"${CURL_EXTRA[@]}"} -sS -o "$REPORT_OUT/cap-table.xlsx" -H "Authorization: Bearer $TOKEN" \
    -H "Capledger-Position: $POSITION" "$BASE_URL/api/issuers/$HALVORSEN/reports/cap-table?format=xlsx"
check "Reports: the cap table downloads as a workbook (a zip)" "PK" "$(head -c 2 "$REPORT_OUT/cap-table.xlsx")"
curl ${CURL_EXTRA[@]+"${CURL_EXTRA[@]}"} -sS -o "$REPORT_OUT/cap-table.pdf" -H "Authorization: Bearer $TOKEN" \
    -H "Capledger-Position: $POSITION" "$BASE_URL/api/issuers/$HALVORSEN/reports/cap-table?format=pdf"
check "Reports: and as a PDF with its ownership chart" "%PDF-" "$(head -c 5 "$REPORT_OUT/cap-table.pdf")"
TAX=$(query "/api/issuers/$HALVORSEN/reports/delaware-franchise-tax?taxYear=2023&grossAssets=5000000")
say "Delaware franchise tax for 2023 with USD 5,000,000 of gross assets: $(jq -r '.report.chosenMethod' <<<"$TAX"),"\
" USD $(jq -r '.report.totalDue.amount' <<<"$TAX") due with the annual report fee"
check "Reports: the franchise tax picks the lower method" "ASSUMED_PAR_VALUE_CAPITAL" \
    "$(jq -r '.report.chosenMethod' <<<"$TAX")"
curl ${CURL_EXTRA[@]+"${CURL_EXTRA[@]}"} -sS -o "$REPORT_OUT/franchise-tax-2023.pdf" -H "Authorization: Bearer $TOKEN" \
    -H "Capledger-Position: $POSITION" \
    "$BASE_URL/api/issuers/$HALVORSEN/reports/delaware-franchise-tax?taxYear=2023&grossAssets=5000000&format=pdf"
check "Reports: the franchise tax with its working as a PDF" "%PDF-" "$(head -c 5 "$REPORT_OUT/franchise-tax-2023.pdf")"
HOLDERS=$(query "/api/issuers/$HALVORSEN/reports/holders-of-record?totalAssets=5000000")
check "Reports: holders of record (Exchange Act §12(g)), no registration required" "false" \
    "$(jq -r '.report.registrationRequired' <<<"$HOLDERS")"
say "Saved cap-table.xlsx, cap-table.pdf and franchise-tax-2023.pdf to $REPORT_OUT"

section "Summary"
say "Run id:            $RUN_ID"
say "Aperture Science:  $APERTURE ($(jq -r .label <<<"$SECURITY"): $(jq -r .quantity <<<"$SECURITY") shares to Jim Jangles)"
say "Halvorsen Tidal:   $HALVORSEN ($(jq -r .totalItems <<<"$AUDIT") events, $(jq -r .totals.sharesOutstanding <<<"$TODAY") shares outstanding)"
say "Checks:            $PASSED passed, $FAILED failed"
((FAILED == 0))
