import { clientOperationName, MAX_OPERATION_NAME_LENGTH } from "../audit/plugin";

describe("the operation name an audit row keeps", () => {
  it("is the client's name, without the gateway's fetch suffix", () => {
    expect(clientOperationName("Review__civil_affairs__0")).toBe("Review");
    expect(clientOperationName("LookUp")).toBe("LookUp");
    expect(clientOperationName(null)).toBeNull();
  });

  it("is capped, however long the client made it (a 100 KB name would be stored on every row)", () => {
    expect(clientOperationName("A".repeat(100_000))).toHaveLength(MAX_OPERATION_NAME_LENGTH);
    expect(clientOperationName(`${"A".repeat(100_000)}__labor__1`)).toHaveLength(MAX_OPERATION_NAME_LENGTH);
    // Many "__" runs: the suffix pattern only ever sees the capped name.
    expect(clientOperationName("_".repeat(100_000) + "x")!.length).toBeLessThanOrEqual(MAX_OPERATION_NAME_LENGTH);
  });
});
