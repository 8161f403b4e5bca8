/** Age in whole years on `asOf` of someone born on `birthDate` ("YYYY-MM-DD"), by UTC calendar dates. */
export function ageOn(birthDate: string, asOf: Date): number {
  const [y, m, d] = birthDate.split("-").map(Number) as [number, number, number];
  const age = asOf.getUTCFullYear() - y;
  const month = asOf.getUTCMonth() + 1;
  const hadBirthday = month > m || (month === m && asOf.getUTCDate() >= d);
  return hadBirthday ? age : age - 1;
}
