// SPDX-License-Identifier: MIT
// The graphql-js side of bench_graphql: the same schema, data and documents, timed the same way.
//
// bench_graphql starts this script, writes one JSON request to its standard input and reads one
// JSON answer from its standard output:
//   request: {"data": {"users", "groups", "posts"}, "documents": [{"name", "query", "operationName",
//             "variables", "isIntrospectionQuery"}], "warmupSeconds", "minSeconds", "minIterations"}
//   answer:  {"graphql", "node", "documents": [{"name", "response", "full", "parse", "validate", "execute"}]}
// where "response" is the JSON text of the first full run and the other numbers are operations per
// CPU second. Resolvers are synchronous, as ours are.
import { createRequire } from 'node:module';

// graphql-js is installed (pinned) in tests/js: `npm ci` there.
const require = createRequire(new URL('../js/package.json', import.meta.url));
const {
    GraphQLBoolean, GraphQLEnumType, GraphQLFloat, GraphQLID, GraphQLInputObjectType, GraphQLInt,
    GraphQLDeprecatedDirective, GraphQLIncludeDirective, GraphQLInterfaceType, GraphQLList, GraphQLNonNull,
    GraphQLObjectType, GraphQLSchema, GraphQLSkipDirective, GraphQLSpecifiedByDirective, GraphQLString,
    __Directive, __DirectiveLocation, __EnumValue, __Field, __InputValue, __Schema, __Type, __TypeKind,
    execute, getIntrospectionQuery, parse, validate, version,
} = require('graphql');

const nonNull = (type) => new GraphQLNonNull(type);
const listOf = (type) => new GraphQLList(type);

class Store {
    constructor(data) {
        this.userIds = data.users.map((user) => user.id);
        this.groupIds = data.groups.map((group) => group.id);
        this.users = new Map(data.users.map((user) => [user.id, user]));
        this.groups = new Map(data.groups.map((group) => [group.id, group]));
        this.posts = new Map(data.posts.map((post) => [post.id, post]));
        this.membersByGroup = new Map();
        for (const user of data.users) {
            for (const groupId of user.groupIds) {
                if (!this.membersByGroup.has(groupId))
                    this.membersByGroup.set(groupId, []);
                this.membersByGroup.get(groupId).push(user.id);
            }
        }
        this.postsByAuthor = new Map();
        for (const post of data.posts) {
            if (!this.postsByAuthor.has(post.authorId))
                this.postsByAuthor.set(post.authorId, []);
            this.postsByAuthor.get(post.authorId).push(post);
        }
    }

    // As in BenchStore: a negative `first` means all, null means none.
    static first(list, first) {
        return first != null && first < 0 ? list.slice() : list.slice(0, first ?? 0);
    }

    usersList(first) { return Store.first(this.userIds, first).map((id) => this.users.get(id)); }
    members(groupId, first) {
        return Store.first(this.membersByGroup.get(groupId) ?? [], first).map((id) => this.users.get(id));
    }
    memberCount(groupId) { return (this.membersByGroup.get(groupId) ?? []).length; }
    groupsOf(user) { return user.groupIds.map((id) => this.groups.get(id) ?? null); }
    postsOf(userId, first) { return Store.first(this.postsByAuthor.get(userId) ?? [], first); }
    postCount(userId) { return (this.postsByAuthor.get(userId) ?? []).length; }
    node(id) {
        if (id.startsWith('u'))
            return this.users.get(id);
        if (id.startsWith('g'))
            return this.groups.get(id);
        return this.posts.get(id);
    }
}

