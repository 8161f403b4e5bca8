import type { ComponentChildren } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";

interface ScrollTableProps {
  /** The table's name: its caption (read, not shown), and its box's while the box scrolls. */
  label: string;
  tableClass?: string;
  /**
   * On a phone its rows are stacked as cards of labelled lines (`table.stacked`, each cell's
   * `data-label` its column's name): the table then needs explicit roles on its parts, as CSS
   * blocks drop a table's semantics.
   */
  stacked?: boolean;
  /** The table's head and body. */
  children: ComponentChildren;
}

/**
 * A named table that scrolls sideways on a narrow screen. While it does, its box takes the
 * keyboard (a named group, Tab-reachable, arrows scroll it), so a table with nothing focusable in
 * it can still be read to its far edge; while it fits, it adds no tab stop. A group, not a region:
 * a region is a landmark, and this one would share its section's name on a phone only.
 */
export function ScrollTable({ label, tableClass, stacked = false, children }: ScrollTableProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const check = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} class="table-scroll" tabIndex={scrolls ? 0 : undefined} role={scrolls ? "group" : undefined} aria-label={scrolls ? label : undefined}>
      <table class={stacked ? `${tableClass ?? ""} stacked`.trim() : tableClass} role={stacked ? "table" : undefined}>
        <caption class="visually-hidden">{label}</caption>
        {children}
      </table>
    </div>
  );
}
