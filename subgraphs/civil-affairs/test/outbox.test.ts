import crypto from "node:crypto";
import http from "node:http";
import { verifySignature, SIGNATURE_HEADER } from "../../../kernel/events/signature";
import { DEV_EVENTS_SECRET } from "../../../kernel/events/settings";
import { listen } from "../../../kernel/http/server";
import { createLogger } from "../../../kernel/logger";
import { backoffMs, startOutboxDispatcher, type OutboxDispatcher } from "../src/applications/outbox/dispatcher";
import { enqueue } from "../src/applications/outbox/outbox";
import { DATABASE_KINDS } from "../../../test/support/database";
import { startSubgraphHarness, type SubgraphHarness } from "../../../test/support/subgraph";
import { civilAffairs } from "../src/definition";
import { signIn } from "./people";

/** A subscriber that can fail its first calls, go down, and come back on the same port. */
class Receiver {
  received: Array<{ eventId: string; signed: boolean }> = [];
  calls = 0;
  failFirst = 0;
  /** Runs before each answer (the test takes the database away there). */
  beforeAnswer?: () => Promise<unknown>;
  private server: http.Server | null = null;
  constructor(public port = 0) {}

  async up(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c) => chunks.push(c)).on("end", async () => {
        this.calls++;
        await this.beforeAnswer?.();
        if (this.calls <= this.failFirst) {
          res.writeHead(500).end();
          return;
        }
        const body = Buffer.concat(chunks);
        this.received.push({ eventId: JSON.parse(body.toString()).eventId, signed: verifySignature(body, DEV_EVENTS_SECRET, req.headers[SIGNATURE_HEADER] as string) });
        res.writeHead(204).end();
      });
    });
    this.port = await listen(this.server, this.port);
  }
  down(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }
  get url(): string {
    return `http://127.0.0.1:${this.port}/events`;
  }
}

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.each(DATABASE_KINDS)("the outbox dispatcher (%s database)", (kind) => {
  let ca: SubgraphHarness;
  const log = createLogger("outbox-test");
  const options = { secret: DEV_EVENTS_SECRET, pollMs: 50, maxBackoffMs: 300 };
  beforeAll(async () => {
    // The service's own dispatcher idles; this test drives its own ones.
    ca = await startSubgraphHarness(civilAffairs, { kind, env: { OUTBOX_POLL_MS: "3600000" }, tokens: signIn });
  });
  afterAll(() => ca?.stop());

  const event = () => ({ type: "CardIssued", eventId: crypto.randomUUID() });
  const pending = async () => (await ca.db.query(`SELECT count(*)::int AS n FROM outbox_message WHERE delivered_at IS NULL`))[0].n as number;

  it("backs off exponentially with jitter, up to the cap", () => {
    expect(backoffMs(1, 60_000, () => 0.5)).toBe(500);
    expect(backoffMs(3, 60_000, () => 0.5)).toBe(2000);
    expect(backoffMs(20, 60_000, () => 0.5)).toBe(60_000);
    expect(backoffMs(3, 60_000, () => 0)).toBe(1000);
    expect(backoffMs(3, 60_000, () => 0.999)).toBeLessThan(3000);
  });

  it("retries a subscriber that fails its first attempts, then delivers once, signed", async () => {
    const receiver = new Receiver();
    receiver.failFirst = 2;
    await receiver.up();
    const sent = event();
    await ca.db.transaction((tx) => enqueue(tx, sent, [receiver.url]));
    const dispatcher = startOutboxDispatcher(ca.db, log, options);
    try {
      await until(async () => (await pending()) === 0);
      expect(receiver.calls).toBe(3);
      expect(receiver.received).toEqual([{ eventId: sent.eventId, signed: true }]);
      const [row] = await ca.db.query(`SELECT attempts, last_error FROM outbox_message WHERE event_id = $1`, [sent.eventId]);
      expect(row).toEqual({ attempts: 3, last_error: null });
    } finally {
      await dispatcher.stop();
      await receiver.down();
    }
  });

  it("keeps events while the subscriber is down, across a dispatcher restart, and delivers each once it is back", async () => {
    const receiver = new Receiver();
    await receiver.up();
    const port = receiver.port;
    await receiver.down();
    const events = Array.from({ length: 5 }, event);
    await ca.db.transaction(async (tx) => {
      for (const e of events) await enqueue(tx, e, [`http://127.0.0.1:${port}/events`]);
    });

    let dispatcher: OutboxDispatcher = startOutboxDispatcher(ca.db, log, options);
    await until(async () => (await ca.db.query(`SELECT min(attempts)::int AS n FROM outbox_message WHERE delivered_at IS NULL`))[0].n >= 2);
    await dispatcher.stop(); // the process stops with everything still pending
    expect(await pending()).toBe(5);

    const back = new Receiver(port);
    await back.up();
    dispatcher = startOutboxDispatcher(ca.db, log, options);
    try {
      await until(async () => (await pending()) === 0);
      expect(back.received.map((r) => r.eventId).sort()).toEqual(events.map((e) => e.eventId).sort());
      expect(back.received.every((r) => r.signed)).toBe(true);
    } finally {
      await dispatcher.stop();
      await back.down();
    }
  });

  it.each([
    ["a delivery", 0],
    ["a failed send's retry", 1],
  ])("writes %s the database could not take when it came once the database is back, neither sending again nor waiting out the lease", async (_, failFirst) => {
    const receiver = new Receiver();
    receiver.failFirst = failFirst;
    // The outbox's table is away from the first call until the test puts it back: the dispatcher cannot write what the subscriber answered.
    let away: Promise<unknown> | null = null;
    receiver.beforeAnswer = () => (away ??= ca.db.query(`ALTER TABLE outbox_message RENAME TO outbox_message_away`));
    await receiver.up();
    const sent = event();
    await ca.db.transaction((tx) => enqueue(tx, sent, [receiver.url]));
    const dispatcher = startOutboxDispatcher(ca.db, log, options); // the default 30 s lease
    try {
      await until(async () => away !== null);
      await away;
      await new Promise((resolve) => setTimeout(resolve, 300)); // a few polls that fail
      await ca.db.query(`ALTER TABLE outbox_message_away RENAME TO outbox_message`);
      await until(async () => (await pending()) === 0, 5_000);
      expect(receiver.received).toEqual([{ eventId: sent.eventId, signed: true }]);
      expect(receiver.calls).toBe(1 + failFirst);
    } finally {
      await dispatcher.stop();
      await receiver.down();
    }
  });

  it("never sends one message from two dispatchers at once", async () => {
    const receiver = new Receiver();
    await receiver.up();
    const events = Array.from({ length: 30 }, event);
    await ca.db.transaction(async (tx) => {
      for (const e of events) await enqueue(tx, e, [receiver.url]);
    });
    const dispatchers = [startOutboxDispatcher(ca.db, log, options), startOutboxDispatcher(ca.db, log, options)];
    dispatchers.forEach((d) => d.kick());
    try {
      await until(async () => (await pending()) === 0);
      expect(receiver.received).toHaveLength(30);
      expect(new Set(receiver.received.map((r) => r.eventId)).size).toBe(30);
    } finally {
      await Promise.all(dispatchers.map((d) => d.stop()));
      await receiver.down();
    }
  });
});
