/** The bench scripts' options: `--name value` among the command line's arguments. */

/** The word after `--name`, if the option is given. */
export function optionValue(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
}

/** `text` as a count or a number of seconds; anything but a number ≥ 0 stops the script with `usage`. */
function numberIn(text: string, usage: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0) throw new Error(usage);
  return value;
}

/** A count or a number of seconds after `--name`, `fallback` when absent. */
export function numberOption(argv: readonly string[], name: string, fallback: number): number {
  const given = optionValue(argv, name);
  return given === undefined ? fallback : numberIn(given, `--${name} takes a number (${fallback} unless told)`);
}

/** Numbers after `--name`, separated by commas (`--sizes 1000,100000`), `fallback` when absent. */
export function numberListOption(argv: readonly string[], name: string, fallback: number[]): number[] {
  const given = optionValue(argv, name);
  if (given === undefined) return fallback;
  return given.split(",").map((item) => numberIn(item, `--${name} takes numbers separated by commas (${fallback.join(",")} unless told)`));
}

/** One of `choices` after `--name`, the first when absent; anything else stops the script, naming them. */
export function choiceOption<T extends string>(argv: readonly string[], name: string, choices: readonly [T, ...T[]]): T {
  const given = optionValue(argv, name);
  if (given === undefined) return choices[0];
  if (!(choices as readonly string[]).includes(given)) throw new Error(`--${name} takes ${choices.join(" or ")} (${choices[0]} unless told)`);
  return given as T;
}
