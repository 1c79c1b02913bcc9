// SPDX-License-Identifier: MIT
// What the end-to-end tests with third-party clients share: the headless program on a temporary
// database (`subscriptor --headless --port 0`, its `listening ws://HOST:PORT/PATH` line read),
// the npm clients resolved from tests/js (the one package.json of the tests' node tooling), checks
// that say what differed, and a main() that runs a test and maps its outcome to an exit code:
// 0 passed, 1 failed, 77 skipped (ctest's SKIP_RETURN_CODE) when node or a package is missing.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

export const Skip = 77;
export const Timeout = 30_000;

const here = dirname(fileURLToPath(import.meta.url));

export class Failure extends Error {}

export function check(condition, message) {
  if (!condition)
    throw new Failure(message);
}

export function checkEqual(actual, expected, what) {
  if (!isDeepStrictEqual(actual, expected))
    throw new Failure(`${what}:\n  actual:   ${JSON.stringify(actual)}\n  expected: ${JSON.stringify(expected)}`);
}

/** Polls until predicate() is truthy; never asserts on how long it took, only bounds the wait. */
export async function waitFor(predicate, what, timeout = Timeout) {
  const deadline = Date.now() + timeout;
  while (!predicate()) {
    if (Date.now() > deadline)
      throw new Failure(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves with the settled value of `promise`, or fails after the bound. */
export async function within(promise, what, timeout = Timeout) {
  let timer;
  const expiry = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Failure(`timed out waiting for ${what}`)), timeout);
  });
  try {
    return await Promise.race([promise, expiry]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * require() for the packages installed in tests/js. CommonJS builds throughout, so that every
 * client and `graphql` are one module instance each.
 */
export const requireTool = createRequire(join(here, '..', 'js', 'package.json'));

/** The headless server as a child process, on a database in a directory of its own. */
export class HeadlessServer {
  constructor(binary) {
    this.binary = binary;
    this.directory = mkdtempSync(join(tmpdir(), 'subscriptor-e2e-'));
    this.database = join(this.directory, 'e2e.sqlite3');
  }

  async start() {
    this.stdout = '';
    this.stderr = '';
    this.exit = null;
    this.process = spawn(this.binary, ['--headless', '--db', this.database, '--port', '0'], {
      env: { ...process.env, QT_LOGGING_RULES: '*.debug=false;*.info=false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process.stdout.on('data', (chunk) => { this.stdout += chunk; });
    this.process.stderr.on('data', (chunk) => { this.stderr += chunk; });
    this.process.on('exit', (code, signal) => { this.exit = { code, signal }; });
    await waitFor(() => /\n/.test(this.stdout) || this.exit, 'the server to say where it listens');
    const match = /^listening (ws:\/\/(\S+?)(\/\S*))\n/m.exec(this.stdout);
    check(match, `the server did not start: ${this.stdout}${this.stderr}`);
    [, this.url, this.host, this.path] = match;
    this.http = `http://${this.host}${this.path}`;
    return this;
  }

  /** Stops it as a service manager would (SIGTERM: every WebSocket gets 1001) and checks it exits 0. */
  async stop() {
    if (this.process && !this.exit) {
      this.process.kill('SIGTERM');
      await waitFor(() => this.exit, 'the server to exit on SIGTERM');
      check(this.exit.code === 0, `the server exited with ${JSON.stringify(this.exit)}: ${this.stderr}`);
    }
  }

  /** Removes the temporary directory, killing the server first if it still runs. */
  async dispose() {
    if (this.process && !this.exit) {
      this.process.kill('SIGKILL');
      await waitFor(() => this.exit, 'the server to die', 5_000).catch(() => {});
    }
    rmSync(this.directory, { recursive: true, force: true });
  }

  /** GraphQL over HTTP, as another writer of the same database would change it. */
  async graphql(query, variables) {
    const response = await fetch(this.http, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(variables ? { query, variables } : { query }),
    });
    check(response.status === 200, `HTTP ${response.status} for ${query}`);
    return response.json();
  }
}

/**
 * Runs `test({ server, tools, log })` as a command-line program:
 *   node tests/e2e/<name>.mjs --server <path to subscriptor>
 * `packages` are loaded from tests/js first; a missing one (or a node without fetch) skips.
 */
export async function main(name, packages, test) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--server');
  const binary = at >= 0 ? argv[at + 1] : undefined;
  if (!binary) {
    console.error(`usage: node ${name}.mjs --server <subscriptor binary>`);
    process.exit(2);
  }
  const skip = (reason) => {
    console.log(`${name} SKIPPED: ${reason}`);
    process.exit(Skip);
  };
  if (typeof fetch !== 'function')
    skip(`this node (${process.version}) has no fetch; Node.js 18 or later is needed`);
  const tools = {};
  for (const name of packages) {
    try {
      tools[name] = requireTool(name);
    } catch (error) {
      if (error.code !== 'MODULE_NOT_FOUND')
        throw error;
      skip(`tests/js/node_modules has no \`${name}\`: run \`npm ci\` in tests/js`);
    }
  }
  const log = (...line) => console.log(`${name}:`, ...line);
  const server = new HeadlessServer(binary);
  let failed = false;
  try {
    await server.start();
    log('server at', server.url);
    await test({ server, tools, log });
    await server.stop();
  } catch (error) {
    failed = true;
    console.error(`${name} FAILED: ${error instanceof Failure ? error.message : error?.stack ?? JSON.stringify(error)}`);
    if (server.stderr)
      console.error(`server stderr:\n${server.stderr}`);
  } finally {
    await server.dispose();
  }
  console.log(failed ? `${name}: 0 passed, 1 failed` : `${name}: 1 passed, 0 failed`);
  // Clients may leave timers behind (reconnects, keep-alives): the outcome is known, end here.
  process.exit(failed ? 1 : 0);
}

/**
 * An async queue of what a subscription delivers: push() from the client's callbacks, next()
 * to take the next item within the bound, and `items` for everything so far.
 */
export class Inbox {
  constructor(what) {
    this.what = what;
    this.items = [];
    this.taken = 0;
  }

  push(item) { this.items.push(item); }

  async next() {
    await waitFor(() => this.items.length > this.taken, `the next ${this.what}`);
    return this.items[this.taken++];
  }

  pending() { return this.items.slice(this.taken); }
}

/** `{ ok }` of a mutation's one field, through a client's result. */
export function mutationOk(data) {
  const field = data && Object.values(data)[0];
  return Boolean(field && field.ok);
}
