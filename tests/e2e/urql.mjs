// SPDX-License-Identifier: MIT
// End to end with urql (`@urql/core`) whose only exchange is subscriptionExchange over npm
// `graphql-ws` with enableAllOperations, so queries, mutations and subscriptions all go over the
// graphql-transport-ws socket:
//
//   node tests/e2e/urql.mjs --server <subscriptor binary>
//
// urql adds `__typename` to selection sets, so the documents select it themselves: the results
// are then exactly what was selected. Exits 0 passed, 1 failed, 77 skipped.

import { Inbox, check, checkEqual, main } from './server.mjs';

await main('e2e_urql', ['@urql/core', 'graphql-ws', 'ws'], async ({ server, tools, log }) => {
  const { Client, gql, subscriptionExchange } = tools['@urql/core'];
  const closes = [];
  const wsClient = tools['graphql-ws'].createClient({
    url: server.url,
    webSocketImpl: tools.ws,
    retryAttempts: 0,
    on: { closed: (event) => closes.push(event.code) },
  });
  const client = new Client({
    url: server.http, // unused: every operation goes through the socket
    exchanges: [subscriptionExchange({
      enableAllOperations: true,
      forwardSubscription: (request, operation) => ({
        subscribe: (sink) => {
          // urql tears a query or mutation down from inside sink.next, before the server's
          // `complete` (sent right after the one `next`, §1.2) is read. graphql-ws 6.4.2 then
          // releases the operation twice, once for the client's complete and once for the
          // server's crossing one: its lock count drops by two and the lazy socket closes with
          // 1000 under a live subscription. So a single-result operation that has its result is
          // left to the server's `complete`; only one still waiting is disposed of.
          let answered = false;
          const dispose = wsClient.subscribe({ ...request, query: request.query || '' }, {
            next: (result) => { answered = true; sink.next(result); },
            error: (error) => sink.error(error),
            complete: () => sink.complete(),
          });
          return { unsubscribe: () => { if (operation.kind === 'subscription' || !answered) dispose(); } };
        },
      }),
    })],
  });

  const query = await client.query(gql`query ($id: ID!) { user(id: $id) { __typename id email } }`, { id: '2' },
    { requestPolicy: 'network-only' }).toPromise();
  check(!query.error, `query error: ${query.error}`);
  checkEqual(query.data, { user: { __typename: 'User', id: '2', email: 'grace@example.com' } }, 'the query result');
  log('query over the socket');

  const changes = new Inbox('change of user 5');
  const subscription = client.subscription(
    gql`subscription { userChanges(id: 5, actions: [UPDATE]) { __typename action data { __typename id lastName } } }`, {},
  ).subscribe((result) => changes.push(result));

  const mutation = await client.mutation(
    gql`mutation ($u: UserInput!) { userUpdate(newUser: $u) { __typename ok user { __typename id lastName } } }`,
    { u: { id: '5', lastName: 'Urql' } },
  ).toPromise();
  check(!mutation.error, `mutation error: ${mutation.error}`);
  checkEqual(mutation.data, { userUpdate: { __typename: 'UserMutationResult', ok: true, user: { __typename: 'User', id: '5', lastName: 'Urql' } } },
    'the mutation result');
  log('mutation over the socket');

  const first = await changes.next();
  check(!first.error, `subscription error: ${first.error}`);
  checkEqual(first.data, { userChanges: { __typename: 'UserChangeEvent', action: 'UPDATE', data: { __typename: 'User', id: '5', lastName: 'Urql' } } },
    'the change with exactly its selected fields');
  check(/^[1-9][0-9]*$/.test(first.extensions?.seq ?? ''), `extensions.seq in ${JSON.stringify(first.extensions)}`);
  log('the subscription got the change, seq', first.extensions.seq);

  // Another writer (HTTP); the other row's change and a create are filtered out.
  await server.graphql('mutation { userUpdate(newUser: {id: 6, lastName: "Other"}) { ok } }');
  await server.graphql('mutation { userCreate(newUser: {username: "urql"}) { ok } }');
  await server.graphql('mutation { userUpdate(newUser: {id: 5, lastName: "Http"}) { ok } }');
  const second = await changes.next();
  checkEqual(second.data.userChanges.data, { __typename: 'User', id: '5', lastName: 'Http' }, 'the next change: user 5, not user 6');
  check(BigInt(second.extensions.seq) === BigInt(first.extensions.seq) + 3n, 'the two other changes had the seqs in between');
  log('another writer\'s change arrived; the other row\'s and the create did not');
  subscription.unsubscribe();

  // A validation error comes back as the result's CombinedError.
  const failed = await client.query(gql`{ user(id: 5) { nope } }`, {}, { requestPolicy: 'network-only' }).toPromise();
  check(failed.error && /Cannot query field "nope"/.test(failed.error.message), `the failed query gave ${failed.error}`);
  log('a validation error reached the client:', failed.error.message);

  // The lazy socket closes with 1000 when its last operation ends, and reconnects for the next.
  checkEqual(closes.filter((code) => code !== 1000), [], 'abnormal closes while the client was in use');
  await wsClient.dispose();
});
