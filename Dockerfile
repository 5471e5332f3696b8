# Factline service image. Stages: build (compile, all dependencies), test (the contract suite,
# used by the compose `test` profile), runtime (production dependencies and the compiled code only).

FROM node:20-slim AS build
WORKDIR /app
# A compiler toolchain in case no prebuilt better-sqlite3 binary fits this platform.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Scripts are skipped because `prepare` builds the sources, which are not copied yet; the one
# native module that needs its install script gets it through `npm rebuild`.
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY desk ./desk
RUN npm run build

FROM build AS test
COPY jest.config.js ./
COPY test ./test
CMD ["npx", "jest", "test/contract"]

FROM build AS production-dependencies
RUN npm prune --omit=dev

FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    SQLITE_PATH=/app/data/factline.db
WORKDIR /app
COPY --from=production-dependencies /app/package.json ./package.json
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY bin ./bin
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]
