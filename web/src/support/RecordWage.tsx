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
import { todayInRiyadh } from "../i18n/format";
import { nameOf } from "./people";
import { supportWords } from "./words";

interface RecordWageProps {
  family: SupportFamilyDetailsFragment;
  headers: Record<string, string>;
  /** The wage was recorded: the family is read again (its eligibility too), then `said` is announced. */
  onRecorded(said: string): Promise<void>;
}

/**
 * recordWage for one of the family's members: the amount typed in riyals and sent in halalas (a
 * typed amount that is not a number is refused here, in the form's words); every other rule is the
 * API's, its violations shown next to their inputs.
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
    const problems: Violation[] = [];
    // What the form can tell alone, all at once, the wage in riyals; the API checks the rest (the ID, the date's range).
    if (monthlyHalalas === null) problems.push({ field: "monthlyHalalas", rule: "NOT_A_NUMBER", message: words.amountNotNumber });
    else if (monthlyHalalas > MAX_MONTHLY_WAGE_HALALAS) problems.push({ field: "monthlyHalalas", rule: "AMOUNT_RANGE", message: words.amountTooLarge(formatAmount(MAX_MONTHLY_WAGE_HALALAS, language)) });
    if (!employer.trim()) problems.push({ field: "employer", rule: "REQUIRED", message: words.employerRequired });
    if (!effectiveFrom) problems.push({ field: "effectiveFrom", rule: "REQUIRED", message: words.dateRequired });
    if (problems.length > 0 || monthlyHalalas === null) {
      // Cleared first, as a request clears it: the summary takes the keyboard again on a second try.
      setError(null);
      requestAnimationFrame(() => setError(new ApiError(words.formProblems, "BAD_USER_INPUT", problems)));
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
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="record-wage" noValidate onSubmit={submit} aria-labelledby="record-wage-title">
      <h3 id="record-wage-title">{words.recordWageTitle}</h3>
      <p class="hint">{words.recordWageIntro}</p>
      <ErrorBlock
        error={error}
        fields={[
          ["nationalId", words.wageNationalId],
          ["employer", words.wageEmployer],
          ["monthlyHalalas", words.wageAmount],
          ["effectiveFrom", words.wageEffectiveFrom],
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
