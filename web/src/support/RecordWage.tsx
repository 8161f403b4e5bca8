import { useState } from "preact/hooks";
import { request } from "../api/client";
import { ApiError, type Violation } from "../api/errors";
import { useApiError } from "../api/useApiError";
import { ErrorBlock } from "../ui/ErrorBlock";
import { asApiError } from "../apply/errors";
import { SupportRecordWageDocument, type SupportFamilyDetailsFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { formatAmount } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { announce, clearAnnouncement } from "../ui/announcer";
import { Field } from "../ui/Field";
import { MAX_MONTHLY_WAGE_HALALAS } from "../../../kernel/wageCeiling";
import { halalasOf } from "./amount";
import { formatDay, todayInRiyadh } from "../i18n/format";
import { nameOf } from "./people";
import { supportWords } from "./words";

/** The API's refusal of a wage with the form's own problems about the inputs it said nothing of. */
function withOwnProblems(refusal: ApiError, own: Violation[]): ApiError {
  const unsaid = own.filter((problem) => refusal.violationsOf(problem.field).length === 0);
  if (refusal.code !== "BAD_USER_INPUT" || unsaid.length === 0) return refusal;
  return new ApiError(refusal.message, refusal.code, [...refusal.violations, ...unsaid], refusal.reason, refusal.language);
}

interface RecordWageProps {
  family: SupportFamilyDetailsFragment;
  headers: Record<string, string>;
  /** The wage was recorded: the family is read again (its eligibility too), then `said` is announced. */
  onRecorded(said: string): Promise<void>;
}

/**
 * recordWage for one of the family's members: the amount typed in riyals and sent in halalas (a
 * typed amount that is not a number is refused here, in the form's words); the form's problems and
 * the API's are shown together, next to their inputs, in one round.
 */
export function RecordWage({ family, headers, onRecorded }: RecordWageProps) {
  const words = useWords(supportWords);
  const language = useLanguage();
  const [nationalId, setNationalId] = useState(family.members[0]?.citizen.nationalId ?? "");
  const [employer, setEmployer] = useState("");
  const [amount, setAmount] = useState("");
  const [effectiveFrom, setEffectiveFrom] = useState(todayInRiyadh());
  const [error, setError] = useApiError();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const monthlyHalalas = halalasOf(amount);
    const own = ownProblems(monthlyHalalas);
    // Not a number the API can take, or no date: the form's problems alone, the date against the
    // member's birth among them. Otherwise the API is asked too, whatever the form found, and both
    // are shown at once: some rules (the person, the date's range) only it knows.
    if (monthlyHalalas === null || monthlyHalalas > MAX_MONTHLY_WAGE_HALALAS || !effectiveFrom) {
      // Cleared first, as a request clears it: the summary takes the keyboard again on a second try.
      setError(null);
      requestAnimationFrame(() => setError(new ApiError(words.formProblems, "BAD_USER_INPUT", own)));
      return;
    }
    setBusy(true);
    setError(null);
    announce(words.recording);
    try {
      const wage = (await request(SupportRecordWageDocument, { input: { nationalId, employer, monthlyHalalas, effectiveFrom } }, { headers })).recordWage;
      const member = family.members.find((item) => item.citizen.nationalId === wage.nationalId);
      setEmployer("");
      setAmount("");
      await onRecorded(words.wageRecorded(member ? nameOf(member, language) : wage.nationalId, formatAmount(wage.monthlyAmount.halalas, language)));
    } catch (failure) {
      clearAnnouncement();
      setError(withOwnProblems(asApiError(failure), own));
    } finally {
      setBusy(false);
    }
  };

  /** What the form can tell alone, in its words: the wage in riyals, the employer, the date against the member's birth. */
  function ownProblems(monthlyHalalas: number | null): Violation[] {
    const problems: Violation[] = [];
    if (monthlyHalalas === null) problems.push({ field: "monthlyHalalas", rule: "NOT_A_NUMBER", message: words.amountNotNumber });
    else if (monthlyHalalas > MAX_MONTHLY_WAGE_HALALAS) problems.push({ field: "monthlyHalalas", rule: "AMOUNT_RANGE", message: words.amountTooLarge(formatAmount(MAX_MONTHLY_WAGE_HALALAS, language)) });
    if (!employer.trim()) problems.push({ field: "employer", rule: "REQUIRED", message: words.employerRequired });
    const birthDate = family.members.find((member) => member.citizen.nationalId === nationalId)?.citizen.birthDate;
    if (!effectiveFrom) problems.push({ field: "effectiveFrom", rule: "REQUIRED", message: words.dateRequired });
    else if (birthDate && effectiveFrom < birthDate) problems.push({ field: "effectiveFrom", rule: "BEFORE_BIRTH", message: words.beforeBirth(formatDay(birthDate, language)) });
    return problems;
  }

  return (
    <form class="record-wage" noValidate onSubmit={submit} aria-labelledby="record-wage-title">
      <h3 id="record-wage-title">{words.recordWageTitle}</h3>
      <p class="hint">{words.recordWageIntro}</p>
      <ErrorBlock
        error={error}
        fields={[
          ["nationalId", words.wageNationalId, "wage-national-id"],
          ["employer", words.wageEmployer, "wage-employer"],
          ["monthlyHalalas", words.wageAmount, "wage-amount"],
          ["effectiveFrom", words.wageEffectiveFrom, "wage-effective-from"],
        ]}
      />
      <Field id="wage-national-id" label={words.wageNationalId} violations={error?.violationsOf("nationalId")}>
        {(described) => (
          <select {...described} value={nationalId} onChange={(event) => setNationalId(event.currentTarget.value)}>
            {family.members.map((member) => (
              <option key={member.citizen.nationalId} value={member.citizen.nationalId}>
                {`${member.citizen.nationalId} — ${nameOf(member, language)}`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="wage-employer" label={words.wageEmployer} violations={error?.violationsOf("employer")}>
        {(described) => <input {...described} type="text" required aria-required="true" autoComplete="organization" value={employer} onInput={(event) => setEmployer(event.currentTarget.value)} />}
      </Field>
      <Field id="wage-amount" label={words.wageAmount} hint={words.wageAmountHint} violations={error?.violationsOf("monthlyHalalas")}>
        {(described) => (
          <input {...described} type="text" inputMode="decimal" dir="ltr" required aria-required="true" autoComplete="off" value={amount} onInput={(event) => setAmount(event.currentTarget.value)} />
        )}
      </Field>
      <Field id="wage-effective-from" label={words.wageEffectiveFrom} violations={error?.violationsOf("effectiveFrom")}>
        {(described) => <input {...described} type="date" required aria-required="true" value={effectiveFrom} onInput={(event) => setEffectiveFrom(event.currentTarget.value)} />}
      </Field>
      <button type="submit" class="primary" disabled={busy}>
        {busy ? words.recording : words.recordWage}
      </button>
    </form>
  );
}
