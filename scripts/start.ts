import { SAMPLE_FAMILY_QUERY } from "../gateway/src/sampleQuery";
import { startStack } from "./stack";

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const SAMPLE_QUERY = `mutation { login(nationalId: "1000000016", password: "demo-password") { accessToken } }

# then, with the header  Authorization: Bearer <accessToken>
${SAMPLE_FAMILY_QUERY}`;

const DEMO_SIGN_INS = [
  ["1000000016", "Fahad: head of a family of 4 with an active card"],
  ["1000000057", "Khalid: married, a son, no family card yet (apply for one)"],
  ["1000000099", "Abdullah: head of a family of 6 with an active card"],
  ["2000000014", "a resident (iqama), not eligible for a family card"],
  ["1000000909", "civil-affairs officer"],
  ["1000000917", "labor officer"],
  ["1000000925", "postal operator"],
  ["1000000933", "analyst"],
];

/** `npm start`: the whole platform on this machine, embedded databases under data/. */
async function main(): Promise<void> {
  console.log("Starting civil-affairs, labor, delivery and the gateway...");
  const stack = await startStack({
    ports: {
      gateway: port("GATEWAY_PORT", 4000),
      "civil-affairs": port("CIVIL_AFFAIRS_PORT", 4001),
      labor: port("LABOR_PORT", 4002),
      delivery: port("DELIVERY_PORT", 4003),
    },
    dataDir: process.env.DATA_DIR ?? "data",
    output: (service, line) => {
      // Children log JSON; show warnings and errors only, to keep the terminal readable.
      if (!line.startsWith("{") || /"level":(40|50|60)/.test(line)) console.log(`[${service}] ${line}`);
    },
  });
  // The demo sign-ins share a known password: a production start (no demo data) never prints them.
  const demo = process.env.NODE_ENV === "production" ? "" : `
Sample:
${SAMPLE_QUERY}

Demo sign-ins (password for all: demo-password):
${DEMO_SIGN_INS.map(([id, who]) => `  ${id}  ${who}`).join("\n")}
`;
  console.log(`
The family record platform is running.

  Gateway (GraphQL${process.env.NODE_ENV === "production" ? "" : ", with a query page"}):  ${stack.gatewayUrl}
  Subgraphs: civil-affairs ${stack.urls["civil-affairs"]}, labor ${stack.urls.labor}, delivery ${stack.urls.delivery}
${demo}
Press Ctrl-C to stop.`);
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping...");
    stack.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
