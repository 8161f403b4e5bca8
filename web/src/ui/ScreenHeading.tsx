import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

/**
 * A screen's h1, focused when the screen opens: a screen reader announces where the person is
 * after a navigation, and the next Tab starts from the screen's top.
 */
export function ScreenHeading({ id, children }: { id?: string; children: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <h1 id={id} tabIndex={-1} ref={heading}>
      {children}
    </h1>
  );
}
