#!/usr/bin/env bash
# Installs the local storage emulators that the storage tests start (driver/src/test/.../AzuriteServer, GcsEmulatorServer):
#   * node_modules/ from package-lock.json (Azurite, firebase-tools), with `npm ci`, only when node_modules is missing
#     or was installed from a different lock file or Node version; otherwise it is reused as a cache;
#   * node_modules/.stowage/stub-rules.jar, the stand-in for the Firebase Storage rules runtime (StubRules.java),
#     rebuilt when missing or older than its source.
# driver/pom.xml runs this in the process-test-resources phase, so `mvn verify` on a fresh clone needs nothing else.
# Needs: bash, node + npm on PATH, a JDK (javac from $JAVA_HOME, else from PATH). Idempotent and safe to run
# concurrently (serialised with flock when available).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

modules="$here/node_modules"
state="$modules/.stowage"
stamp="$state/install.stamp"
jar="$state/stub-rules.jar"
stub_source="$here/stub-rules/StubRules.java"

fail() {
    echo "test-emulators/install.sh: $*" >&2
    exit 1
}

command -v node >/dev/null 2>&1 || fail "node is not on PATH; the storage emulator tests need Node.js >= 20 and npm."
command -v npm >/dev/null 2>&1 || fail "npm is not on PATH; the storage emulator tests need Node.js >= 20 and npm."

if command -v flock >/dev/null 2>&1; then
    exec 9>"${TMPDIR:-/tmp}/stowage-test-emulators-$(printf '%s' "$here" | sha256sum | cut -c1-16).lock"
    flock 9
fi

# what node_modules was installed from: the lock file and the Node major version
wanted="$( (sha256sum package.json package-lock.json | cut -d' ' -f1; node -p 'process.versions.node.split(".")[0]') | tr '\n' ' ')"

if [[ -d "$modules" && -f "$stamp" && "$(cat "$stamp")" == "$wanted" \
      && -x "$modules/.bin/azurite-blob" && -x "$modules/.bin/firebase" ]]; then
    echo "test-emulators: node_modules is up to date"
else
    echo "test-emulators: npm ci (Azurite, firebase-tools); the first run downloads ~580 MB of packages"
    start=$SECONDS
    # --ignore-scripts: no package needs its install script here (re2, an optional dependency of firebase-tools'
    # hosting code, would otherwise compile C++ for two minutes or try to download a prebuilt binary)
    NO_UPDATE_NOTIFIER=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
    mkdir -p "$state"
    printf '%s' "$wanted" >"$stamp"
    echo "test-emulators: npm ci took $((SECONDS - start)) s, node_modules is $(du -sh "$modules" | cut -f1)"
fi

if [[ ! -f "$jar" || "$stub_source" -nt "$jar" ]]; then
    javac="javac"
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" ]]; then
        javac="$JAVA_HOME/bin/javac"
    fi
    command -v "$javac" >/dev/null 2>&1 || fail "no javac found (set JAVA_HOME to a JDK)."
    jar_tool="$(dirname "$(readlink -f "$(command -v "$javac")")")/jar"
    classes="$(mktemp -d)"
    trap 'rm -rf "$classes"' EXIT
    "$javac" --release 11 -nowarn -d "$classes" "$stub_source"
    mkdir -p "$state"
    "$jar_tool" --create --file "$jar.tmp" --main-class StubRules -C "$classes" .
    mv -f "$jar.tmp" "$jar"
    echo "test-emulators: built $jar"
fi
