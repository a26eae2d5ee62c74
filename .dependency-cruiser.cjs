// The layout's import rules (docs/decisions/2026-12-01-layout.md), checked by `npm run lint:layout`,
// which `npm test` and CI run. Each folder has one rule; read "from ... may not import to ...".
const TESTS = '\\.test\\.tsx?$';
const TOP = '^(proxy|instrumentation|next\\.config)\\.ts$';
// Packages that only make sense on the server: a client file importing one ships it (or breaks).
// @aws-sdk and @smithy: the media store's S3 client (server/media/storage.ts).
const SERVER_PACKAGES = 'node_modules/(drizzle-orm|postgres|@electric-sql/pglite|pino|sharp|@node-rs/argon2|server-only|next-auth|@aws-sdk|@smithy)/';

module.exports = {
  forbidden: [
    {
      name: 'lib-is-pure',
      comment: 'lib/ imports only lib/: no data, server wiring, components or routes.',
      severity: 'error',
      from: { path: '^lib/', pathNot: TESTS },
      to: { pathNot: ['^lib/', 'node_modules/zod/'] },
    },
    {
      name: 'db-below-server',
      comment: 'db/ imports db/ and lib/ only: it knows nothing of server wiring, components or routes.',
      severity: 'error',
      from: { path: '^db/', pathNot: '^db/seed-pictures\\.ts$' },
      to: { path: ['^(app|components|server)/', TOP] },
    },
    {
      name: 'demo-pictures-take-the-upload-path',
      comment: 'The one exception to db-below-server: the seed stores the demo pictures through the upload pipeline (server/media/image-processing.ts), as an editor\'s upload is stored; nothing else of server/.',
      severity: 'error',
      from: { path: '^db/seed-pictures\\.ts$' },
      to: { path: ['^(app|components|server)/', TOP], pathNot: '^server/media/image-processing\\.ts$' },
    },
    {
      name: 'server-below-app',
      comment: 'server/ imports server/, db/ and lib/: never components or routes.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: ['^(app|components)/', TOP] },
    },
    {
      name: 'scripts-only-in-tests',
      comment: 'Only tests (and scripts) use the scripts/ harness (servers, Varnish, fresh databases).',
      severity: 'error',
      from: { path: '^(lib|db|server|components|app)/', pathNot: TESTS },
      to: { path: '^(scripts|e2e)/' },
    },
    {
      name: 'ui-is-presentational',
      comment: 'components/ui/ imports lib/ and other ui pieces only.',
      severity: 'error',
      from: { path: '^components/ui/' },
      to: { path: ['^(app|db|server|scripts)/', '^components/(site|comments|dashboard)/', TOP] },
    },
    {
      name: 'site-components-below-app',
      comment: 'Server components of reader pages never import routes.',
      severity: 'error',
      from: { path: '^components/site/' },
      to: { path: ['^app/', '^components/dashboard/', TOP] },
    },
    {
      name: 'client-takes-types-only',
      comment: 'Client files (components/comments/, components/dashboard/, components/embeds/) take nothing but types from db/, server/ and app/; server actions come in as props.',
      severity: 'error',
      from: { path: '^components/(comments|dashboard|embeds)/' },
      to: { path: ['^(app|db|server)/', '^components/site/', TOP], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'client-no-server-packages',
      comment: 'Client files never import database, logging, image or auth packages.',
      severity: 'error',
      from: { path: '^components/(comments|dashboard|embeds|ui)/' },
      to: { path: SERVER_PACKAGES, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'routes-on-top',
      comment: 'Only app/ imports app/ (client files may import the types of server actions).',
      severity: 'error',
      from: { pathNot: ['^app/', '^components/dashboard/'] },
      to: { path: '^app/' },
    },
    {
      name: 'no-folder-cycles',
      comment: 'No cycle of imports among the layers.',
      severity: 'error',
      from: { path: '^(lib|db|server|components)/' },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^\\.next', '^node_modules', '^data/', '^test-results'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
