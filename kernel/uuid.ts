const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** IDs the database generates are UUIDs: anything else cannot name a row (and is not sent to SQL). */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
