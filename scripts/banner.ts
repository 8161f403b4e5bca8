import { SAMPLE_FAMILY_QUERY } from "../gateway/src/sampleQuery";
import type { Stack } from "./stack";
import { AGENCY_NAMES } from "../subgraphs/agencies";

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

/**
 * What `npm start` prints once everything answers. The demo sign-ins share a known password: a
 * production start (no demo data, no query page) never prints them.
 */
export function startBanner(stack: Pick<Stack, "gatewayUrl" | "urls">, production: boolean): string {
  const demo = production
    ? ""
    : `
Sample:
${SAMPLE_QUERY}

Demo sign-ins (password for all: demo-password):
${DEMO_SIGN_INS.map(([id, who]) => `  ${id}  ${who}`).join("\n")}
`;
  return `
The family record platform is running.

  Web app (citizens):  ${stack.gatewayUrl.replace(/graphql$/, "")}
  Gateway (GraphQL${production ? "" : ", with a GraphQL IDE in the browser"}):  ${stack.gatewayUrl}
  Subgraphs: ${AGENCY_NAMES.map((name) => `${name} ${stack.urls[name]}`).join(", ")}
${demo}
Press Ctrl-C to stop.`;
}
