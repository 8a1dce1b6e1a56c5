# The README walk-through. Run it with the server started (npm start) and KESU_ADMIN_TOKEN set to
# the token it printed.
set -euo pipefail
KESU=${KESU:-http://127.0.0.1:8787}
# json EXPR: prints EXPR evaluated over the JSON on stdin, which it calls r
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);console.log(eval(process.argv[1]))})' "$1"; }
api() { # api METHOD PATH TOKEN [JSON]
  curl -sS -X "$1" "$KESU$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' ${4:+-d "$4"}
}

# 1. A company from the starter template (the platform administrator may create companies)
api POST /api/companies "$KESU_ADMIN_TOKEN" '{"id":"acme","name":"Acme 客服中心","template":"starter"}' | json r.id

# 2. Its people, each with a token
user() { api POST /api/companies/acme/users "$KESU_ADMIN_TOKEN" "{\"name\":\"$1\",\"roles\":[\"$2\"]}" | json r.id; }
token() { api POST "/api/users/$1/tokens" "$KESU_ADMIN_TOKEN" '{}' | json r.token; }
CLERK=$(token "$(user 李娜 clerk)")
SUPERVISOR=$(token "$(user 赵强 supervisor)")
MANAGER=$(token "$(user 钱敏 manager)")

# 3. Register a complaint through the published intake form
CASE=$(api POST /api/companies/acme/cases "$CLERK" \
  '{"intake":{"customerName":"王女士","phone":"13800000000","description":"收到的咖啡机外壳开裂","amountSought":1500}}')
ID=$(echo "$CASE" | json r.case.id)
echo "$CASE" | json 'r.case.number'
echo "$CASE" | json 'r.clocks.map(c => c.id + " due " + c.due).join("\n")'

# 4. Work it: propose 1,500 yuan, the supervisor approves, a reply is refused until the manager approves
act() { api POST "/api/companies/acme/cases/$ID/actions" "$1" "$2"; }
act "$CLERK" '{"transition":"propose","data":{"type":"compensation","amount":1500}}' | json 'r.case.remedy.chain.map(s => s.role).join(" → ")'
act "$SUPERVISOR" '{"transition":"approve"}' | json r.case.state
act "$CLERK" '{"transition":"reply","data":{"message":"我们将补偿 1500 元"}}' | json r.error.code
act "$MANAGER" '{"transition":"approve"}' | json r.case.state
act "$CLERK" '{"transition":"reply","data":{"message":"我们将补偿 1500 元"}}' | json r.case.state
act "$MANAGER" '{"transition":"close"}' | json r.case.state

# 5. The case with its audit trail, and the monthly report
api GET "/api/companies/acme/cases/$ID" "$CLERK" | json 'r.audit.map(a => a.at + " " + a.action).join("\n")'
MONTH=$(date +%Y-%m)
api GET "/api/companies/acme/reports/$MONTH" "$MANAGER" | json 'r.total + " case(s), " + r.closed + " closed"'
curl -sS "$KESU/api/companies/acme/reports/$MONTH.csv" -H "Authorization: Bearer $MANAGER" -o "kesu-acme-$MONTH.csv"
