// SPDX-License-Identifier: MIT
// End to end with the legacy graphql-ws protocol's own client, npm `subscriptions-transport-ws`
// (SubscriptionClient, npm `ws` as its WebSocket), against the headless program:
//
//   node tests/e2e/subscriptions-transport-ws.mjs --server <subscriptor binary>
//
// The client negotiates `graphql-ws`, gets connection_ack and its `ka`; a query and a mutation go
// over the socket (start → data → complete); a subscription gets the mutation's change with
// exactly its selected fields, then another writer's, never another row's; unsubscribing (stop)
// ends it; a validation error (one error object) reaches the observer's error; the seed's field
// answers once then completes; close() sends connection_terminate. Exits 0 passed, 1 failed,
// 77 skipped.

import { Inbox, check, checkEqual, main, waitFor, within } from './server.mjs';

await main('e2e_subscriptions_transport_ws', ['subscriptions-transport-ws', 'ws'], async ({ server, tools, log }) => {
  const { SubscriptionClient } = tools['subscriptions-transport-ws'];
  const connectionErrors = [];
  const client = new SubscriptionClient(server.url, {
    reconnect: false,
    lazy: false,
    timeout: 30_000, // the `ka` watchdog: the server's first `ka` follows the ack at once
    connectionCallback: (error) => { if (error) connectionErrors.push(error); },
  }, tools.ws);
  client.onConnected(() => log('connected with subprotocol', client.client.protocol));

  const request = (payload) =>
    within(new Promise((resolve, reject) => {
      const results = [];
      client.request(payload).subscribe({ next: (result) => results.push(result), error: reject, complete: () => resolve(results) });
    }), `the answer to ${payload.query}`);

  const subscribe = (payload) => {
    const inbox = new Inbox(`change of ${payload.query}`);
    inbox.errors = [];
    inbox.subscription = client.request(payload).subscribe({
      next: (result) => inbox.push(result),
      error: (error) => inbox.errors.push(error),
      complete: () => { inbox.completed = true; },
    });
    return inbox;
  };

  await waitFor(() => client.status === tools.ws.OPEN, 'the connection');
  checkEqual(client.client.protocol, 'graphql-ws', 'the negotiated subprotocol');
  // The client starts its `ka` watchdog on the first `ka`, which follows connection_ack at once.
  await waitFor(() => client.checkConnectionIntervalId !== undefined, 'the first ka (it arms the client\'s ka watchdog)');

  checkEqual(await request({ query: 'query ($id: ID!) { user(id: $id) { username email } }', variables: { id: '2' } }),
    [{ data: { user: { username: 'grace', email: 'grace@example.com' } } }], 'the query result');
  log('query: data, then complete');

  const changes = subscribe({ query: 'subscription { userChanges(id: 5) { action id data { firstName isSuperuser } } }' });
  checkEqual(await request({ query: 'mutation { userUpdate(newUser: {id: 5, firstName: "Legacy"}) { ok user { firstName } } }' }),
    [{ data: { userUpdate: { ok: true, user: { firstName: 'Legacy' } } } }], 'the mutation result');
  const first = await changes.next();
  checkEqual(Object.keys(first).sort(), ['data', 'extensions'], 'the keys of a data payload');
  checkEqual(first.data, { userChanges: { action: 'UPDATE', id: '5', data: { firstName: 'Legacy', isSuperuser: false } } },
    'the change with exactly its selected fields');
  check(/^[1-9][0-9]*$/.test(first.extensions.seq), `extensions.seq in ${JSON.stringify(first)}`);
  log('the mutation over the socket reached the subscription');

  await server.graphql('mutation { userUpdate(newUser: {id: 6, firstName: "Other"}) { ok } }');
  await server.graphql('mutation { userUpdate(newUser: {id: 5, firstName: "Http", isSuperuser: true}) { ok } }');
  checkEqual((await changes.next()).data, { userChanges: { action: 'UPDATE', id: '5', data: { firstName: 'Http', isSuperuser: true } } },
    'the next change: user 5 over HTTP, not user 6');
  log('another writer\'s change arrived; the other row\'s did not');

  // Unsubscribing sends `stop`; the server answers `complete` and delivers nothing more. A second
  // subscription on the same socket proves it: it sees the next change, the first one does not.
  changes.subscription.unsubscribe();
  const after = subscribe({ query: 'subscription { userChanges(id: 5) { data { firstName } } }' });
  await request({ query: 'mutation { userUpdate(newUser: {id: 5, firstName: "After stop"}) { ok } }' });
  checkEqual((await after.next()).data, { userChanges: { data: { firstName: 'After stop' } } }, 'the change after the stop');
  checkEqual(changes.pending(), [], 'deliveries after unsubscribing');
  after.subscription.unsubscribe();
  log('unsubscribe (stop) ended the subscription');

  // A validation error: the observer's error gets the one error of the `error` message.
  const failing = subscribe({ query: 'subscription { userChanges { nope } }' });
  await waitFor(() => failing.errors.length > 0, 'the validation error');
  // The client hands the observer the first error of the list it makes of the payload.
  check(failing.errors.length === 1 && /Cannot query field "nope"/.test(failing.errors[0].message),
    `the error observer got ${JSON.stringify(failing.errors)}`);
  checkEqual(failing.items, [], 'results of the failed operation');
  log('a validation error reached the observer');

  checkEqual(await request({ query: 'subscription { userSubscription(channelId: "none", action: UPDATE, operation: SUBSCRIBE) { ok stream } }' }),
    [{ data: { userSubscription: { ok: false, stream: 'users' } } }], 'the seed field over graphql-ws');
  log('the seed field answered once, then complete');

  checkEqual(connectionErrors, [], 'connection errors');
  // close() sends connection_terminate; the server closes the socket.
  const socket = client.client;
  const closed = new Promise((resolve) => socket.on('close', (code) => resolve(code)));
  client.close();
  const code = await within(closed, 'the server to close the socket');
  log(`closed (${code}) after connection_terminate`);
});
