// SPDX-License-Identifier: MIT
// The reference server of bench_gtw: graphql-ws's `useServer` on a `ws` WebSocketServer, a graphql-js
// schema of the same shape as Subscriptor's demo `User` model, and an in-memory pubsub. This is how
// a graphql-ws user would commonly build one (the graphql-subscriptions pattern: a PubSub, an async
// iterator per subscription, a filter); nothing here is tuned for the benchmark.
//
//   node reference-gtw-server.mjs [--host 127.0.0.1] [--port 0]
//
// prints `listening ws://HOST:PORT/graphql` on standard output once it listens, and runs until it
// is terminated. graphql-js, graphql-ws and ws come from tests/js (`npm ci` there).
//
// Schema (the part of Subscriptor's that the benchmark uses, with the same names and types):
//   type User { id: ID!, username: String!, firstName: String!, lastName: String!, email: String!, isSuperuser: Boolean! }
//   enum ActionSubscriptionEnum { CREATE UPDATE DELETE ALL_ACTIONS }
//   type UserChangeEvent { action, stream, model, seq: String!, id: ID!, changedAt, data: User, previous: User }
//   type Subscription { userChanges(actions: [ActionSubscriptionEnum!], id: ID): UserChangeEvent! }
//   type Mutation { userUpdate(newUser: UserInput!): UserMutationResult! }   (ok, errors, user)
//   type Query { user(id: ID!): User }
import { createRequire } from 'node:module';

const require = createRequire(new URL('../js/package.json', import.meta.url));
const {
    GraphQLBoolean, GraphQLEnumType, GraphQLID, GraphQLInputObjectType, GraphQLList, GraphQLNonNull,
    GraphQLObjectType, GraphQLSchema, GraphQLString,
} = require('graphql');
const { WebSocketServer } = require('ws');
const { useServer } = require('graphql-ws/use/ws');

const argument = (name, fallback) => {
    const at = process.argv.indexOf(name);
    return at > 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
};
const host = argument('--host', '127.0.0.1');
const port = Number(argument('--port', '0'));

