import type { ApiError } from "../api/errors";
import { useWords } from "../i18n/catalogue";
import { formatNumber } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { Field } from "../ui/Field";
import { violationsExactly } from "./errors";
import { applyWords } from "./words";
import { FieldErrors } from "../ui/FieldErrors";

/**
 * One national ID typed in a list. `origin` is its index in the list the API last saw (sent or
 * stored), so a violation about `spouseIds[2]` lands next to the input it is about even after
 * empty rows were left out or rows were removed.
 */
export interface PersonRow {
  key: number;
  value: string;
  origin: number | null;
}

let nextKey = 0;

export function newRow(value = "", origin: number | null = null): PersonRow {
  return { key: nextKey++, value, origin };
}

export function rowsOf(ids: string[]): PersonRow[] {
  return ids.map((id, index) => newRow(id, index));
}

/** The non-empty IDs to send, and the rows renumbered as the API will number them. */
export function rowsToSend(rows: PersonRow[]): { ids: string[]; rows: PersonRow[] } {
  const ids: string[] = [];
  const renumbered = rows.map((row) => {
    const value = row.value.trim();
    if (!value) return { ...row, origin: null };
    ids.push(value);
    return { ...row, origin: ids.length - 1 };
  });
  return { ids, rows: renumbered };
}

interface PeopleFieldsetProps {
  id: string;
  role: "spouse" | "child";
  rows: PersonRow[];
  onChange(rows: PersonRow[]): void;
  error: ApiError | null;
}

const MAX_WIVES = 4;

/** Wives or children: a labelled national-ID input per person, with add and remove buttons. */
export function PeopleFieldset({ id, role, rows, onChange, error }: PeopleFieldsetProps) {
  const words = useWords(applyWords);
  const language = useLanguage();
  const spouse = role === "spouse";
  const field = spouse ? "spouseIds" : "childIds";
  const listViolations = violationsExactly(error, field);
  const full = spouse && rows.length >= MAX_WIVES;
  const listErrorId = listViolations.length > 0 ? `${id}-errors` : undefined;

  const add = () => {
    onChange([...rows, newRow()]);
    requestAnimationFrame(() => document.getElementById(`${id}-${rows.length}`)?.focus());
  };
  const remove = (key: number) => {
    onChange(rows.filter((row) => row.key !== key));
    requestAnimationFrame(() => document.getElementById(`${id}-add`)?.focus());
  };

  return (
    <fieldset id={id} class={listErrorId ? "choices invalid" : "choices"} aria-describedby={listErrorId}>
      <legend>{spouse ? words.wives : words.children}</legend>
      <p class="hint">{words.peopleHint}</p>
      {rows.map((row, index) => {
        // "رقم هوية الزوجة ١": the row's number in the reader's digits.
        const number = formatNumber(index + 1, language);
        return (
          <Field key={row.key} id={`${id}-${index}`} label={spouse ? words.wifeId(number) : words.childId(number)} violations={row.origin === null ? [] : (error?.violationsOf(`${field}[${row.origin}]`) ?? [])}>
            {(described) => (
              <div class="id-row">
                <input
                  {...described}
                  inputMode="numeric"
                  autoComplete="off"
                  dir="ltr"
                  value={row.value}
                  onInput={(event) => {
                    const value = event.currentTarget.value;
                    onChange(rows.map((other) => (other.key === row.key ? { ...other, value } : other)));
                  }}
                />
                <button type="button" aria-label={spouse ? words.removeWife(number) : words.removeChild(number)} onClick={() => remove(row.key)}>
                  {words.remove}
                </button>
              </div>
            )}
          </Field>
        );
      })}
      {listErrorId && (
        <FieldErrors id={listErrorId} violations={listViolations} />
      )}
      {full ? (
        <p class="hint">{words.maxWives}</p>
      ) : (
        <button type="button" id={`${id}-add`} onClick={add}>
          {spouse ? words.addWife : words.addChild}
        </button>
      )}
    </fieldset>
  );
}
