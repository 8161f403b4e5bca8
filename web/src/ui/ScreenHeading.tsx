import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { useWords } from "../i18n/catalogue";
import { commonWords } from "./words";

/**
 * A screen's h1, focused when the screen opens: a screen reader announces where the person is
 * after a navigation, and the next Tab starts from the screen's top. It names the page too
 * ("عائلتي · بطاقة العائلة"), in the chosen language, while it is shown.
 */
export function ScreenHeading({ id, children }: { id?: string; children: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const appName = useWords(commonWords).appName;
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    const element = heading.current;
    // A screen kept hidden under the sign-in form does not name the page.
    if (element && !element.closest("[hidden]")) document.title = `${element.textContent} · ${appName}`;
  });
  return (
    <h1 id={id} tabIndex={-1} ref={heading}>
      {children}
    </h1>
  );
}
