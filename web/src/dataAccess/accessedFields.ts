/** Data of one kind, as the screen lists it: its heading (none for a change or a download) and its fields' labels. */
export interface AccessedGroup {
  heading: string | null;
  labels: string[];
}

/** The labels, in one language, of the audit's types and fields (accessedTypeLabels, accessedFieldLabels in words.ts). */
export interface AccessedWords {
  types: Readonly<Record<string, string>>;
  fields: Readonly<Record<string, string>>;
}

/**
 * The audit's field names ("Citizen.birthDate", "Mutation.recordWage") as a citizen reads them:
 * grouped under their type's heading, in the order of the labels' catalogue. A name without a
 * label (a field added after this app was built) is returned as it is, in `unlabelled`, to be
 * shown as code.
 */
export function describeAccessedFields(names: readonly string[], words: AccessedWords): { groups: AccessedGroup[]; unlabelled: string[] } {
  const order = Object.keys(words.fields);
  const labelled = names.filter((name) => Object.hasOwn(words.fields, name)).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const groups = new Map<string, AccessedGroup>();
  for (const name of labelled) {
    const type = name.slice(0, name.indexOf("."));
    const heading = Object.hasOwn(words.types, type) ? words.types[type]! : null;
    const key = heading ?? "";
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { heading, labels: [] }));
    const label = words.fields[name]!;
    if (!group.labels.includes(label)) group.labels.push(label);
  }
  return { groups: [...groups.values()], unlabelled: names.filter((name) => !Object.hasOwn(words.fields, name)) };
}
