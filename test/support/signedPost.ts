import { SIGNATURE_HEADER, sign } from "../../kernel/events/signature";

/** POSTs a JSON body to a machine route (events, carrier webhook), signed with `secret` (unsigned when null). */
export async function postSigned(url: string, body: unknown, secret: string | null, signature?: string): Promise<{ status: number; body: any }> {
  const raw = JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (secret !== null || signature) headers[SIGNATURE_HEADER] = signature ?? sign(raw, secret!);
  const response = await fetch(url, { method: "POST", headers, body: raw });
  return { status: response.status, body: await response.json() };
}
