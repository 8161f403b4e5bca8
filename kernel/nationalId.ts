import { normalizeDigits } from "./digits";

export type NationalIdProblem = "FORMAT" | "PREFIX" | "CHECK_DIGIT";

export type NationalIdCheck =
  | { ok: true; nationalId: string; isCitizen: boolean }
  | { ok: false; problem: NationalIdProblem };

/**
 * Luhn check over the first nine digits: digits in odd positions (1st, 3rd, ..., 9th)
 * are doubled, 9 subtracted above 9; with the check digit the sum is a multiple of 10.
 */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = digits.charCodeAt(i) - 48;
    if (i % 2 === 0 && i < 9) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The one national-ID validator: 10 digits, first 1 (citizen) or 2 (resident), Luhn check digit. */
export function checkNationalId(raw: string): NationalIdCheck {
  const id = normalizeDigits(raw);
  if (!/^\d{10}$/.test(id)) return { ok: false, problem: "FORMAT" };
  if (id[0] !== "1" && id[0] !== "2") return { ok: false, problem: "PREFIX" };
  if (!luhnValid(id)) return { ok: false, problem: "CHECK_DIGIT" };
  return { ok: true, nationalId: id, isCitizen: id[0] === "1" };
}

/** Appends the check digit to nine digits (used to mint demo and synthetic IDs). */
export function withCheckDigit(nineDigits: string): string {
  for (let d = 0; d <= 9; d++) {
    if (luhnValid(nineDigits + d)) return nineDigits + d;
  }
  throw new Error(`no check digit for ${nineDigits}`);
}
