import type { ApplicationDetailsFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { applyWords } from "./words";
import { Amount } from "../ui/Amount";

/** The fee in riyals; a free application says so. */
export function Fee({ fee }: { fee: ApplicationDetailsFragment["fee"] }) {
  const words = useWords(applyWords);
  return fee.halalas === 0 ? (
    <>
      {words.free} (<Amount money={fee} />)
    </>
  ) : (
    <Amount money={fee} />
  );
}
