import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * `npm run web:codegen`: types every operation in web/src against the composed API schema
 * (schema/api.graphql, written by `npm run compose`), and lists the operations with their sha256
 * for the persisted-operations manifest (scripts/webManifest.ts turns that list into the file the
 * gateway loads).
 */
const config: CodegenConfig = {
  schema: "schema/api.graphql",
  documents: "web/src/**/*.graphql",
  generates: {
    "web/src/graphql/": {
      preset: "client",
      presetConfig: {
        fragmentMasking: false,
        // The bundle carries each operation's hash, never its text: the gateway knows the text from the manifest.
        persistedDocuments: { mode: "replaceDocumentWithHash", hashAlgorithm: "sha256" },
      },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Date: "string", DateTime: "string" },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
};

export default config;
