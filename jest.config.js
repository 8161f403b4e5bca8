/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  transform: {
    "^.+\\.ts$": ["@swc/jest"],
    // jose is ESM-only and jest on Node 20 cannot require ES modules: compile it to CommonJS too.
    "/node_modules/jose/.+\\.js$": ["@swc/jest", { jsc: { parser: { syntax: "ecmascript" }, target: "es2022" }, module: { type: "commonjs" } }],
  },
  transformIgnorePatterns: ["/node_modules/(?!jose/)"],
  testMatch: ["<rootDir>/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/", "/data/"],
  setupFiles: ["reflect-metadata"],
  testTimeout: 60000,
};
