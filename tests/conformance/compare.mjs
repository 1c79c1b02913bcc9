// SPDX-License-Identifier: MIT
// Holds Subscriptor's GraphQL implementation against graphql-js, the reference implementation.
//
//   node compare.mjs --dump <conformance_dump> [--corpus <dir>] [--only <substring>]
//
// (a) every corpus document: the same verdict on syntax, and for documents that parse the same SET
//     of failing validation rules (graphql-js: each rule of specifiedRules run on its own);
// (b) our introspection result (graphql-js's own getIntrospectionQuery) goes through
//     buildClientSchema and prints as the schema built from our SDL;
// (c) printSchema(buildSchema(our SDL)) is our SDL, byte for byte;
// (d) every executable corpus document: print(parse(doc)) is our AstPrinter::printDocument.
// Prints one summary line, then each disagreement; exits 1 when there is any.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// All node tooling of the tests shares tests/js/package.json; resolve graphql from there.
const requireFromTools = createRequire(join(here, '..', 'js', 'package.json'));

const IntrospectionOptions = {
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
};

function parseArguments(argv) {
  const options = { corpus: join(here, 'corpus'), only: '' };
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (value === undefined) usage(`${key} needs a value`);
    if (key === '--dump') options.dump = value;
    else if (key === '--corpus') options.corpus = value;
    else if (key === '--only') options.only = value;
    else usage(`unknown option ${key}`);
  }
  if (!options.dump) usage('--dump is required');
  return options;
}

function usage(problem) {
  console.error(`compare.mjs: ${problem}`);
  console.error('usage: node compare.mjs --dump <conformance_dump> [--corpus <dir>] [--only <substring>]');
  process.exit(2);
}

function loadGraphQL() {
  try {
    return requireFromTools('graphql');
  } catch (error) {
    console.error(`compare.mjs: graphql-js is not installed (${error.code ?? error.message}).`);
    console.error(`Run \`npm ci\` in ${join(here, '..', 'js')} first.`);
    process.exit(1);
  }
}

const DumpOptions = { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }; // the corpus dump holds every printed document

function runDump(dump, args) {
  return execFileSync(dump, args, DumpOptions);
}

function parseLines(text) {
  return text.split('\n').filter((line) => line.length).map((line) => JSON.parse(line));
}

/**
 * Our verdict on every corpus document. When the dump dies on a document (a crash in what it
 * tests), the documents it did not reach are dumped one by one, so that one crash is reported as
 * such and the rest are still compared.
 */
function dumpCorpus(dump, directory, names, problems) {
  const whole = spawnSync(dump, ['corpus', directory], DumpOptions);
  const entries = parseLines(whole.stdout ?? '');
  if (whole.status === 0) return entries;
  const done = new Set(entries.map((entry) => entry.file));
  for (const name of names.filter((file) => !done.has(file))) {
    const one = spawnSync(dump, ['corpus', join(directory, name)], DumpOptions);
    if (one.status === 0) {
      entries.push(...parseLines(one.stdout));
    } else {
      problems.add('dump', `(a) ${name}: conformance_dump failed on it (${one.signal ?? `exit ${one.status}`})` +
        (one.stderr ? `: ${one.stderr.trim()}` : ''));
    }
  }
  return entries;
}

/** The first line where two texts differ, to point at in a report. */
function firstDifference(ours, theirs) {
  const a = ours.split('\n');
  const b = theirs.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); ++i) {
    if (a[i] !== b[i]) {
      return `line ${i + 1}:\n      ours:       ${JSON.stringify(a[i])}\n      graphql-js: ${JSON.stringify(b[i])}`;
    }
  }
  return 'texts differ only in length';
}

// What graphql-js 16.15 introspects that the October 2021 spec (our target) does not have: directive
// deprecation, the DIRECTIVE_DEFINITION location and @oneOf input objects. Removed from graphql-js's
// answer before it is compared with ours.
function withoutNewerFeatures(schema) {
  const dropLocation = (locations) => locations.filter((location) => location !== 'DIRECTIVE_DEFINITION');
  schema.directives = schema.directives.filter((directive) => directive.name !== 'oneOf');
  for (const directive of schema.directives) directive.locations = dropLocation(directive.locations);
  const dropFields = { __Directive: ['isDeprecated', 'deprecationReason'], __Type: ['isOneOf'] };
  for (const type of schema.types) {
    if (dropFields[type.name]) type.fields = type.fields.filter((field) => !dropFields[type.name].includes(field.name));
    if (type.name === '__Schema') {
      const directives = type.fields.find((field) => field.name === 'directives');
      directives.args = directives.args.filter((arg) => arg.name !== 'includeDeprecated');
    }
    if (type.name === '__DirectiveLocation') type.enumValues = type.enumValues.filter((value) => value.name !== 'DIRECTIVE_DEFINITION');
  }
  return schema;
}

