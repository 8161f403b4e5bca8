import { useEffect, useState } from "preact/hooks";
import { request } from "../api/client";
import { ApiError } from "../api/errors";
import { useApiError } from "../api/useApiError";
import { SignInDocument } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { announce } from "../ui/announcer";
import { ErrorBlock } from "../ui/ErrorBlock";
import { Field } from "../ui/Field";
import { signedIn, type SessionState } from "./session";
import { signInWords } from "./words";
import { ScreenHeading } from "../ui/ScreenHeading";

/** National ID and password; the API words every refusal (wrong password, lockout) in the chosen language. */
export function SignIn({ ended, expiredFor }: Pick<SessionState, "ended" | "expiredFor">) {
  const words = useWords(signInWords);
  const [nationalId, setNationalId] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useApiError();
  const [busy, setBusy] = useState(false);
  // Why the sign-in form is back is said, not only shown. After a turn: the frame, whose effects
  // run after this one's, first clears what the screen last said.
  useEffect(() => {
    if (!ended) return;
    const timer = setTimeout(() => announce(ended === "expired" ? words.expired : words.signedOut), 0);
    return () => clearTimeout(timer);
  }, [ended]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // The API normalises Eastern Arabic digits itself: the ID is sent as typed.
      const { login } = await request(SignInDocument, { nationalId: nationalId.trim(), password });
      // Someone else than the person whose session expired starts on their own screen.
      if (expiredFor && expiredFor !== login.citizen.nationalId) location.hash = "";
      signedIn({ accessToken: login.accessToken, expiresAt: login.expiresAt, roles: login.roles, ...login.citizen });
      announce(words.signedIn);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : ApiError.unexpected(0));
      setPassword("");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card narrow" aria-labelledby="sign-in-title">
      <ScreenHeading id="sign-in-title">
        {words.title}
      </ScreenHeading>
      {ended === "expired" && <p class="notice">{words.expired}</p>}
      {ended === "signed-out" && <p class="notice">{words.signedOut}</p>}
      <ErrorBlock
        error={error}
        fields={[
          ["nationalId", words.nationalId, "national-id"],
          ["password", words.password, "password"],
        ]}
      />
      <form onSubmit={submit} noValidate>
        <Field id="national-id" label={words.nationalId} hint={words.nationalIdHint} violations={error?.violationsOf("nationalId")}>
          {(described) => (
            <input {...described} name="nationalId" inputMode="numeric" autoComplete="username" dir="ltr" required value={nationalId} onInput={(event) => setNationalId(event.currentTarget.value)} />
          )}
        </Field>
        <Field id="password" label={words.password} violations={error?.violationsOf("password")}>
          {(described) => (
            <input {...described} name="password" type="password" autoComplete="current-password" dir="ltr" required value={password} onInput={(event) => setPassword(event.currentTarget.value)} />
          )}
        </Field>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? words.signingIn : words.submit}
        </button>
      </form>
    </section>
  );
}
