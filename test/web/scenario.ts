import fs from "node:fs";
import path from "node:path";
import { sha256 } from "../../gateway/src/security/persistedOperations";
import { graphql } from "../support/http";

/**
 * The demo people the browser tests (citizenApp.browser.test.ts, officers.browser.test.ts) and
 * `npm run screenshots` sign in as, and the few operations they run themselves, beside the app, to
 * prepare and cross-check what the screens show. Those operations are registered in a manifest of their own
 * (`writeTestManifest`), so they pass a gateway with ONLY_PERSISTED_OPERATIONS=true.
 */
export const DEMO_PASSWORD = "demo-password";

export const FAHAD = {
  nationalId: "1000000016",
  registerNumber: "3000000001",
  /** Himself, his wife, son and daughter (seed/demoCast.ts). */
  members: ["1000000016", "1000000024", "1000000032", "1000000040"],
};

export const KHALID = { nationalId: "1000000057", wife: "1000000065", son: "1000000073", fullNameAr: "خالد محمد القحطاني", fullNameEn: "Khalid Mohammed Alqahtani" };

/** Head of a family of six with household wages of 4,000 SAR (seed/demoCast.ts): under Citizen Account's income threshold. */
export const ABDULLAH = {
  nationalId: "1000000099",
  registerNumber: "3000000002",
  /** Hind, a member of his family who is not its head. */
  wife: "1000000107",
  fullNameAr: "عبدالله ناصر الدوسري",
  fullNameEn: "Abdullah Nasser Aldosari",
};

export const OFFICERS = { civilAffairs: "1000000909", labor: "1000000917", post: "1000000925" };

/** The analyst (role ANALYST): the dashboard only. */
export const ANALYST = { nationalId: "1000000933" };

/** What each officer states as the purpose of reading Fahad's data (the data-access screen shows it). */
export const PURPOSES = {
  civilAffairs: "Card renewal case 42",
  labor: "Support review 7",
  post: "Customer complaint 9",
};

/** The operations the tests send themselves, named Test* so that a log tells them from the app's. */
export const TEST_OPERATIONS = {
  login: `mutation TestLogin($nationalId: ID!, $password: String!) { login(nationalId: $nationalId, password: $password) { accessToken } }`,
  myFamily: `query TestMyFamily { me { family { registerNumber members { citizen { nationalId } } card { cardNumber delivery { __typename ... on Shipment { trackingNumber } } } } } }`,
  myApplications: `query TestMyApplications { myCardApplications { id status spouses { nationalId } children { nationalId } documents { type fileName } } }`,
  reviewFamily: `query TestReviewFamily($registerNumber: ID!) { family(registerNumber: $registerNumber) { registerNumber members { relation citizen { nationalId fullNameAr birthDate } } card { cardNumber } } }`,
  reviewSupport: `query TestReviewSupport($registerNumbers: [ID!]!) { familiesForReview(registerNumbers: $registerNumbers) { registerNumber householdIncome { halalas } eligibility { eligible } } }`,
  traceShipment: `query TestTraceShipment($trackingNumber: ID!) { shipment(trackingNumber: $trackingNumber) { status recipientName address { city } } }`,
  // officers.browser.test.ts: what the officers' screens and the dashboard are checked against.
  myCard: `query TestMyCard { me { family { registerNumber card { cardNumber status delivery { __typename ... on Shipment { trackingNumber carrier shipmentStatus: status events { status } } ... on OfficePickup { pickupStatus: status office { id } } } } } } }`,
  mySupport: `query TestMySupport { me { family { registerNumber eligibility { program { code } eligible } enrollments { id status program { code } } } } }`,
  enrollInProgram: `mutation TestEnrollInProgram($program: BenefitProgramCode!, $registerNumber: ID!) { enrollInProgram(program: $program, registerNumber: $registerNumber) { id status } }`,
  stats: `query TestStats($from: DateTime!, $to: DateTime!) { applicationStats(from: $from, to: $to) { total byStatus { status count } byKind { kind count } submittedPerDay { day count } issuedPerDay { day count } } deliveryStats(from: $from, to: $to) { inTransit delivered delayed deliveredPerDay { day count } pickupsByOffice { office { id nameAr nameEn } waiting collected } } programStats { program { code nameAr nameEn } eligibleFamilies enrolledFamilies pendingEnrollments } }`,
};

