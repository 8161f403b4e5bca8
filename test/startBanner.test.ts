import { startBanner } from "../scripts/banner";

/** `npm start`'s banner: the demo sign-ins in development, never their password in production. */
const stack = { gatewayUrl: "http://localhost:4000/graphql", urls: { "civil-affairs": "http://localhost:4001", labor: "http://localhost:4002", delivery: "http://localhost:4003" } };

describe("the start banner", () => {
  it("lists the demo sign-ins and their password in development", () => {
    const banner = startBanner(stack, false);
    expect(banner).toContain("demo-password");
    expect(banner).toContain("1000000909  civil-affairs officer");
  });

  it("prints no demo sign-in and no password in production", () => {
    const banner = startBanner(stack, true);
    expect(banner).toContain(stack.gatewayUrl);
    expect(banner).not.toMatch(/password|1000000016/);
  });
});
