#!/bin/sh
# Once per host, before `docker compose -f deploy/docker-compose.yml up`: random secrets into
# deploy/.env (read by compose) and deploy/secrets/ (mounted as compose secrets), and a
# self-signed certificate for nginx unless deploy/nginx/certs already has one. Never overwrites.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
secret() { openssl rand -base64 36 | tr -d '/+=\n'; }
if [ ! -f "$here/.env" ]; then
  metrics="$(secret)"
  umask 077
  cat > "$here/.env" <<ENV
POSTGRES_PASSWORD=$(secret)
JWT_SECRET=$(secret)
METRICS_TOKEN=$metrics
MINIO_ROOT_PASSWORD=$(secret)
LM_SERVER_NAME=localhost
ENV
  mkdir -p "$here/secrets"
  printf '%s' "$metrics" > "$here/secrets/metrics_token"
  secret > "$here/secrets/grafana_admin_password"
  echo "wrote $here/.env and $here/secrets/ (Grafana admin password: $here/secrets/grafana_admin_password)"
fi
[ -f "$here/nginx/certs/cert.pem" ] || sh "$here/nginx/make-cert.sh" "$here/nginx/certs" localhost