// benchschema.cpp in graphql-js: same types, fields, descriptions and type order.
function buildSchema(store) {
    const Node = new GraphQLInterfaceType({
        name: 'Node',
        description: 'Something with a global id.',
        fields: { id: { type: nonNull(GraphQLID) } },
        resolveType: (node) => (node.id.startsWith('u') ? 'User' : node.id.startsWith('g') ? 'Group' : 'Post'),
    });
    const Role = new GraphQLEnumType({
        name: 'Role',
        description: 'What a user may do.',
        values: {
            ADMIN: { description: 'Manages everything.' },
            EDITOR: { description: 'Writes and edits posts.' },
            VIEWER: { description: 'Reads posts.' },
            GUEST: { deprecationReason: 'Use VIEWER.' },
        },
    });
    const User = new GraphQLObjectType({
        name: 'User',
        description: 'A person with an account.',
        interfaces: () => [Node],
        fields: () => ({
            id: { type: nonNull(GraphQLID) },
            username: { type: nonNull(GraphQLString), description: 'Unique; what the user logs in with.' },
            name: { type: nonNull(GraphQLString) },
            email: { type: GraphQLString },
            role: { type: nonNull(Role) },
            score: { type: nonNull(GraphQLFloat) },
            active: { type: nonNull(GraphQLBoolean) },
            bio: { type: GraphQLString },
            createdAt: { type: nonNull(GraphQLString), description: 'When the account was made (ISO 8601).' },
            fullName: { type: GraphQLString, deprecationReason: 'Use `name`.', resolve: (user) => user.name },
            groups: { type: nonNull(listOf(nonNull(Group))), resolve: (user) => store.groupsOf(user) },
            posts: {
                type: nonNull(listOf(nonNull(Post))),
                description: "The user's posts, oldest first.",
                args: { first: { type: GraphQLInt, defaultValue: 5 } },
                resolve: (user, args) => store.postsOf(user.id, args.first),
            },
            postCount: { type: nonNull(GraphQLInt), resolve: (user) => store.postCount(user.id) },
        }),
    });
    const Group = new GraphQLObjectType({
        name: 'Group',
        interfaces: () => [Node],
        fields: () => ({
            id: { type: nonNull(GraphQLID) },
            name: { type: nonNull(GraphQLString) },
            description: { type: GraphQLString },
            memberCount: { type: nonNull(GraphQLInt), resolve: (group) => store.memberCount(group.id) },
            members: {
                type: nonNull(listOf(nonNull(User))),
                args: { first: { type: GraphQLInt, description: 'How many members to list.', defaultValue: 20 } },
                resolve: (group, args) => store.members(group.id, args.first),
            },
        }),
    });
    const Post = new GraphQLObjectType({
        name: 'Post',
        interfaces: () => [Node],
        fields: () => ({
            id: { type: nonNull(GraphQLID) },
            title: { type: nonNull(GraphQLString) },
            body: { type: nonNull(GraphQLString) },
            likes: { type: nonNull(GraphQLInt) },
            tags: { type: nonNull(listOf(nonNull(GraphQLString))) },
            published: { type: nonNull(GraphQLBoolean) },
            rating: { type: GraphQLFloat },
            author: { type: nonNull(User), resolve: (post) => store.users.get(post.authorId) },
        }),
    });
    const Query = new GraphQLObjectType({
        name: 'Query',
        fields: {
            user: { type: User, args: { id: { type: nonNull(GraphQLID) } }, resolve: (_, args) => store.users.get(args.id) },
            users: {
                type: nonNull(listOf(nonNull(User))),
                args: { first: { type: GraphQLInt, defaultValue: 20 } },
                resolve: (_, args) => store.usersList(args.first),
            },
            group: { type: Group, args: { id: { type: nonNull(GraphQLID) } }, resolve: (_, args) => store.groups.get(args.id) },
            groups: { type: nonNull(listOf(nonNull(Group))), resolve: () => [...store.groupIds].map((id) => store.groups.get(id)) },
            post: { type: Post, args: { id: { type: nonNull(GraphQLID) } }, resolve: (_, args) => store.posts.get(args.id) },
            node: {
                type: Node,
                description: 'Fetches any object by its global id.',
                args: { id: { type: nonNull(GraphQLID) } },
                resolve: (_, args) => store.node(args.id),
            },
        },
    });
    const ProfileInput = new GraphQLInputObjectType({
        name: 'ProfileInput',
        description: 'The fields of a profile to change.',
        fields: {
            name: { type: GraphQLString },
            email: { type: GraphQLString },
            bio: { type: GraphQLString, description: 'null clears it.' },
            role: { type: Role },
        },
    });
    const FieldError = new GraphQLObjectType({
        name: 'FieldError',
        fields: { field: { type: nonNull(GraphQLString) }, message: { type: nonNull(GraphQLString) } },
    });
    const UpdateProfilePayload = new GraphQLObjectType({
        name: 'UpdateProfilePayload',
        fields: {
            ok: { type: nonNull(GraphQLBoolean) },
            errors: { type: nonNull(listOf(nonNull(FieldError))) },
            user: { type: User },
        },
    });
    const Mutation = new GraphQLObjectType({
        name: 'Mutation',
        fields: {
            updateProfile: {
                type: nonNull(UpdateProfilePayload),
                args: { id: { type: nonNull(GraphQLID) }, input: { type: nonNull(ProfileInput) } },
                resolve: (_, args) => updateProfile(store, args.id, args.input),
            },
        },
    });
    // Our schema lists the built-in scalars, then the introspection types, then its own types in
    // the order they were added; graphql-js keeps the order of `types`.
    const types = [
        GraphQLInt, GraphQLFloat, GraphQLString, GraphQLBoolean, GraphQLID,
        __Schema, __Directive, __DirectiveLocation, __Type, __TypeKind, __Field, __InputValue, __EnumValue,
        Node, Role, User, Group, Post, Query, ProfileInput, FieldError, UpdateProfilePayload, Mutation,
    ];
    // Our schema has no @oneOf (see withoutNewerFeatures).
    const directives = [GraphQLIncludeDirective, GraphQLSkipDirective, GraphQLDeprecatedDirective, GraphQLSpecifiedByDirective];
    return new GraphQLSchema({ query: Query, mutation: Mutation, types, directives });
}

