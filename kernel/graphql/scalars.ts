import { GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { AppError } from "../errors";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** `literal`: the value written in the document, so that the error points at it (kernel/graphql/formatError.ts names its argument). */
function parseDate(value: unknown, literal?: ValueNode): string {
  if (typeof value !== "string" || !ISO_DATE.test(value) || !isRealDate(value)) {
    throw new AppError("BAD_USER_INPUT", "Date must be a real calendar date written YYYY-MM-DD.", {}, literal);
  }
  return value;
}

function parseDateTime(value: unknown, literal?: ValueNode): Date {
  // An offset (or Z) is required so that the instant is unambiguous.
  if (typeof value !== "string" || !/T.*(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    throw new AppError("BAD_USER_INPUT", "DateTime must be ISO-8601 with an offset, e.g. 2026-01-31T09:00:00+03:00.", {}, literal);
  }
  const date = new Date(value);
  // JavaScript rolls a day past the month's end over (2021-02-30 → 2021-03-02): refuse it instead.
  const day = value.slice(0, 10);
  if (Number.isNaN(date.getTime()) || !ISO_DATE.test(day) || !isRealDate(day)) {
    throw new AppError("BAD_USER_INPUT", "DateTime is not a real instant.", {}, literal);
  }
  return date;
}

/** Gregorian calendar date, "YYYY-MM-DD"; held as that string in code. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: "Date",
  description: 'Gregorian calendar date, ISO-8601 "YYYY-MM-DD".',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined, ast),
});

/** An instant, ISO-8601 with offset; held as a Date in code. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  description: "An instant, ISO-8601 with offset.",
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined, ast),
});
