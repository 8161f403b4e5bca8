/**
 * The workloads: what each request sends, and how autocannon builds it. `gateway` is the family
 * query sent to the gateways alone, over mock subgraphs (bench/mockSubgraphs.ts).
 */

export const FAMILY_QUERY = `query Family($registerNumber: ID!) {
  family(registerNumber: $registerNumber) {
    registerNumber
    members { relation citizen { nationalId fullNameAr } }
    card { cardNumber status delivery { __typename ... on Shipment { trackingNumber shipmentStatus: status isDelayed } ... on OfficePickup { pickupStatus: status } } }
    eligibility { program { code } eligible monthlyAmount { formatted } reasons }
  }
}`;

export const LIST_QUERY = `query Review($registerNumbers: [ID!]!) {
  familiesForReview(registerNumbers: $registerNumbers) {
    registerNumber
    eligibility { program { code } eligible monthlyAmount { formatted } reasons }
    card { cardNumber status delivery { __typename ... on Shipment { trackingNumber shipmentStatus: status isDelayed } ... on OfficePickup { pickupStatus: status } } }
  }
}`;

const CREATE_MUTATION = `mutation Create($input: NewCardApplicationInput!) {
  createCardApplication(input: $input) { id status version }
}`;
const SUBMIT_MUTATION = `mutation Submit($id: ID!) { submitCardApplication(id: $id) { id status fee { formatted } } }`;
const CANCEL_MUTATION = `mutation Cancel($id: ID!) { cancelCardApplication(id: $id) { id status } }`;
const CREATE_INPUT = { kind: "REPLACEMENT_LOST", lossDeclaration: true, deliveryMethod: "OFFICE_PICKUP", pickupOfficeId: "RUH-01" };

export type WorkloadName = "family" | "list50" | "apply" | "gateway";
export const WORKLOADS: WorkloadName[] = ["family", "list50", "apply", "gateway"];

/** The language every request asks its answer in (`accept-language`): messages, reasons, amounts. */
export const LANGUAGES = ["en", "ar"] as const;
export type Language = (typeof LANGUAGES)[number];

export interface WorkloadData {
  language: Language;
  registerNumbers: string[];
  officerToken: string;
  laborOfficerToken: string;
  /** National IDs of heads with an active card, one applicant per concurrent apply cycle, and their tokens. */
  applicants: string[];
  applicantTokens: string[];
}

export interface Counters {
  graphqlErrors: number;
  cycles: number;
  firstError?: string;
}

const PURPOSE = "benchmark: synthetic data";

function headers(token: string, language: Language): Record<string, string> {
  return { "content-type": "application/json", authorization: `Bearer ${token}`, "x-access-purpose": PURPOSE, "accept-language": language };
}

const random = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]!;

function noteErrors(counters: Counters, status: number, body: string): boolean {
  if (status === 200 && !body.includes('"errors"')) return false;
  counters.graphqlErrors += status === 200 ? 1 : 0;
  counters.firstError ??= `${status} ${body.slice(0, 300)}`;
  return true;
}

type Request = Record<string, unknown>;

/** autocannon `requests` for one workload; `counters` collects GraphQL errors (HTTP 200 with errors). */
export function requestsFor(workload: WorkloadName, data: WorkloadData, counters: Counters): Request[] {
  const post = { method: "POST", path: "/graphql" };
  if (workload === "family" || workload === "gateway") {
    return [
      {
        ...post,
        headers: headers(data.officerToken, data.language),
        setupRequest: (req: Request) => ({ ...req, body: JSON.stringify({ query: FAMILY_QUERY, variables: { registerNumber: random(data.registerNumbers) } }) }),
        onResponse: (status: number, body: string) => void noteErrors(counters, status, body),
      },
    ];
  }
  if (workload === "list50") {
    return [
      {
        ...post,
        headers: headers(data.laborOfficerToken, data.language),
        setupRequest: (req: Request) => ({
          ...req,
          body: JSON.stringify({ query: LIST_QUERY, variables: { registerNumbers: Array.from({ length: 50 }, () => random(data.registerNumbers)) } }),
        }),
        onResponse: (status: number, body: string) => void noteErrors(counters, status, body),
      },
    ];
  }
  // apply: create → submit → cancel, one applicant per cycle, taken from a free pool.
  const free = [...data.applicantTokens];
  interface Cycle {
    token?: string;
    id?: string;
  }
  const release = (context: Cycle) => {
    if (context.token) free.push(context.token);
    context.token = undefined;
  };
  return [
    {
      ...post,
      setupRequest: (req: Request, context: Cycle) => {
        context.token = free.shift() ?? random(data.applicantTokens);
        return { ...req, headers: headers(context.token, data.language), body: JSON.stringify({ query: CREATE_MUTATION, variables: { input: CREATE_INPUT } }) };
      },
      onResponse: (status: number, body: string, context: Cycle) => {
        if (noteErrors(counters, status, body)) return release(context);
        context.id = JSON.parse(body).data?.createCardApplication?.id;
      },
    },
    {
      ...post,
      setupRequest: (req: Request, context: Cycle) =>
        context.id && context.token ? { ...req, headers: headers(context.token, data.language), body: JSON.stringify({ query: SUBMIT_MUTATION, variables: { id: context.id } }) } : undefined,
      onResponse: (status: number, body: string) => void noteErrors(counters, status, body),
    },
    {
      ...post,
      setupRequest: (req: Request, context: Cycle) =>
        context.id && context.token ? { ...req, headers: headers(context.token, data.language), body: JSON.stringify({ query: CANCEL_MUTATION, variables: { id: context.id } }) } : undefined,
      onResponse: (status: number, body: string, context: Cycle) => {
        if (!noteErrors(counters, status, body)) counters.cycles++;
        release(context);
      },
    },
  ];
}