// graphql-js 16.15 introspects a few things the October 2021 spec (our target) does not have:
// directive deprecation, the DIRECTIVE_DEFINITION location, __Type.isOneOf. They are taken out of
// its introspection response before the comparison, outside the timed loops, as
// tests/conformance/compare.mjs does. graphql-js still does that bit of extra work (a handful of
// fields out of a few hundred), so its introspection figure is a little pessimistic.
function withoutNewerFeatures(response) {
    const schema = response.data.__schema;
    const dropLocation = (locations) => locations.filter((location) => location !== 'DIRECTIVE_DEFINITION');
    for (const directive of schema.directives)
        directive.locations = dropLocation(directive.locations);
    const dropFields = { __Directive: ['isDeprecated', 'deprecationReason'], __Type: ['isOneOf'] };
    for (const type of schema.types) {
        if (dropFields[type.name])
            type.fields = type.fields.filter((field) => !dropFields[type.name].includes(field.name));
        if (type.name === '__Schema') {
            const field = type.fields.find((candidate) => candidate.name === 'directives');
            field.args = field.args.filter((arg) => arg.name !== 'includeDeprecated');
        }
        if (type.name === '__DirectiveLocation')
            type.enumValues = type.enumValues.filter((value) => value.name !== 'DIRECTIVE_DEFINITION');
    }
    return response;
}

function updateProfile(store, id, input) {
    const user = store.users.get(id);
    if (!user)
        return { ok: false, errors: [{ field: 'id', message: 'No user has this id.' }], user: null };
    if (input.email != null && !input.email.includes('@'))
        return { ok: false, errors: [{ field: 'email', message: 'An email address needs an @.' }], user };
    const updated = {};
    for (const [key, value] of Object.entries(user)) {
        const given = input[key];
        const replace = Object.prototype.hasOwnProperty.call(input, key) && (given !== null || key === 'bio');
        updated[key] = replace ? given : value;
    }
    store.users.set(id, updated);
    return { ok: true, errors: [], user: updated };
}

// Runs `fn` for `warmupSeconds`, then in growing batches until both `minSeconds` and
// `minIterations` are reached; returns operations per CPU second (all of Node's threads: its JIT
// and GC helpers are part of graphql-js's cost). Same loop as bench_graphql.cpp.
function measure(fn, options) {
    const now = () => {
        const usage = process.cpuUsage();
        return (usage.user + usage.system) / 1e6;
    };
    const warmupEnd = now() + options.warmupSeconds;
    while (now() < warmupEnd)
        fn();
    let iterations = 0;
    let batch = 1;
    const start = now();
    for (;;) {
        for (let i = 0; i < batch; ++i)
            fn();
        iterations += batch;
        const elapsed = now() - start;
        if (elapsed >= options.minSeconds && iterations >= options.minIterations)
            return iterations / elapsed;
        if (elapsed < options.minSeconds / 10)
            batch *= 2;
    }
}

function fail(message) {
    process.stderr.write(`graphql_reference.mjs: ${message}\n`);
    process.exit(1);
}

function checkValid(schema, document, name) {
    const errors = validate(schema, document);
    if (errors.length > 0)
        fail(`${name}: graphql-js finds the document invalid: ${errors.map((e) => e.message).join('; ')}`);
}

function run(request) {
    const store = new Store(request.data);
    const schema = buildSchema(store);
    const answers = [];
    for (const doc of request.documents) {
        const squash = (text) => text.replace(/\s+/g, ' ').trim();
        if (doc.isIntrospectionQuery && squash(doc.query) !== squash(getIntrospectionQuery()))
            fail(`${doc.name}: the document is not graphql-js ${version}'s getIntrospectionQuery()`);
        const args = (document) => ({
            schema, document, operationName: doc.operationName, variableValues: doc.variables,
        });
        // What a server does per request: parse, validate, execute, serialise.
        const full = () => {
            const document = parse(doc.query);
            if (validate(schema, document).length > 0)
                fail(`${doc.name}: invalid`);
            const result = execute(args(document));
            if (typeof result.then === 'function')
                fail(`${doc.name}: execution went asynchronous`);
            return JSON.stringify(result);
        };
        const parsed = parse(doc.query);
        checkValid(schema, parsed, doc.name);
        const response = doc.isIntrospectionQuery ? JSON.stringify(withoutNewerFeatures(JSON.parse(full()))) : full();
        answers.push({
            name: doc.name,
            response,
            full: measure(full, request),
            parse: measure(() => parse(doc.query), request),
            validate: measure(() => validate(schema, parsed), request),
            execute: measure(() => JSON.stringify(execute(args(parsed))), request),
        });
    }
    return { graphql: version, node: process.version, documents: answers };
}

const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
    const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    process.stdout.write(JSON.stringify(run(request)));
});
