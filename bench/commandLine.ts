/** The bench scripts' options: `--name value` among the command line's arguments. */

/** The word after `--name`, if the option is given. */
export function optionValue(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
}

/** A count or a number of seconds after `--name`, `fallback` when absent; anything but a number ≥ 0 stops the script. */
export function numberOption(argv: readonly string[], name: string, fallback: number): number {
  const given = optionValue(argv, name);
  const value = given === undefined ? fallback : Number(given);
  if (given === "" || !Number.isFinite(value) || value < 0) throw new Error(`--${name} takes a number (${fallback} unless told)`);
  return value;
}