/** What TEST_OPERATIONS.stats answers: the dashboard's numbers, as the API gives them. */
export interface Stats {
  applicationStats: {
    total: number;
    byStatus: Array<{ status: string; count: number }>;
    byKind: Array<{ kind: string; count: number }>;
    submittedPerDay: Array<{ day: string; count: number }>;
    issuedPerDay: Array<{ day: string; count: number }>;
  };
  deliveryStats: {
    inTransit: number;
    delivered: number;
    delayed: number;
    deliveredPerDay: Array<{ day: string; count: number }>;
    pickupsByOffice: Array<{ office: { id: string; nameAr: string; nameEn: string }; waiting: number; collected: number }>;
  };
  programStats: Array<{ program: { code: string; nameAr: string; nameEn: string }; eligibleFamilies: number; enrolledFamilies: number; pendingEnrollments: number }>;
}

/** The test operations as an Apollo persisted-query manifest, written to `file` (for PERSISTED_OPERATIONS_FILE). */
export function writeTestManifest(file: string): string {
  const operations = Object.values(TEST_OPERATIONS).map((body) => {
    const [, type, name] = /^(query|mutation) (\w+)/.exec(body)!;
    return { id: sha256(body), name: name!, type: type!, body };
  });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ format: "apollo-persisted-query-manifest", version: 1, operations }, null, 2));
  return file;
}

/** Runs one of TEST_OPERATIONS through the gateway; throws on any error. */
export async function run<T = any>(gatewayUrl: string, operation: keyof typeof TEST_OPERATIONS, variables: Record<string, unknown> = {}, options: { token?: string; headers?: Record<string, string> } = {}): Promise<T> {
  const response = await graphql<T>(gatewayUrl, TEST_OPERATIONS[operation], variables, { token: options.token, headers: options.headers, asGateway: false });
  if (response.errors || !response.data) throw new Error(`${operation}: HTTP ${response.status} ${JSON.stringify(response.errors)}`);
  return response.data;
}

/**
 * Runs one of the web app's own operations by its hash, as the app does (the gateway knows it from
 * the app's manifest): what the API answers the app, for comparing with what a screen shows.
 */
export async function runPersisted<T = any>(gatewayUrl: string, sha256Hash: string, variables: Record<string, unknown>, options: { token?: string; lang?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; data: T | null | undefined; errors: Array<{ message: string; extensions?: Record<string, any> }> | undefined }> {
  const headers: Record<string, string> = { "content-type": "application/json", "accept-language": options.lang ?? "ar", ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(gatewayUrl, { method: "POST", headers, body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash } } }) });
  const body = (await response.json()) as { data?: T | null; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
  return { status: response.status, data: body.data, errors: body.errors };
}

export async function login(gatewayUrl: string, nationalId: string): Promise<string> {
  const data = await run<{ login: { accessToken: string } }>(gatewayUrl, "login", { nationalId, password: DEMO_PASSWORD });
  return data.login.accessToken;
}

/** Fahad's family as the API answers him: his members' IDs and his card's tracking number. */
export async function fahadsFamily(gatewayUrl: string): Promise<{ members: string[]; trackingNumber: string }> {
  const data = await run(gatewayUrl, "myFamily", {}, { token: await login(gatewayUrl, FAHAD.nationalId) });
  const family = data.me.family;
  if (family.card?.delivery?.__typename !== "Shipment") throw new Error(`Fahad's card should be delivered by Saudi Post, got ${JSON.stringify(family.card)}`);
  return { members: family.members.map((member: { citizen: { nationalId: string } }) => member.citizen.nationalId), trackingNumber: family.card.delivery.trackingNumber };
}

/**
 * An officer of each agency reads Fahad's data, stating a purpose, one after the other (civil
 * affairs, then labor, then Saudi Post): what his data-access screen then lists, newest first.
 */
export async function officersReadFahadsData(gatewayUrl: string, trackingNumber: string): Promise<void> {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
  await run(gatewayUrl, "reviewFamily", { registerNumber: FAHAD.registerNumber }, { token: await login(gatewayUrl, OFFICERS.civilAffairs), headers: { "x-access-purpose": PURPOSES.civilAffairs } });
  await pause();
  await run(gatewayUrl, "reviewSupport", { registerNumbers: [FAHAD.registerNumber] }, { token: await login(gatewayUrl, OFFICERS.labor), headers: { "x-access-purpose": PURPOSES.labor } });
  await pause();
  await run(gatewayUrl, "traceShipment", { trackingNumber }, { token: await login(gatewayUrl, OFFICERS.post), headers: { "x-access-purpose": PURPOSES.post } });
}

/** A small valid PDF (one empty page) and a 1×1 PNG, for the application's documents. */
export function writeSampleDocuments(folder: string): { pdf: string; png: string } {
  fs.mkdirSync(folder, { recursive: true });
  const objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
  const files = { pdf: path.join(folder, "marriage-contract.pdf"), png: path.join(folder, "birth-certificate.png") };
  fs.writeFileSync(files.pdf, pdf);
  fs.writeFileSync(files.png, png);
  return files;
}
