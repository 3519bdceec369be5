#!/bin/sh
# A self-signed certificate for local use (never production): deploy/nginx/certs/{cert,key}.pem,
# valid for localhost and 127.0.0.1. Usage: sh deploy/nginx/make-cert.sh [dir] [hostname]
set -eu
dir="${1:-$(dirname "$0")/certs}"
host="${2:-localhost}"
mkdir -p "$dir"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 365 \
  -subj "/CN=$host" -addext "subjectAltName=DNS:$host,DNS:localhost,IP:127.0.0.1" \
  -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null
chmod 600 "$dir/key.pem"
echo "$dir/cert.pem"
