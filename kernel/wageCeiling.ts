/**
 * The largest monthly wage labor records, in halalas (1,000,000 SAR): no imports, so the web app's
 * wage form refuses a larger one in riyals before the API refuses it in halalas.
 */
export const MAX_MONTHLY_WAGE_HALALAS = 100_000_000;