// The demo rows of Subscriptor (resources/demo/rows.sql).
const users = new Map([
    [1, { id: 1, username: 'admin', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', isSuperuser: true }],
    [2, { id: 2, username: 'grace', firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', isSuperuser: false }],
    [3, { id: 3, username: 'linus', firstName: 'Linus', lastName: 'Torvalds', email: 'linus@example.com', isSuperuser: false }],
    [4, { id: 4, username: 'margaret', firstName: 'Margaret', lastName: 'Hamilton', email: 'margaret@example.com', isSuperuser: false }],
    [5, { id: 5, username: 'meaghan90', firstName: 'Meaghan', lastName: 'Ackerman', email: 'meaghan@gmail.com', isSuperuser: false }],
    [6, { id: 6, username: 'john', firstName: 'Dacia', lastName: 'Doe', email: '', isSuperuser: false }],
]);
let lastSeq = 0;

/** An in-memory pubsub: topics of listeners, and an async iterator per subscriber (as graphql-subscriptions'). */
class PubSub {
    constructor() {
        this.topics = new Map();
    }

    publish(topic, event) {
        const listeners = this.topics.get(topic);
        if (listeners) {
            for (const listener of listeners)
                listener(event);
        }
    }

    /** An AsyncIterator of the events of `topic` that pass `filter`; return() unsubscribes. */
    asyncIterator(topic, filter) {
        const queue = [];
        const waiting = [];
        let done = false;
        const listener = (event) => {
            if (!filter(event))
                return;
            if (waiting.length > 0)
                waiting.shift()({ value: event, done: false });
            else
                queue.push(event);
        };
        if (!this.topics.has(topic))
            this.topics.set(topic, new Set());
        this.topics.get(topic).add(listener);
        const finish = () => {
            if (!done) {
                done = true;
                this.topics.get(topic).delete(listener);
                for (const resolve of waiting.splice(0))
                    resolve({ value: undefined, done: true });
                queue.length = 0;
            }
            return Promise.resolve({ value: undefined, done: true });
        };
        return {
            next() {
                if (queue.length > 0)
                    return Promise.resolve({ value: queue.shift(), done: false });
                if (done)
                    return Promise.resolve({ value: undefined, done: true });
                return new Promise((resolve) => waiting.push(resolve));
            },
            return: finish,
            throw(error) {
                finish();
                return Promise.reject(error);
            },
            [Symbol.asyncIterator]() {
                return this;
            },
        };
    }
}

const pubsub = new PubSub();
const nonNull = (type) => new GraphQLNonNull(type);

const User = new GraphQLObjectType({
    name: 'User',
    fields: {
        id: { type: nonNull(GraphQLID) },
        username: { type: nonNull(GraphQLString) },
        firstName: { type: nonNull(GraphQLString) },
        lastName: { type: nonNull(GraphQLString) },
        email: { type: nonNull(GraphQLString) },
        isSuperuser: { type: nonNull(GraphQLBoolean) },
    },
});
const Action = new GraphQLEnumType({
    name: 'ActionSubscriptionEnum',
    values: { CREATE: { value: 'create' }, UPDATE: { value: 'update' }, DELETE: { value: 'delete' }, ALL_ACTIONS: { value: 'all_actions' } },
});
const UserChangeEvent = new GraphQLObjectType({
    name: 'UserChangeEvent',
    fields: {
        action: { type: nonNull(Action) },
        stream: { type: nonNull(GraphQLString) },
        model: { type: nonNull(GraphQLString) },
        seq: { type: nonNull(GraphQLString) },
        id: { type: nonNull(GraphQLID) },
        changedAt: { type: nonNull(GraphQLString) },
        data: { type: User },
        previous: { type: User },
    },
});
const ErrorType = new GraphQLObjectType({
    name: 'ErrorType',
    fields: { field: { type: nonNull(GraphQLString) }, messages: { type: nonNull(new GraphQLList(nonNull(GraphQLString))) } },
});
const UserInput = new GraphQLInputObjectType({
    name: 'UserInput',
    fields: {
        id: { type: GraphQLID },
        username: { type: GraphQLString },
        firstName: { type: GraphQLString },
        lastName: { type: GraphQLString },
        email: { type: GraphQLString },
        isSuperuser: { type: GraphQLBoolean },
    },
});
const UserMutationResult = new GraphQLObjectType({
    name: 'UserMutationResult',
    fields: { ok: { type: nonNull(GraphQLBoolean) }, errors: { type: new GraphQLList(nonNull(ErrorType)) }, user: { type: User } },
});

const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
        name: 'Query',
        fields: { user: { type: User, args: { id: { type: nonNull(GraphQLID) } }, resolve: (_, { id }) => users.get(Number(id)) ?? null } },
    }),
    mutation: new GraphQLObjectType({
        name: 'Mutation',
        fields: {
            userUpdate: {
                type: nonNull(UserMutationResult),
                args: { newUser: { type: nonNull(UserInput) } },
                resolve: (_, { newUser }) => {
                    const row = users.get(Number(newUser.id));
                    if (!row)
                        return { ok: false, errors: [{ field: 'id', messages: ['No User with this id.'] }], user: null };
                    const previous = { ...row };
                    for (const [field, value] of Object.entries(newUser)) {
                        if (field !== 'id' && value !== undefined && value !== null)
                            row[field] = value;
                    }
                    const event = {
                        action: 'update', stream: 'users', model: 'auth.user', seq: String(++lastSeq), id: String(row.id),
                        changedAt: new Date().toISOString(), data: { ...row }, previous,
                    };
                    pubsub.publish('users', event);
                    return { ok: true, errors: null, user: row };
                },
            },
        },
    }),
    subscription: new GraphQLObjectType({
        name: 'Subscription',
        fields: {
            userChanges: {
                type: nonNull(UserChangeEvent),
                args: { actions: { type: new GraphQLList(nonNull(Action)) }, id: { type: GraphQLID } },
                subscribe: (_, { actions, id }) => {
                    const wanted = !actions || actions.includes('all_actions') ? null : new Set(actions);
                    return pubsub.asyncIterator('users', (event) => (!wanted || wanted.has(event.action)) && (id == null || event.id === String(id)));
                },
                resolve: (event) => event,
            },
        },
    }),
});

const server = new WebSocketServer({ host, port, path: '/graphql', backlog: 4096 });
useServer({ schema }, server);
server.on('listening', () => {
    const address = server.address();
    process.stdout.write(`listening ws://${address.address}:${address.port}/graphql\n`);
});
for (const signal of ['SIGTERM', 'SIGINT'])
    process.on(signal, () => process.exit(0));
