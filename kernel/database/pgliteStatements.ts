import { messages as wire, parse, protocol, type PGlite } from "@electric-sql/pglite";
import { readReply, runMessage, type Reply, type ResultColumn } from "./pgliteWire";

type Serializer = (value: unknown) => string;
type Parsers = PGlite["parsers"];

/** What a prepared statement needs to run: a serializer per parameter (undefined: the value's own text) and its result columns. */
interface Prepared {
  serializers: Array<Serializer | undefined>;
  columns: ResultColumn[];
}

/**
 * The statements marked `prepared` (preparedStatements.ts) on an embedded database, as named
 * prepared statements: parsed and described once per database, then each run is one call into
 * PGlite (Bind, Execute, Sync), where `PGlite.query` makes six calls (Parse and Describe first) and
 * PostgreSQL parses and plans the text every time. Values are serialized by the parameter types
 * PostgreSQL described, rows parsed with `parsers` by the result columns it described, as
 * `PGlite.query` does; the reply's bytes are read here (pgliteWire.ts), not by PGlite.
 */
export class PgliteStatements {
  private readonly statements = new Map<string, Prepared>();

  constructor(
    private readonly database: PGlite,
    private readonly parsers: Parsers,
  ) {}

  run(name: string, text: string, values: readonly unknown[]): Promise<Reply> {
    // Under PGlite's own query lock, which its `query` takes and `execProtocol` does not: one call's
    // results wait in PGlite until read, and two statements at once (a transaction's holder may
    // start both) would mix them up, or prepare the same name twice.
    return this.database._runExclusiveQuery(async () => {
      const statement = this.statements.get(name) ?? (await this.prepare(name, text));
      const sent = values.map((value, i) => (value == null ? null : (statement.serializers[i]?.(value) ?? String(value))));
      const chunks: Buffer[] = [];
      // The reply arrives in PGlite's memory, which its next call overwrites: each chunk is copied.
      await this.database.execProtocolRawStream(runMessage(name, sent), { onRawData: (chunk) => chunks.push(Buffer.from(chunk)) });
      return readReply(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), statement.columns);
    });
  }

  private async prepare(name: string, text: string): Promise<Prepared> {
    // One buffer, so that PGlite takes the three messages in one call.
    const { messages } = await this.database.execProtocol(
      Buffer.concat([protocol.serialize.parse({ name, text }), protocol.serialize.describe({ type: "S", name }), protocol.serialize.sync()]),
    );
    const described = messages.find((message): message is wire.RowDescriptionMessage => message.name === "rowDescription");
    const statement: Prepared = {
      serializers: parse.parseDescribeStatementResults(messages).map((type) => this.database.serializers[type] as Serializer | undefined),
      columns: (described?.fields ?? []).map(({ name, dataTypeID }) => ({ name, dataTypeID, parse: this.parsers[dataTypeID] })),
    };
    this.statements.set(name, statement);
    return statement;
  }
}
