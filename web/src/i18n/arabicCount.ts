/**
 * The Arabic counted noun "day" after a number, by the rules of the counted noun (تمييز العدد):
 * 1 يوم, 2 يومان, 3–10 أيام (plural), 11–99 يوماً (singular, accusative), hundreds and thousands
 * themselves يوم; past a hundred, the last two digits decide (١٠٣ أيام، ١١٥ يوماً، ٢٠٠ يوم).
 */
export function arabicDays(count: number): string {
  const lastTwo = count % 100;
  if (count === 1) return "يوم";
  if (count === 2) return "يومان";
  if (lastTwo >= 3 && lastTwo <= 10) return "أيام";
  if (lastTwo >= 11 && lastTwo <= 99) return "يوماً";
  // 0, and round hundreds and thousands (and their 101, 102): the singular.
  return "يوم";
}