/** Introspection results with types and directives in name order (their order is not specified). */
function byName(schema) {
  const compare = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return { ...schema, types: [...schema.types].sort(compare), directives: [...schema.directives].sort(compare) };
}

/** The path to the first place two JSON values differ. */
function jsonDifference(ours, theirs, path = '') {
  if (JSON.stringify(ours) === JSON.stringify(theirs)) return null;
  if (ours && theirs && typeof ours === 'object' && typeof theirs === 'object') {
    for (const key of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
      const label = Array.isArray(ours) && ours[key]?.name ? ours[key].name : key;
      const found = jsonDifference(ours[key], theirs[key], `${path}/${label}`);
      if (found) return found;
    }
  }
  return `${path || '/'}: ours ${JSON.stringify(ours)?.slice(0, 200)}, graphql-js ${JSON.stringify(theirs)?.slice(0, 200)}`;
}

/**
 * A corpus document states what graphql-js makes of it in a header line: `# expect: valid`,
 * `# expect: syntax` or `# expect: RuleA, RuleB`. Checking it keeps each document testing what
 * its name says, whatever our implementation does.
 */
function statedExpectation(source) {
  const match = /^# expect: (.*)$/m.exec(source);
  if (!match) return null;
  const stated = match[1].trim();
  return stated === 'valid' || stated === 'syntax' ? stated : stated.split(/\s*,\s*/).sort().join(', ');
}

function sameSet(a, b) {
  return a.length === b.length && a.every((item) => b.includes(item));
}

/** Disagreements, by the part of the comparison that found them. */
class Problems {
  constructor() {
    this.list = [];
  }

  add(part, text) {
    this.list.push({ part, text });
  }

  has(prefix) {
    return this.list.some((problem) => problem.text.startsWith(prefix));
  }

  count(part) {
    return this.list.filter((problem) => problem.part === part).length;
  }
}

/** (c) Our SDL, built and printed by graphql-js, comes back unchanged. Returns graphql-js's schema. */
function checkSdl(graphql, ourSdl, problems) {
  let schema;
  try {
    schema = graphql.buildSchema(ourSdl);
    const errors = graphql.validateSchema(schema);
    if (errors.length) throw new Error(errors.map((e) => e.message).join('; '));
  } catch (error) {
    console.error(`graphql_conformance: graphql-js cannot build a schema from our SDL: ${error.message}`);
    console.error(ourSdl);
    process.exit(1);
  }
  const referenceSdl = graphql.printSchema(schema);
  if (referenceSdl !== ourSdl) {
    problems.add('sdl', `(c) SDL: printSchema(buildSchema(ours)) differs from ours at ${firstDifference(ourSdl, referenceSdl)}`);
  }
  return schema;
}

