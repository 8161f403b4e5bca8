import { useWords } from "../i18n/catalogue";
import { hrefOf, type Screen } from "../router";
import { ScreenHeading } from "./ScreenHeading";
import { commonWords } from "./words";

/** An address that names no screen (`#/nonexistent`): said so, with a way to where the person works. */
export function NotFound({ home }: { id?: string; home?: Screen }) {
  const words = useWords(commonWords);
  return (
    <section>
      <ScreenHeading>{words.notFound}</ScreenHeading>
      <p>{words.notFoundText}</p>
      {home && (
        <p>
          <a href={hrefOf(home)}>{words.goHome(words[home])}</a>
        </p>
      )}
    </section>
  );
}
