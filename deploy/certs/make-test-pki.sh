#!/usr/bin/env bash
# Makes a throw-away PKI for testing the fleet broker configuration (deploy/mosquitto):
#   ca.crt/ca.key            test CA (EC P-256)
#   server.crt/server.key    broker certificate for localhost / 127.0.0.1
#   <kiosk id>.crt/.key      one client certificate per kiosk, CN = kiosk id
#   backend.crt/backend.key  the backend's client certificate, CN = backend
# Usage: make-test-pki.sh OUTDIR [KIOSK_ID...]   (default kiosk: demo-0001)
# Test keys only: unencrypted, 30 days. Production keys come from the fleet's own CA.
set -euo pipefail

out=${1:?usage: make-test-pki.sh OUTDIR [KIOSK_ID...]}
shift
ids=("$@")
[ ${#ids[@]} -gt 0 ] || ids=(demo-0001)
days=30
mkdir -p "$out"
cd "$out"

newkey() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; chmod 600 "$1"; }

# sign NAME CN EXTENSIONS
sign() {
  local name=$1 cn=$2 ext=$3
  newkey "$name.key"
  openssl req -new -key "$name.key" -subj "/CN=$cn" -out "$name.csr"
  printf '%b' "$ext" > "$name.ext"
  openssl x509 -req -in "$name.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -days "$days" -sha256 \
    -extfile "$name.ext" -out "$name.crt" 2>/dev/null
  rm -f "$name.csr" "$name.ext"
}

newkey ca.key
openssl req -x509 -new -key ca.key -sha256 -days "$days" -subj "/CN=Kiosk Edge Test CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" -out ca.crt

sign server localhost "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n"
for id in "${ids[@]}"; do
  if ! [[ $id =~ ^[a-z0-9][a-z0-9-]{2,63}$ ]]; then
    echo "make-test-pki: '$id' is not a kiosk id (^[a-z0-9][a-z0-9-]{2,63}\$)" >&2
    exit 2
  fi
  sign "$id" "$id" "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n"
done
sign backend backend "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n"
rm -f ca.srl
echo "test PKI in $out: ca, server (localhost, 127.0.0.1), ${ids[*]}, backend"
