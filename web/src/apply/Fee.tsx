import type { ApplicationDetailsFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { applyWords } from "./words";

/** The fee as the API formats it (SAR, in the chosen language); a free application says so. */
export function Fee({ fee }: { fee: ApplicationDetailsFragment["fee"] }) {
  const words = useWords(applyWords);
  return <>{fee.halalas === 0 ? `${words.free} (${fee.formatted})` : fee.formatted}</>;
}
