/** The carrier of every shipment: Saudi Post (SPL). */
export const CARRIER = "SPL";

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/** UPU S10 check digit over the 8-digit serial. */
export function s10CheckDigit(serial: string): number {
  const sum = [...serial].reduce((total, digit, i) => total + Number(digit) * S10_WEIGHTS[i]!, 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/**
 * A UPU S10 item identifier as Saudi Post prints it on registered mail: service "RR", an 8-digit
 * serial, its check digit and the country "SA", e.g. RR000000015SA.
 */
export function trackingNumberFor(serial: number): string {
  if (!Number.isSafeInteger(serial) || serial < 1 || serial > 99_999_999) throw new Error(`S10 serial out of range: ${serial}`);
  const digits = String(serial).padStart(8, "0");
  return `RR${digits}${s10CheckDigit(digits)}SA`;
}
