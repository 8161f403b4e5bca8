import type { RequestContext } from "../context";

/** What one request read or changed of personal data, noted while fields resolve. */
export class AuditTrail {
  /** type name → object → field names read. */
  readonly reads = new Map<string, Map<object, Set<string>>>();
  /** Fields of a personal object whose resolver refused the reader (FORBIDDEN): type name → object → field names. */
  readonly refused = new Map<string, Map<object, Set<string>>>();
  /** Mutations' results: type name → object → mutation fields. */
  readonly changes = new Map<string, Map<object, Set<string>>>();
  /** object → the personal parent it was reached through (for `ownersFromParent`). */
  readonly parents = new WeakMap<object, { type: string; value: object }>();

  /** A field its resolver withheld (noted refused) is not a read, though the field resolved (to null). */
  noteRead(type: string, value: object, field: string): void {
    if (this.refused.size > 0 && this.refused.get(type)?.get(value)?.has(field)) return;
    note(this.reads, type, value, field);
  }

  noteRefused(type: string, value: object, field: string): void {
    note(this.refused, type, value, field);
  }

  noteChange(type: string, value: object, field: string): void {
    note(this.changes, type, value, field);
  }

  get isEmpty(): boolean {
    return this.reads.size === 0 && this.changes.size === 0 && this.refused.size === 0;
  }
}

function note(map: Map<string, Map<object, Set<string>>>, type: string, value: object, field: string): void {
  let byValue = map.get(type);
  if (!byValue) map.set(type, (byValue = new Map()));
  let fields = byValue.get(value);
  if (!fields) byValue.set(value, (fields = new Set()));
  fields.add(field);
}

const trails = new WeakMap<object, AuditTrail>();

/** The request's trail, created on first use. */
export function trailOf(ctx: RequestContext): AuditTrail {
  let trail = trails.get(ctx);
  if (!trail) trails.set(ctx, (trail = new AuditTrail()));
  return trail;
}

export function existingTrail(ctx: RequestContext): AuditTrail | undefined {
  return trails.get(ctx);
}
