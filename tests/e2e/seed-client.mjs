// SPDX-License-Identifier: MIT
// End to end with a third-party WebSocket client (npm `ws`), behaving like the original package's
// example web client (reference/seed-protocol.md §7): it connects to ws://host/route, logs every
// frame as a numbered line, and after an unexpected close reconnects with the backoff
// min(30, 2^k − 1) s (1, 3, 7, 15, 30 s), the counter reset by each successful open. Subscribe
// and mutate go over HTTP with fetch, as the README's users did from GraphiQL and Insomnia.
//
//   node tests/e2e/seed-client.mjs --server <subscriptor binary> [--ms-per-second 50]
//
// Starts `subscriptor --headless --port 0` on a temporary database, subscribes as the README does,
// mutates and checks the notification; kills the server (SIGKILL) and later stops it (SIGTERM,
// 1001), restarting it on the same port each time, and checks that the client comes back with
// the documented backoff, gets a new channel_id and subscribes again with it. Exits 0 on success,
// 1 on failure, 77 (skipped) when node lacks fetch or tests/js has no `ws` (run `npm ci` there).

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const Skip = 77;
const Timeout = 30_000;
const here = dirname(fileURLToPath(import.meta.url));

function skip(reason) {
  console.log(`e2e_seed_client SKIPPED: ${reason}`);
  process.exit(Skip);
}

function parseArguments(argv) {
  const options = { msPerSecond: 50 };
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (value === undefined) usage(`${key} needs a value`);
    if (key === '--server') options.server = value;
    else if (key === '--ms-per-second') options.msPerSecond = Number(value);
    else usage(`unknown option ${key}`);
  }
  if (!options.server) usage('--server is required');
  if (!(options.msPerSecond > 0)) usage('--ms-per-second must be a positive number');
  return options;
}

