# bantin's image (README, "Operations"): the first stage installs every dependency and compiles
# src/ to dist/; the second keeps the compiled build and the production dependencies only.
#   docker build -t bantin . && docker run -p 8080:8080 -v bantin-state:/var/lib/bantin bantin
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npx tsc -p tsconfig.build.json && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    BANTIN_CONFIG=/etc/bantin/bantin.config.json
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The shipped config and demo feeds: the defaults of deploy/bantin.config.json, which keeps the
# store and static feeds in the volume. Mount your own config over /etc/bantin.
COPY bantin.config.json ./
COPY data/demo ./data/demo
COPY deploy/bantin.config.json /etc/bantin/bantin.config.json
RUN mkdir -p /var/lib/bantin && chown node:node /var/lib/bantin
VOLUME /var/lib/bantin
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node as PID 1 is fine here: bantin handles SIGTERM itself (clean stop, exit 0) and starts no child processes.
CMD ["node", "dist/main.js", "serve"]
