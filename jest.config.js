/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  transform: {
    "^.+\\.ts$": ["@swc/jest"],
    // jose and cockatiel are ESM-only, and PGlite loads parts of itself with dynamic import(),
    // which jest's module sandbox refuses: compile them to CommonJS.
    "/node_modules/(jose/.+\\.js|cockatiel/.+\\.js|@electric-sql/pglite/dist/.+\\.cjs)$": ["@swc/jest", { jsc: { parser: { syntax: "ecmascript" }, target: "es2022" }, module: { type: "commonjs" } }],
  },
  transformIgnorePatterns: ["/node_modules/(?!jose/|cockatiel/|@electric-sql/pglite/)"],
  testMatch: ["<rootDir>/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/", "/data/"],
  setupFiles: ["reflect-metadata"],
  testSequencer: "<rootDir>/test/support/longSuitesFirst.js",
  testTimeout: 60000,
  // A worker's heap grows with every file it runs (each loads the services' modules afresh), and
  // V8's major GC then marks that whole heap again and again: ~13% of the workers' CPU in a
  // profile of `npm test`. A worker past this size after a file is replaced by a fresh one.
  workerIdleMemoryLimit: "700MB",
};
