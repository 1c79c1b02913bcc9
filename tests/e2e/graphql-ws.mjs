// SPDX-License-Identifier: MIT
// End to end with the reference graphql-transport-ws client, npm `graphql-ws` (createClient, npm
// `ws` as its WebSocket), against the headless program:
//
//   node tests/e2e/graphql-ws.mjs --server <subscriptor binary>
//
// A query and a mutation over the socket; a subscription to one user's changes gets the mutation's
// change with exactly its selected fields and `extensions.seq`, then another writer's (HTTP)
// change, never another row's; after the client completes it, a new subscription with
// `extensions.resumeAfter` gets the missed changes in order, then live ones; a validation error
// ends an operation with the error sink; the seed's field answers once then completes; the
// client's keep-alive pings are answered all along. Exits 0 passed, 1 failed, 77 skipped.

import { Inbox, check, checkEqual, main, waitFor, within } from './server.mjs';

await main('e2e_graphql_ws', ['graphql-ws', 'ws'], async ({ server, tools, log }) => {
  const { createClient } = tools['graphql-ws'];
  const closes = [];
  let pongs = 0;
  const client = createClient({
    url: server.url,
    webSocketImpl: tools.ws,
    lazy: false,
    retryAttempts: 0,
    keepAlive: 100, // ping every 100 ms; the client closes 4504-like if no pong comes
    on: { closed: (event) => closes.push(event.code), pong: () => { pongs += 1; } },
  });

  /** A query or mutation: every result it gives, once it completes. */
  const request = (payload) =>
    within(new Promise((resolve, reject) => {
      const results = [];
      client.subscribe(payload, { next: (result) => results.push(result), error: reject, complete: () => resolve(results) });
    }), `the answer to ${payload.query}`);

  /** A subscription: its results in an inbox, and its errors. */
  const subscribe = (payload) => {
    const inbox = new Inbox(`change of ${payload.query}`);
    inbox.errors = [];
    inbox.dispose = client.subscribe(payload, {
      next: (result) => inbox.push(result),
      error: (error) => inbox.errors.push(error),
      complete: () => { inbox.completed = true; },
    });
    return inbox;
  };

  const failingCompleted = (inbox) => Boolean(inbox.completed);
  const lastName = (result) => result.data.userChanges.data.lastName;
  const seqOf = (result) => {
    check(/^[1-9][0-9]*$/.test(result.extensions?.seq ?? ''), `no extensions.seq in ${JSON.stringify(result)}`);
    return BigInt(result.extensions.seq);
  };

  // A query over the socket.
  checkEqual(await request({ query: '{ user(id: 5) { username firstName } }' }),
    [{ data: { user: { username: 'meaghan90', firstName: 'Meaghan' } } }], 'the query result');
  log('query answered once, then complete');

  // A subscription; the mutation over the same socket is sent after it, so it is live by then.
  const changes = subscribe({
    query: 'subscription ($id: ID) { userChanges(id: $id) { action data { firstName lastName } } }',
    variables: { id: '5' },
  });
  checkEqual(await request({ query: 'mutation { userUpdate(newUser: {id: 5, firstName: "Graphql"}) { ok user { firstName } } }' }),
    [{ data: { userUpdate: { ok: true, user: { firstName: 'Graphql' } } } }], 'the mutation result');
  const first = await changes.next();
  checkEqual(Object.keys(first).sort(), ['data', 'extensions'], 'the keys of a change result');
  checkEqual(first.data, { userChanges: { action: 'UPDATE', data: { firstName: 'Graphql', lastName: 'Ackerman' } } },
    'the change with exactly its selected fields');
  let lastSeq = seqOf(first);
  log('the mutation over the socket reached the subscription, seq', lastSeq.toString());

  // Another writer; a change of another row is not delivered.
  const other = await server.graphql('mutation { userUpdate(newUser: {id: 6, lastName: "Other"}) { ok } }');
  checkEqual(other, { data: { userUpdate: { ok: true } } }, 'the HTTP mutation of user 6');
  await server.graphql('mutation { userUpdate(newUser: {id: 5, lastName: "Http"}) { ok } }');
  const second = await changes.next();
  checkEqual(second.data, { userChanges: { action: 'UPDATE', data: { firstName: 'Graphql', lastName: 'Http' } } },
    'the next change: user 5 over HTTP, not user 6');
  check(seqOf(second) > lastSeq + 1n, 'the change of user 6 came between: its seq was skipped, not delivered');
  lastSeq = seqOf(second);
  log('another writer\'s change arrived; the other row\'s did not');

  // The client completes; the changes it misses are replayed when it resumes.
  changes.dispose();
  for (const name of ['Missed 1', 'Missed 2'])
    await server.graphql(`mutation { userUpdate(newUser: {id: 5, lastName: "${name}"}) { ok } }`);
  await server.graphql('mutation { userUpdate(newUser: {id: 6, lastName: "Not mine"}) { ok } }');
  const resumed = subscribe({
    query: 'subscription { userChanges(id: "5") { action data { firstName lastName } } }',
    extensions: { resumeAfter: lastSeq.toString() },
  });
  checkEqual(lastName(await resumed.next()), 'Missed 1', 'the first replayed change');
  checkEqual(lastName(await resumed.next()), 'Missed 2', 'the second replayed change');
  await request({ query: 'mutation { userUpdate(newUser: {id: 5, lastName: "Live"}) { ok } }' });
  const live = await resumed.next();
  checkEqual(lastName(live), 'Live', 'the live change after the replay');
  checkEqual(resumed.items.map(seqOf).map((seq) => seq > lastSeq), [true, true, true], 'seqs after the resume point');
  check(seqOf(resumed.items[0]) < seqOf(resumed.items[1]) && seqOf(resumed.items[1]) < seqOf(live), 'seqs in order');
  checkEqual(changes.pending(), [], 'deliveries after the client completed the first subscription');
  checkEqual(failingCompleted(resumed), false, 'the resumed subscription completed');
  resumed.dispose();
  log('resumed with extensions.resumeAfter: missed changes replayed in order, then live');

  // A validation error ends the operation through the error sink, with the errors array.
  const failing = subscribe({ query: 'subscription { userChanges { nope } }' });
  await waitFor(() => failing.errors.length > 0, 'the validation error');
  check(Array.isArray(failing.errors[0]) && /Cannot query field "nope"/.test(failing.errors[0][0].message),
    `the error sink got ${JSON.stringify(failing.errors)}`);
  checkEqual([failing.items, failingCompleted(failing)], [[], false], 'results of the failed operation (no complete after an error)');
  log('a validation error reached the error sink');

  // The seed's subscription field is a request like any other: one result, then complete.
  checkEqual(await request({ query: 'subscription { userSubscription(channelId: "none", action: UPDATE, operation: SUBSCRIBE) { ok stream } }' }),
    [{ data: { userSubscription: { ok: false, stream: 'users' } } }], 'the seed field over graphql-transport-ws');
  log('the seed field answered once, then complete');

  await waitFor(() => pongs > 0, 'a pong for the client\'s keep-alive ping');
  checkEqual(closes, [], 'close events while the client was in use');
  log(`keep-alive pings answered (${pongs} pongs), the socket never closed`);
  await client.dispose();
});
