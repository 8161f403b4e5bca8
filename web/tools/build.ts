import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { build, type BuildOptions } from "esbuild";
import { webManifest } from "./manifest";
import { WEB_DIST, WEB_ROOT } from "./paths";

export interface WebBuild {
  /** The app's own JavaScript, gzipped, in bytes (the budget is 200 KB). */
  appScriptGzipBytes: number;
  ideBuilt: boolean;
}

const COMMON: BuildOptions = {
  bundle: true,
  minify: true,
  format: "esm",
  target: ["chrome110", "firefox115", "safari16"],
  jsx: "automatic",
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
  legalComments: "linked",
};

/** The citizen app: hashed file names (cached for good), and index.html naming them (never cached). */
async function buildApp(out: string): Promise<number> {
  const result = await build({
    ...COMMON,
    entryPoints: [path.join(WEB_ROOT, "src", "main.tsx")],
    outdir: path.join(out, "assets"),
    entryNames: "[name]-[hash]",
    jsxImportSource: "preact",
    metafile: true,
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => path.basename(file));
  const script = outputs.find((file) => file.endsWith(".js"));
  const styles = outputs.find((file) => file.endsWith(".css"));
  if (!script || !styles) throw new Error(`web build: expected one script and one style sheet, got ${outputs.join(", ")}`);
  const html = fs.readFileSync(path.join(WEB_ROOT, "index.html"), "utf8").replace("%SCRIPT%", `/assets/${script}`).replace("%STYLES%", `/assets/${styles}`);
  fs.writeFileSync(path.join(out, "index.html"), html);
  return zlib.gzipSync(fs.readFileSync(path.join(out, "assets", script)), { level: 9 }).length;
}

/** The developers' GraphQL IDE, its own bundle outside the app's budget (served only outside production). */
async function buildIde(out: string): Promise<void> {
  await build({
    ...COMMON,
    entryPoints: { ide: path.join(WEB_ROOT, "ide", "main.tsx") },
    outdir: out,
    loader: { ".woff": "file", ".woff2": "file", ".ttf": "file", ".svg": "file" },
  });
}

/**
 * `npm run web:build` (and `npm start`): the app, the IDE and the persisted-operations manifest,
 * into web/dist or `outDir` (a test's gateway gets a folder of its own, which no other build empties).
 */
export async function buildWeb(options: { ide?: boolean; outDir?: string } = {}): Promise<WebBuild> {
  const ide = options.ide ?? true;
  const out = options.outDir ?? WEB_DIST;
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "persisted-operations.json"), `${JSON.stringify(webManifest(), null, 2)}\n`);
  const [appScriptGzipBytes] = await Promise.all([buildApp(path.join(out, "app")), ide ? buildIde(path.join(out, "ide")) : Promise.resolve()]);
  return { appScriptGzipBytes, ideBuilt: ide };
}

if (require.main === module) {
  // A production image carries no IDE: the gateway serves it only outside production.
  buildWeb({ ide: process.env.NODE_ENV !== "production" }).then(
    ({ appScriptGzipBytes }) => console.log(`web/dist built: the app's JavaScript is ${(appScriptGzipBytes / 1024).toFixed(1)} KB gzipped (budget 200 KB)`),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
