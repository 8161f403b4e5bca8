const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function calendarDay(text: string, what: string): [number, number, number] {
  const match = DAY.exec(text);
  if (!match) throw new Error(`${what} must be a calendar day written YYYY-MM-DD, got "${text}"`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/**
 * Age in whole years on the calendar day `today` ("YYYY-MM-DD", the request's `ctx.today`) of
 * someone born on `birthDate` ("YYYY-MM-DD"). A birthday counts from its own day on; someone born
 * on 29 February has theirs on 1 March in other years.
 */
export function ageOn(birthDate: string, today: string): number {
  const [year, month, day] = calendarDay(birthDate, "birthDate");
  const [thisYear, thisMonth, thisDay] = calendarDay(today, "today");
  const hadBirthday = thisMonth > month || (thisMonth === month && thisDay >= day);
  return thisYear - year - (hadBirthday ? 0 : 1);
}
