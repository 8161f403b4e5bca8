import { parse, protocol, type PGlite, type Results } from "@electric-sql/pglite";

type Serializer = (value: unknown) => string;
type Parsers = PGlite["parsers"];

/** Protocol messages as one buffer, so that PGlite takes them in one call. */
function joined(messages: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(messages.reduce((length, message) => length + message.length, 0));
  let at = 0;
  for (const message of messages) {
    all.set(message, at);
    at += message.length;
  }
  return all;
}

/**
 * The statements marked `prepared` (preparedStatements.ts) on an embedded database, as named
 * prepared statements: parsed and described once per database, then each run is one call into
 * PGlite (Bind, Describe, Execute, Sync), where `PGlite.query` makes six calls (Parse and Describe
 * first) and PostgreSQL parses and plans the text every time. Values are serialized by the
 * parameter types PostgreSQL described, rows parsed with `parsers`, as `PGlite.query` does.
 */
export class PgliteStatements {
  /** Each prepared statement's serializer per parameter (undefined: the value's own text). */
  private readonly serializers = new Map<string, Array<Serializer | undefined>>();

  constructor(
    private readonly database: PGlite,
    private readonly parsers: Parsers,
  ) {}

  run(name: string, text: string, values: readonly unknown[]): Promise<Results<Record<string, unknown>>> {
    // Under PGlite's own query lock, which its `query` takes and `execProtocol` does not: one call's
    // results wait in PGlite until read, and two statements at once (a transaction's holder may
    // start both) would mix them up, or prepare the same name twice.
    return this.database._runExclusiveQuery(async () => {
      const serializers = this.serializers.get(name) ?? (await this.prepare(name, text));
      const sent = values.map((value, i) => (value == null ? null : (serializers[i]?.(value) ?? String(value))));
      const { messages } = await this.database.execProtocol(
        joined([protocol.serialize.bind({ statement: name, values: sent }), protocol.serialize.describe({ type: "P" }), protocol.serialize.execute({}), protocol.serialize.sync()]),
      );
      return parse.parseResults(messages, this.parsers)[0] as Results<Record<string, unknown>>;
    });
  }

  private async prepare(name: string, text: string): Promise<Array<Serializer | undefined>> {
    const { messages } = await this.database.execProtocol(
      joined([protocol.serialize.parse({ name, text }), protocol.serialize.describe({ type: "S", name }), protocol.serialize.sync()]),
    );
    const serializers = parse.parseDescribeStatementResults(messages).map((type) => this.database.serializers[type] as Serializer | undefined);
    this.serializers.set(name, serializers);
    return serializers;
  }
}
