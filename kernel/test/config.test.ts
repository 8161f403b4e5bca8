import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig, setting } from "../config";

/** Secrets handed over as files (`NAME_FILE`), as Docker and Kubernetes secrets are mounted. */
describe("settings from files", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "config-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const spec = { EVENTS_HMAC_SECRET: setting.string("secret", "dev"), PORT: setting.int("port", 1) };

  it("reads NAME_FILE without its final line break", () => {
    const file = path.join(dir, "secret");
    fs.writeFileSync(file, "from-a-file\n");
    expect(loadConfig(spec, { EVENTS_HMAC_SECRET_FILE: file }).EVENTS_HMAC_SECRET).toBe("from-a-file");
  });

  it("refuses NAME and NAME_FILE together, and a file it cannot read, naming each", () => {
    const file = path.join(dir, "port");
    fs.writeFileSync(file, "8080");
    expect(() => loadConfig(spec, { EVENTS_HMAC_SECRET: "x", EVENTS_HMAC_SECRET_FILE: file, PORT_FILE: path.join(dir, "missing") })).toThrow(
      /EVENTS_HMAC_SECRET and EVENTS_HMAC_SECRET_FILE are both set[\s\S]*PORT_FILE: cannot read .*missing \(ENOENT\)/,
    );
  });
});
