# The fleet-scan controller image: Node.js LTS, PowerShell 7 (the controller's pwsh worker), the OpenSSH
# client (ssh and ssh-exec transports), and the built project, run as a non-root user. One image serves
# the shard pods and the merge pod (deploy/kubernetes/); a CI job or a hybrid worker can run it too.
#   docker build -t registry.example.com/fleet-scan:0.1.0 .
# Base images are pinned by tag; pin them by digest too (node@sha256:...) where the registry allows.
ARG NODE_IMAGE=node:24.11.1-bookworm-slim

FROM ${NODE_IMAGE} AS build
# Compilers only for a native module (better-sqlite3) that finds no prebuilt binary for this platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
RUN npx tsc -p tsconfig.json \
 && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE}
# The PowerShell the project pins (.config/dotnet-tools.json), from the release archive checked against
# the release's own SHA-256 list.
ARG PWSH_VERSION=7.6.9
ARG TARGETARCH=amd64
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl openssh-client libicu72 libssl3 less \
 && case "${TARGETARCH}" in amd64) arch=x64 ;; arm64) arch=arm64 ;; *) echo "unsupported architecture ${TARGETARCH}" >&2; exit 1 ;; esac \
 && archive="powershell-${PWSH_VERSION}-linux-${arch}.tar.gz" \
 && base="https://github.com/PowerShell/PowerShell/releases/download/v${PWSH_VERSION}" \
 && curl -fsSL -o "/tmp/${archive}" "${base}/${archive}" \
 && curl -fsSL -o /tmp/hashes.sha256 "${base}/hashes.sha256" \
 && (cd /tmp && tr -d '\r' < hashes.sha256 | grep " \*\?${archive}\$" | sed 's/ \*/  /' | sha256sum -c -) \
 && mkdir -p /opt/microsoft/powershell \
 && tar -xzf "/tmp/${archive}" -C /opt/microsoft/powershell \
 && chmod 755 /opt/microsoft/powershell/pwsh \
 && ln -s /opt/microsoft/powershell/pwsh /usr/local/bin/pwsh \
 && rm -f "/tmp/${archive}" /tmp/hashes.sha256 \
 && apt-get purge -y curl \
 && apt-get autoremove -y \
 && rm -rf /var/lib/apt/lists/*

ENV NODE_ENV=production \
    POWERSHELL_TELEMETRY_OPTOUT=1 \
    POWERSHELL_UPDATECHECK=Off \
    FLEET_SCAN_PWSH=/usr/local/bin/pwsh

# What the controller reads at run time: the build, the check scripts, the worker scripts, package.json (its version).
WORKDIR /opt/fleet-scan
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY package.json inventory.schema.json ./
COPY bin ./bin
COPY ps-scripts ./ps-scripts
COPY src/runner/worker ./src/runner/worker
RUN chmod 755 bin/fleet-scan.js src/runner/worker/bin/ssh src/runner/worker/pwsh-session.sh \
 && ln -s /opt/fleet-scan/bin/fleet-scan.js /usr/local/bin/fleet-scan \
 && groupadd --gid 10001 fleetscan \
 && useradd --uid 10001 --gid 10001 --home-dir /home/fleetscan --create-home --shell /usr/sbin/nologin fleetscan

USER 10001:10001
ENV HOME=/home/fleetscan
WORKDIR /home/fleetscan
ENTRYPOINT ["fleet-scan"]
CMD ["--help"]
