// SPDX-License-Identifier: MIT
// End to end with Apollo Client (`@apollo/client` core, no React) whose one link is GraphQLWsLink
// over npm `graphql-ws`, so queries, mutations and subscriptions all go over the
// graphql-transport-ws socket:
//
//   node tests/e2e/apollo.mjs --server <subscriptor binary>
//
// Apollo adds `__typename` to every selection set for its cache, so the documents select it
// themselves: the results are then exactly what was selected. Exits 0 passed, 1 failed, 77 skipped.

import { Inbox, check, checkEqual, main } from './server.mjs';

await main('e2e_apollo', ['@apollo/client', '@apollo/client/link/subscriptions', 'graphql-ws', 'ws'], async ({ server, tools, log }) => {
  const { ApolloClient, InMemoryCache, gql } = tools['@apollo/client'];
  const { GraphQLWsLink } = tools['@apollo/client/link/subscriptions'];
  // GraphQLWsLink tells socket errors from GraphQL errors with `WebSocket.CLOSED`, read from the
  // global WebSocket that browsers and Node.js 22 have and Node.js 20 lacks: without one, every
  // `error` message becomes a ReferenceError. npm `ws` has the same constants.
  globalThis.WebSocket ??= tools.ws;
  const closes = [];
  const wsClient = tools['graphql-ws'].createClient({
    url: server.url,
    webSocketImpl: tools.ws,
    retryAttempts: 0,
    on: { closed: (event) => closes.push(event.code) },
  });
  const client = new ApolloClient({ link: new GraphQLWsLink(wsClient), cache: new InMemoryCache() });

  const query = await client.query({
    query: gql`query User($id: ID!) { user(id: $id) { __typename id username lastName } }`,
    variables: { id: '5' },
    fetchPolicy: 'network-only',
  });
  checkEqual(query.data, { user: { __typename: 'User', id: '5', username: 'meaghan90', lastName: 'Ackerman' } }, 'the query result');
  log('query over the socket');

  const changes = new Inbox('change of user 5');
  const errors = [];
  const subscription = client.subscribe({
    query: gql`subscription Watch { userChanges(id: 5) { __typename action seq data { __typename id firstName } } }`,
  }).subscribe({ next: (result) => changes.push(result), error: (error) => errors.push(error) });

  const mutation = await client.mutate({
    mutation: gql`mutation Rename($name: String!) { userUpdate(newUser: {id: 5, firstName: $name}) { __typename ok user { __typename id firstName } } }`,
    variables: { name: 'Apollo' },
  });
  checkEqual(mutation.data, { userUpdate: { __typename: 'UserMutationResult', ok: true, user: { __typename: 'User', id: '5', firstName: 'Apollo' } } },
    'the mutation result');
  log('mutation over the socket');

  const first = await changes.next();
  const seq = first.data?.userChanges?.seq;
  check(/^[1-9][0-9]*$/.test(seq ?? ''), `a seq in ${JSON.stringify(first)}`);
  checkEqual(first.data, { userChanges: { __typename: 'UserChangeEvent', action: 'UPDATE', seq, data: { __typename: 'User', id: '5', firstName: 'Apollo' } } },
    'the change with exactly its selected fields');
  log('the subscription got the change, seq', seq);

  // Another writer (HTTP); another row's change is not delivered.
  await server.graphql('mutation { userUpdate(newUser: {id: 6, firstName: "Other"}) { ok } }');
  await server.graphql('mutation { userUpdate(newUser: {id: 5, firstName: "Http"}) { ok } }');
  const second = await changes.next();
  checkEqual(second.data.userChanges.data, { __typename: 'User', id: '5', firstName: 'Http' }, 'the next change: user 5, not user 6');
  check(BigInt(second.data.userChanges.seq) === BigInt(seq) + 2n, 'the change of user 6 had the seq in between');
  log('another writer\'s change arrived; the other row\'s did not');

  subscription.unsubscribe();
  checkEqual(errors, [], 'subscription errors');

  // A validation error comes back as the operation's error.
  let failure = null;
  try {
    await client.query({ query: gql`{ user(id: 5) { nope } }`, fetchPolicy: 'network-only' });
  } catch (error) {
    failure = error;
  }
  check(failure && /Cannot query field "nope"/.test(failure.message), `the failed query gave ${failure?.stack ?? failure}`);
  log('a validation error reached the client:', failure.message);

  // The lazy client closes with 1000 when its last operation ends, and reconnects for the next.
  checkEqual(closes.filter((code) => code !== 1000), [], 'abnormal closes while the client was in use');
  client.stop();
  await wsClient.dispose();
});
