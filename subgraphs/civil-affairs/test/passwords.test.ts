import { DEMO_PASSWORD } from "../../../seed/demoCast";
import { hashPassword, verifyPassword } from "../src/identity/passwords";
import { DEMO_PASSWORD_HASH } from "../src/seed/seedDemo";

describe("password storage", () => {
  it("stores only slow salted hashes: two hashes of one password differ, both verify", async () => {
    const [a, b] = await Promise.all([hashPassword("demo-password"), hashPassword("demo-password")]);
    expect(a).not.toBe(b);
    expect(a).not.toContain("demo-password");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword("demo-password", a)).toBe(true);
    expect(await verifyPassword("demo-password", b)).toBe(true);
  });

  it("refuses a wrong password and a malformed stored hash", async () => {
    const stored = await hashPassword("demo-password");
    expect(await verifyPassword("demo-passwore", stored)).toBe(false);
    expect(await verifyPassword("demo-password", "plain$text")).toBe(false);
  });

  it("verifies a stored hash with the cost stored in it", async () => {
    const cheap = await hashPassword("demo-password", { N: 1024, r: 8, p: 1 });
    expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword("demo-password", cheap)).toBe(true);
    expect(await verifyPassword("demo-passwore", cheap)).toBe(false);
  });

  it("stores the demo accounts' published password as a sign-in-cost hash of it", async () => {
    expect(DEMO_PASSWORD_HASH).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword(DEMO_PASSWORD, DEMO_PASSWORD_HASH)).toBe(true);
    expect(await verifyPassword("demo-passwore", DEMO_PASSWORD_HASH)).toBe(false);
  });
});
