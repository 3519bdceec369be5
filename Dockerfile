# Little Monster: one image for ROLE=api and ROLE=worker. Stages:
#   deps       everything needed to build the web app
#   web        the web app's production build (apps/web/dist)
#   prod-deps  the server's production dependencies only (npm ci --omit=dev)
#   runtime    Node 20 + the PostgreSQL client (backups) + ffmpeg/espeak-ng (lesson videos), non-root
# CI cannot run Docker; deploy/docker/reproduce-build.mjs runs these same RUN and COPY steps in a
# temporary directory and starts the result (see README "Containers").
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/core/package.json packages/core/
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
RUN npm ci --workspace apps/web --no-audit --no-fund

FROM deps AS web
COPY tsconfig.base.json ./
COPY packages/core packages/core
COPY apps/web apps/web
RUN npm run build -w apps/web

FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/core/package.json packages/core/
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
RUN npm ci --omit=dev --workspace apps/server --no-audit --no-fund \
  && rm -rf node_modules/@node-llama-cpp/*-cuda* node_modules/@node-llama-cpp/*-vulkan*
# GPU builds of llama.cpp are left out (~600 MB): the container runs the model on CPU, and GPU
# machines serve it over LLM_BASE_URL instead.

FROM ${NODE_IMAGE} AS runtime
# ci: skip (system packages come with the base image's apt; CI has them from Debian already)
RUN apt-get update \
  && apt-get install -y --no-install-recommends postgresql-client ffmpeg espeak-ng fonts-dejavu-core \
  && rm -rf /var/lib/apt/lists/* \
  && mkdir -p /data && chown node:node /data
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
COPY --from=prod-deps /app/node_modules node_modules
COPY package.json ./
COPY packages/core packages/core
COPY apps/server/package.json apps/server/
COPY apps/server/src apps/server/src
COPY --from=web /app/apps/web/dist apps/web/dist
USER node
VOLUME /data
EXPOSE 3000
# /readyz answers on the API and on ROLE=worker alike (503 while the database is unreachable).
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/readyz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "apps/server/src/main.ts"]