function usage(message) {
  console.error(`seed-client.mjs: ${message}\nusage: node seed-client.mjs --server <subscriptor> [--ms-per-second <ms>]`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// The client: the example web client's behaviour, without its page.

const ReadyStates = [
  'The connection is not yet open',
  'The connection is open and ready to communicate',
  'The connection is in the process of closing',
  "The connection is closed or couldn't be opened",
];

export class SeedClient {
  /**
   * host: "localhost:8000"; route: "graphql"; msPerSecond: how long one second of the backoff lasts
   * (1000 as in the original; tests shorten it); onChannel(channelId): called on every (re)connect.
   */
  constructor(WebSocket, { host, route, secure = false, msPerSecond = 1000, onChannel = () => {}, log = () => {} }) {
    this.WebSocket = WebSocket;
    this.address = `${secure ? 'wss' : 'ws'}://${host}/${route}`;
    this.msPerSecond = msPerSecond;
    this.onChannel = onChannel;
    this.print = log;
    this.output = []; // the numbered log, as the example's output panel
    this.frames = []; // every text frame received, in order
    this.delays = []; // every reconnect delay it chose, in ms
    this.opens = 0;
    this.attempts = 1;
    this.count = 1;
    this.everConnected = false;
    this.closedByUser = false;
    this.channelId = null;
  }

  /** The example's generateInterval: min(30, 2^k − 1) seconds. */
  interval(k) {
    return Math.min(30, 2 ** k - 1) * this.msPerSecond;
  }

  log(line) {
    const numbered = `${this.count++}- ${line}`;
    this.output.push(numbered);
    this.print(numbered);
  }

  connect() {
    this.closedByUser = false;
    this.open();
  }

  open() {
    const socket = new this.WebSocket(this.address);
    this.socket = socket;
    this.channelId = null;
    socket.on('open', () => {
      this.attempts = 1; // a new connection: the backoff starts again
      this.everConnected = true;
      this.opens += 1;
      this.log(`${ReadyStates[socket.readyState]} !!!`);
    });
    socket.on('message', (data, isBinary) => {
      const text = isBinary ? `<binary ${data.length} bytes>` : data.toString('utf8');
      this.log(`RECEIVE: ${text}`);
      this.frames.push(text);
      if (this.channelId === null && !isBinary) {
        const frame = JSON.parse(text);
        if (frame.connect === 'success' && typeof frame.channel_id === 'string') {
          this.channelId = frame.channel_id;
          this.onChannel(this.channelId);
        }
      }
    });
    socket.on('error', () => {
      this.log(`Error detected: ${ReadyStates[socket.readyState]} (address: ${this.address})`);
    });
    socket.on('close', (code) => {
      if (!this.everConnected || socket !== this.socket)
        return;
      if (this.closedByUser) {
        this.log('The connection is in the process of closing');
        return;
      }
      const time = this.interval(this.attempts);
      this.delays.push(time);
      this.log(`The connection is in the process of closing (code ${code}) (reconecting after ${time} ms)`);
      this.timer = setTimeout(() => {
        this.attempts += 1;
        this.open();
      }, time);
    });
  }

  /** Disconnect !!!: closes without reconnecting, resets the counter and clears the output. */
  disconnect() {
    this.closedByUser = true;
    clearTimeout(this.timer);
    this.socket?.close();
    this.attempts = 1;
    this.count = 1;
    this.output = [];
  }

  send(message) {
    if (this.socket?.readyState === 1) {
      this.socket.send(message);
      this.log(`SEND: ${message}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The test.

class Failure extends Error {}

function check(condition, message) {
  if (!condition)
    throw new Failure(message);
}

function checkEqual(actual, expected, what) {
  if (!isDeepStrictEqual(actual, expected))
    throw new Failure(`${what}:\n  actual:   ${JSON.stringify(actual)}\n  expected: ${JSON.stringify(expected)}`);
}

async function waitFor(predicate, what, timeout = Timeout) {
  const deadline = Date.now() + timeout;
  while (!predicate()) {
    if (Date.now() > deadline)
      throw new Failure(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The headless server as a child process. */
class Server {
  constructor(binary, database) {
    this.binary = binary;
    this.database = database;
  }

  async start(port = 0) {
    this.stdout = '';
    this.stderr = '';
    this.exit = null;
    this.process = spawn(this.binary, ['--headless', '--db', this.database, '--port', String(port)], {
      env: { ...process.env, QT_LOGGING_RULES: '*.debug=false;*.info=false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process.stdout.on('data', (chunk) => { this.stdout += chunk; });
    this.process.stderr.on('data', (chunk) => { this.stderr += chunk; });
    this.process.on('exit', (code, signal) => { this.exit = { code, signal }; });
    await waitFor(() => this.stdout.includes('\n') || this.exit, 'the server to say where it listens');
    const match = /^listening ws:\/\/(127\.0\.0\.1:(\d+))\/(\S*)\n$/.exec(this.stdout);
    check(match, `the server did not start: ${this.stdout}${this.stderr}`);
    [, this.host, this.port, this.route] = match;
    this.port = Number(this.port);
    this.http = `http://${this.host}/${this.route}`;
  }

  async stop(signal) {
    if (!this.process || this.exit)
      return this.exit;
    this.process.kill(signal);
    await waitFor(() => this.exit, `the server to exit on ${signal}`);
    return this.exit;
  }

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

// The README's subscription (seed README, "Subscription's examples").
function readmeSubscription(channelId, operation = 'SUBSCRIBE') {
  return `subscription{
  userSubscription(
    action: UPDATE,
    operation: ${operation},
    channelId: "${channelId}",
    id: 5${operation === 'SUBSCRIBE' ? ',\n    data: [ID, USERNAME, FIRST_NAME, LAST_NAME, EMAIL, IS_SUPERUSER]' : ''}
  ){
    ok
    error
    stream
  }
}`;
}

const Ack = '{"stream": "users", "operation": "subscribe", "action": "update", "ok": true, "error": null}';

function notification(firstName) {
  const data = { id: 5, username: 'meaghan90', first_name: firstName, last_name: 'Ackerman', email: 'meaghan@gmail.com', is_superuser: false };
  return {
    parsed: { stream: 'users', payload: { action: 'update', data, model: 'auth.user' } },
    text: `{"stream": "users", "payload": {"action": "update", "data": ${JSON.stringify(data).replaceAll('":', '": ').replaceAll(',"', ', "')}, "model": "auth.user"}}`,
  };
}

async function run(WebSocket, options) {
  const directory = mkdtempSync(join(tmpdir(), 'subscriptor-e2e-'));
  const server = new Server(options.server, join(directory, 'e2e.sqlite3'));
  let client = null;
  const subscribed = []; // the channel ids the client subscribed with, in order
  const subscribeErrors = [];
  try {
    await server.start();

    client = new SeedClient(WebSocket, {
      host: server.host,
      route: server.route,
      msPerSecond: options.msPerSecond,
      log: (line) => console.log(`  client ${line}`),
      // As a user of the README does after every (re)connect: subscribe again with the new id.
      onChannel: (channelId) => {
        server.graphql(readmeSubscription(channelId)).then((result) => {
          if (isDeepStrictEqual(result, { data: { userSubscription: { ok: true, error: null, stream: 'users' } } }))
            subscribed.push(channelId);
          else
            subscribeErrors.push(JSON.stringify(result));
        }, (error) => subscribeErrors.push(String(error)));
      },
    });

    // 1. Connect, subscribe as the README does, see the ack, change user 5, see the notification.
    client.connect();
    // The n-th subscription is done when both its ack (on the socket) and its HTTP result have
    // come: the server sends them a moment apart, and either may be read first.
    const acked = (n) => client.frames.filter((frame) => frame === Ack).length >= n && subscribed.length >= n;
    await waitFor(() => acked(1) || subscribeErrors.length, 'the first ack');
    checkEqual(subscribeErrors, [], 'subscribe errors');
    check(/^[A-Za-z]{10}![A-Za-z]{10}$/.test(subscribed[0]), `channel_id ${subscribed[0]}`);
    checkEqual(client.frames[0], `{"channel_id": "${subscribed[0]}", "connect": "success"}`, 'the connect frame');

    const change = async (firstName) => {
      const before = client.frames.length;
      const result = await server.graphql(
        'mutation ($u: UserInput!) { userUpdate(newUser: $u) { ok errors { field messages } } }',
        { u: { id: '5', firstName } });
      checkEqual(result, { data: { userUpdate: { ok: true, errors: null } } }, 'the mutation');
      const expected = notification(firstName);
      await waitFor(() => client.frames.slice(before).some((frame) => frame.includes(firstName)), `the notification for ${firstName}`);
      const frame = client.frames.slice(before).find((candidate) => candidate.includes(firstName));
      checkEqual(JSON.parse(frame), expected.parsed, 'the notification');
      checkEqual(frame, expected.text, 'the notification text');
    };
    await change('Meaghan (first run)');

    // 2. The server dies without a word (SIGKILL): the client retries after 1, 3, 7… (scaled)
    //    while it is down, and comes back once it is up again on the same port.
    const port = server.port;
    await server.stop('SIGKILL');
    await waitFor(() => client.delays.length >= 3, 'three reconnect attempts while the server is down');
    const unit = options.msPerSecond;
    checkEqual(client.delays.slice(0, 3), [1 * unit, 3 * unit, 7 * unit], 'the backoff while the server is down');
    await server.start(port);
    await waitFor(() => client.opens === 2, 'the client to reconnect');
    await waitFor(() => acked(2) || subscribeErrors.length, 'the ack of the new subscription');
    checkEqual(subscribeErrors, [], 'subscribe errors');
    check(subscribed.length === 2 && subscribed[1] !== subscribed[0], `a new channel_id: ${subscribed}`);
    await change('Meaghan (after a crash)');
    // The old id is gone with the old server (seed README: "you must reestablish ... with the new id").
    const stale = await server.graphql(readmeSubscription(subscribed[0]));
    checkEqual(stale.data.userSubscription.ok, false, 'subscribing with the old channel_id');

    // 3. A graceful stop (SIGTERM → 1001, exit 0) is also unexpected for the client: it retries,
    //    its backoff having started again at 1 with the successful open.
    const delaysBefore = client.delays.length;
    checkEqual(await server.stop('SIGTERM'), { code: 0, signal: null }, 'the exit on SIGTERM');
    await waitFor(() => client.delays.length > delaysBefore, 'a reconnect after the graceful stop');
    checkEqual(client.delays[delaysBefore], 1 * unit, 'the backoff after a successful open');
    check(client.output.some((line) => line.includes('(code 1001)')), 'the client saw 1001 Going Away');
    await server.start(port);
    await waitFor(() => client.opens === 3, 'the client to reconnect again');
    await waitFor(() => acked(3) || subscribeErrors.length, 'the third ack');
    checkEqual(subscribeErrors, [], 'subscribe errors');
    await change('Meaghan (after a restart)');

    // 4. Disconnect !!!: closed by the user, no reconnect.
    const opens = client.opens;
    const delays = client.delays.length;
    client.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 3 * unit));
    check(client.opens === opens && client.delays.length === delays, 'no reconnect after Disconnect');
    checkEqual(await server.stop('SIGTERM'), { code: 0, signal: null }, 'the exit on SIGTERM');
    console.log(`e2e_seed_client: passed (${client.frames.length} frames, reconnect delays ${client.delays.join(', ')} ms)`);
    return 0;
  } catch (error) {
    if (!(error instanceof Failure))
      throw error;
    console.error(`e2e_seed_client FAILED: ${error.message}`);
    if (server.stderr)
      console.error(`server stderr:\n${server.stderr}`);
    return 1;
  } finally {
    client?.disconnect();
    await server.stop('SIGKILL').catch(() => {});
    rmSync(directory, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const options = parseArguments(process.argv.slice(2));
  if (typeof fetch !== 'function')
    skip(`this node (${process.version}) has no fetch; Node.js 18 or later is needed`);
  // All node tooling of the tests shares tests/js/package.json; resolve ws from there.
  const requireFromTools = createRequire(join(here, '..', 'js', 'package.json'));
  let WebSocket;
  try {
    WebSocket = requireFromTools('ws');
  } catch {
    skip('tests/js/node_modules has no `ws`: run `npm ci` in tests/js');
  }
  process.exitCode = await run(WebSocket, options);
}