/** (b) Our answer to graphql-js's own introspection query rebuilds the schema of our SDL. */
function checkIntrospection(graphql, dump, schema, problems) {
  const work = mkdtempSync(join(tmpdir(), 'subscriptor-conformance-'));
  const query = graphql.getIntrospectionQuery(IntrospectionOptions);
  let introspection;
  try {
    const queryFile = join(work, 'introspection.graphql');
    writeFileSync(queryFile, query);
    introspection = JSON.parse(runDump(dump, ['introspect', queryFile]));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (introspection.errors?.length || !introspection.data) {
    problems.add('introspection', `(b) introspection: our result has errors: ${JSON.stringify(introspection.errors)}`);
    return;
  }
  try {
    const clientSdl = graphql.printSchema(graphql.buildClientSchema(introspection.data));
    const referenceSdl = graphql.printSchema(schema);
    if (clientSdl !== referenceSdl) {
      problems.add('introspection', '(b) introspection: printSchema(buildClientSchema(ours)) differs from the SDL at ' +
        firstDifference(clientSdl, referenceSdl));
    }
  } catch (error) {
    problems.add('introspection', `(b) introspection: buildClientSchema rejects our result: ${error.message}`);
  }
  // Beyond what buildClientSchema keeps: descriptions of the introspection types, default values
  // as strings, deprecation of arguments. graphql-js answers the same query over the same schema.
  const reference = JSON.parse(JSON.stringify(graphql.graphqlSync({ schema, source: query })));
  const difference = jsonDifference(byName(introspection.data.__schema),
    byName(withoutNewerFeatures(reference.data.__schema)));
  if (difference) problems.add('introspection', `(b) introspection: differs from graphql-js's own answer at ${difference}`);
}

/** graphql-js's verdict on one document: its syntax error, or the rules that fail on it. */
function referenceVerdict(graphql, schema, source) {
  let document;
  try {
    document = graphql.parse(source);
  } catch (error) {
    if (!(error instanceof graphql.GraphQLError)) throw error;
    return { syntaxMessage: error.message, rules: [] };
  }
  // Each rule on its own: validate() stops early for some rules, and we want the whole set.
  const rules = graphql.specifiedRules
    .filter((rule) => graphql.validate(schema, document, [rule]).length > 0)
    .map((rule) => rule.name)
    .sort();
  return { document, syntaxMessage: null, rules };
}

/** (a) and (d) for one corpus document, with the corpus self-check of its `# expect:` line. */
function checkDocument(graphql, schema, entry, source, problems, counts) {
  ++counts.documents;
  let verdict;
  try {
    verdict = referenceVerdict(graphql, schema, source);
  } catch (error) {
    // graphql-js has no verdict to compare with (its SingleFieldSubscriptionsRule throws on a
    // variable in a root @skip, for one); such a document does not belong in the corpus.
    problems.add('corpus', `(corpus) ${entry.file}: graphql-js throws while validating: ${error.message}`);
    return;
  }
  const { document, syntaxMessage, rules } = verdict;
  const theirSyntaxError = syntaxMessage !== null;
  const stated = statedExpectation(source);
  const said = theirSyntaxError ? 'syntax' : rules.length ? rules.join(', ') : 'valid';
  if (stated === null) {
    problems.add('corpus', `(corpus) ${entry.file}: no \`# expect:\` line (graphql-js says: ${said})`);
  } else if (stated !== said) {
    problems.add('corpus', `(corpus) ${entry.file}: states \`${stated}\`, graphql-js says \`${said}\`` +
      (theirSyntaxError ? ` (${syntaxMessage})` : ''));
  }

  if (theirSyntaxError) ++counts.syntaxErrors;
  if (entry.syntaxError !== theirSyntaxError) {
    problems.add('syntax', `(a) ${entry.file}: syntax: ours ${entry.syntaxError ? `rejects (${entry.message})` : 'accepts'}, ` +
      `graphql-js ${theirSyntaxError ? `rejects (${syntaxMessage})` : 'accepts'}`);
    return;
  }
  if (theirSyntaxError) return;

  if (rules.length) ++counts.invalid;
  else ++counts.valid;
  if (!sameSet(entry.rules, rules)) {
    const extra = entry.rules.filter((rule) => !rules.includes(rule));
    const missing = rules.filter((rule) => !entry.rules.includes(rule));
    problems.add('rules', `(a) ${entry.file}: rules: ours [${entry.rules.join(', ')}], graphql-js [${rules.join(', ')}]` +
      (extra.length ? `; only ours: ${extra.join(', ')}` : '') + (missing.length ? `; only graphql-js: ${missing.join(', ')}` : ''));
  }

  if (entry.printed === null) {
    ++counts.notPrinted;
    return;
  }
  ++counts.printed;
  const theirPrint = graphql.print(document);
  if (theirPrint !== entry.printed) {
    problems.add('print', `(d) ${entry.file}: print differs at ${firstDifference(entry.printed, theirPrint)}`);
  }
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  const graphql = loadGraphQL();
  const problems = new Problems();
  const counts = { documents: 0, syntaxErrors: 0, valid: 0, invalid: 0, printed: 0, notPrinted: 0 };

  const schema = checkSdl(graphql, runDump(options.dump, ['sdl']), problems);
  checkIntrospection(graphql, options.dump, schema, problems);

  const sources = new Map(
    readdirSync(options.corpus)
      .filter((name) => name.endsWith('.graphql'))
      .map((name) => [name, readFileSync(join(options.corpus, name), 'utf8')]),
  );
  const names = [...sources.keys()].filter((name) => name.includes(options.only)).sort();
  const ours = dumpCorpus(options.dump, options.corpus, names, problems).filter((entry) => entry.file.includes(options.only));
  const seen = new Set(ours.map((entry) => entry.file));
  for (const name of names) {
    if (!seen.has(name) && !problems.has(`(a) ${name}:`)) problems.add('dump', `(a) ${name}: missing from the dump`);
  }
  for (const entry of ours) checkDocument(graphql, schema, entry, sources.get(entry.file), problems, counts);

  const parts = ['syntax', 'rules', 'print', 'introspection', 'sdl', 'corpus', 'dump'];
  console.log(`graphql_conformance: ${counts.documents} documents (${counts.syntaxErrors} syntax errors, ` +
    `${counts.valid} valid, ${counts.invalid} invalid; ${counts.printed} printed, ${counts.notPrinted} with ` +
    `type-system definitions not printed); disagreements: ${parts.map((part) => `${part} ${problems.count(part)}`).join(', ')}`);
  for (const problem of problems.list) console.log(`  ${problem.text}`);
  process.exit(problems.list.length ? 1 : 0);
}

main();
